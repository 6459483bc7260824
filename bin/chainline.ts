// The Chainline CLI: parses its input and calls lib/, nothing more.
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { findLocalApp } from "@/lib/access/local-app";
import { closeDb } from "@/lib/db";
import { dbConfigFromEnv } from "@/lib/db/config";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { MigrationError } from "@/lib/db/migrator";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { FormatError } from "@/lib/ingest/detect";
import { ImportRefusedError } from "@/lib/ingest/file-input";
import { type Command, UsageError } from "./command";
import { COMMANDS, overview, usageOf } from "./commands-table";
import { badIdOption } from "./id-options";
import { RemoteError } from "./remote";

/**
 * The app on this machine holds the embedded database (PGlite is one process's alone): a command
 * that can work through the app's API does, with the secret the app published beside the data
 * folder (lib/access/local-app.ts); any other is refused by the database lock, which says why.
 */
function throughLocalApp(cmd: Command): void {
  if (process.env.CHAINLINE_SERVER || !cmd.remote || cmd.path[0] === "login") return;
  const config = dbConfigFromEnv();
  if (config.mode !== "embedded") return;
  const app = findLocalApp(config.dataDir);
  if (!app) return;
  process.env.CHAINLINE_SERVER = app.url;
  process.env.CHAINLINE_TOKEN = app.secret;
  console.error(`chainline: the app (pid ${app.pid}) has the embedded database open: working through it at ${app.url}`);
}

/**
 * Takes the global flags out of argv: --as EMAIL (who a run on the server acts as) and --server URL
 * (work against a running server with a token instead of the database). They travel as
 * CHAINLINE_AS and CHAINLINE_SERVER.
 */
function takeGlobalFlags(argv: string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const m = /^--(as|server)(?:=(.*))?$/.exec(a);
    if (!m) {
      rest.push(a);
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (!value || value.startsWith("-")) throw new UsageError(`--${m[1]} needs a value`);
    process.env[m[1] === "as" ? "CHAINLINE_AS" : "CHAINLINE_SERVER"] = value;
  }
  return rest;
}

async function main(rawArgv: string[]): Promise<number> {
  const argv = takeGlobalFlags(rawArgv);
  const words = argv.filter((a) => !a.startsWith("-"));
  const cmd = COMMANDS.find((c) => c.path.every((w, i) => words[i] === w));
  if (!cmd) {
    const wantsHelp = argv.length === 0 || argv.includes("--help") || argv.includes("-h");
    const group = COMMANDS.some((c) => c.path[0] === words[0]) ? [words[0] as string] : [];
    if (wantsHelp && words.length <= 1) {
      console.log(overview(group));
      return 0;
    }
    console.error(`chainline: unknown command "${words.join(" ")}"\n\n${overview(group)}`);
    return 2;
  }
  const rest = argv.slice(argv.indexOf(cmd.path.at(-1) as string) + 1);
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(usageOf(cmd));
    return 0;
  }
  throughLocalApp(cmd);
  if (process.env.CHAINLINE_SERVER && !cmd.remote) {
    throw new UsageError(
      `"${cmd.path.join(" ")}" runs on the server itself; with --server only ${COMMANDS.filter((c) => c.remote)
        .map((c) => c.path.join(" "))
        .join(", ")} work`,
    );
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    const options = Object.fromEntries(Object.entries(cmd.options ?? {}).map(([k, { description: _d, ...o }]) => [k, o]));
    parsed = parseArgs({ args: rest, options, allowPositionals: Boolean(cmd.positionals), strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${usageOf(cmd)}`);
  }
  const badId = badIdOption(parsed.values as Record<string, unknown>);
  if (badId) {
    console.error(`chainline: ${badId}`);
    return 2;
  }
  try {
    return (await cmd.run(parsed as never)) ?? 0;
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(`${err.message}\n\n${usageOf(cmd)}`);
    throw err;
  }
}

function report(err: unknown): number {
  if (err instanceof UsageError) {
    console.error(`chainline: ${err.message}`);
    return 2;
  }
  if (err instanceof ZodError) {
    console.error(`chainline: ${err.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`);
    return 2;
  }
  if (
    err instanceof DatabaseUnavailableError ||
    err instanceof MigrationError ||
    err instanceof FormatError ||
    err instanceof ImportRefusedError ||
    err instanceof NotFoundError ||
    err instanceof InvalidRequestError ||
    err instanceof ForbiddenError ||
    err instanceof RemoteError
  ) {
    console.error(`chainline: ${err.message}`);
    return 1;
  }
  console.error(err);
  return 1;
}

// A reader that stops early (`chainline export events | head`) is not an error: stop quietly.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});
const code = await main(process.argv.slice(2)).catch(report);
await closeDb().catch(() => undefined);
// Exit once what was written has reached the pipe: `chainline … --json | jq` gets the whole
// document (process.exit alone drops what a slow reader has not taken yet).
const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write("", () => resolve()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
