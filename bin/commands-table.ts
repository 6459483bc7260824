// Every command of the CLI, and the help text made from them (chainline.ts dispatches on this list).
import type { Command } from "./command";
import { chainBuild, chainShow } from "./commands/chain";
import { dbMigrate, dbStatus } from "./commands/db";
import { exportBriefCommand, exportCaseCommand, exportChainCommand, exportEvents, exportTimelineCommand } from "./commands/export";
import { formatsCommand } from "./commands/formats";
import { gapsCommand } from "./commands/gaps";
import { importCommand } from "./commands/import";
import { incidentCreate, incidentImport, incidentList } from "./commands/incident";
import { incidentDelete, incidentUpdate } from "./commands/incident-lifecycle";
import { jobsRun } from "./commands/jobs";
import { loginCommand, whoamiCommand } from "./commands/login";
import { rulesList, rulesLoad, rulesRun } from "./commands/rules";
import { scenarioGenerate, scenarioLoad } from "./commands/scenario";
import { stagesAdd, stagesList, stagesRename, stagesReorder } from "./commands/stages";
import { storyExport, storyList, storyShow } from "./commands/story";
import { tokenCreate, tokenList, tokenRevoke } from "./commands/token";
import { userCreate, userList, userResetPassword } from "./commands/user";

export const COMMANDS: Command[] = [
  dbMigrate,
  dbStatus,
  userCreate,
  userList,
  userResetPassword,
  tokenCreate,
  tokenList,
  tokenRevoke,
  loginCommand,
  whoamiCommand,
  incidentCreate,
  incidentList,
  incidentImport,
  incidentUpdate,
  incidentDelete,
  jobsRun,
  importCommand,
  formatsCommand,
  scenarioGenerate,
  scenarioLoad,
  rulesRun,
  rulesList,
  rulesLoad,
  chainShow,
  chainBuild,
  gapsCommand,
  stagesList,
  stagesAdd,
  stagesRename,
  stagesReorder,
  storyList,
  storyShow,
  storyExport,
  exportEvents,
  exportChainCommand,
  exportCaseCommand,
  exportBriefCommand,
  exportTimelineCommand,
];

/** A command's --help: its usage line, summary, notes and every option, aligned. */
export function usageOf(cmd: Command): string {
  const lines = [
    `usage: chainline ${cmd.path.join(" ")}${cmd.options ? " [options]" : ""}${cmd.positionals ? ` ${cmd.positionals}` : ""}`,
    "",
    cmd.summary,
  ];
  for (const h of cmd.help ?? []) lines.push(h);
  const opts = Object.entries(cmd.options ?? {});
  lines.push("", "options:");
  const rows: [string, string][] = [
    ...opts.map(([name, o]): [string, string] => [`  --${name}${o.type === "string" ? " VALUE" : ""}`, o.description]),
    ["  --help", "show this help"],
  ];
  // The descriptions start two spaces after the longest flag, however long it is.
  const width = Math.max(20, ...rows.map(([flag]) => flag.length)) + 2;
  for (const [flag, description] of rows) lines.push(flag.padEnd(width) + description);
  return lines.join("\n");
}

/** The list of commands (of one group, given its first word), for `chainline --help`. */
export function overview(prefix: string[] = []): string {
  const shown = COMMANDS.filter((c) => prefix.every((w, i) => c.path[i] === w));
  const width = Math.max(...shown.map((c) => c.path.join(" ").length));
  return [
    "usage: npm run chainline -- <command> [options]",
    "",
    "commands:",
    ...shown.map((c) => `  ${c.path.join(" ").padEnd(width)}  ${c.summary}`),
    "",
    "Every command takes --help. DATABASE_URL selects a Postgres server; unset, the embedded database is used.",
    "On the server, commands act as the instance admin, or as --as EMAIL. With --server URL (and a token from",
    "CHAINLINE_TOKEN or `chainline login`), import, incident list, whoami, export brief and export timeline work against a running server.",
  ].join("\n");
}
