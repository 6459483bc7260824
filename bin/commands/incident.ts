import { createReadStream } from "node:fs";
import path from "node:path";
import { createIncident } from "@/lib/actions/create-incident";
import { STAGE_SETS } from "@/lib/chain/stages";
import { readCaseFileLines } from "@/lib/exports/case/case-file-lines";
import { importCaseFile } from "@/lib/exports/case/import-case";
import { type IncidentListItem, listIncidents } from "@/lib/queries/list-incidents";
import { cliContext } from "../cli-context";
import { type Command, UsageError } from "../command";
import { printTable } from "../print-table";
import { remoteFetch, remoteTarget } from "../remote";

export const incidentCreate: Command = {
  path: ["incident", "create"],
  summary: "Create an incident",
  options: {
    title: { type: "string", description: "title (required)" },
    summary: { type: "string", description: "one-paragraph summary" },
    tz: { type: "string", description: "IANA time zone to display it in (default UTC)" },
    stages: { type: "string", description: `stage set: ${Object.keys(STAGE_SETS).join(" | ")} (default generic)` },
    json: { type: "boolean", description: "print the incident as JSON" },
  },
  async run({ values }) {
    if (typeof values.title !== "string") throw new UsageError("--title is required");
    const ctx = await cliContext();
    const incident = await createIncident(ctx, {
      title: values.title,
      summary: values.summary as string | undefined,
      timeZone: values.tz as string | undefined,
      stageSet: values.stages as never,
    });
    if (values.json) console.log(JSON.stringify(incident, null, 2));
    else console.log(`created incident ${incident.id}: ${incident.title}`);
    return 0;
  },
};

export const incidentList: Command = {
  path: ["incident", "list"],
  summary: "List incidents, newest first",
  remote: true,
  options: { json: { type: "boolean", description: "print JSON" } },
  async run({ values }) {
    const remote = remoteTarget();
    const rows = remote
      ? ((await remoteFetch(remote, "/api/incidents")) as { incidents: IncidentListItem[] }).incidents.map((r) => ({
          ...r,
          createdAt: new Date(r.createdAt),
        }))
      : await listIncidents(await cliContext());
    if (values.json) {
      console.log(JSON.stringify(rows, null, 2));
      return 0;
    }
    if (rows.length === 0) {
      console.log('no incidents yet: chainline incident create --title "..."');
      return 0;
    }
    const table = rows.map((r) => [
      r.id,
      r.createdAt.toISOString().slice(0, 10),
      r.status,
      r.role,
      String(r.sourceCount),
      String(r.eventCount),
      r.title,
    ]);
    const head = ["ID", "CREATED", "STATUS", "ROLE", "SOURCES", "EVENTS", "TITLE"];
    printTable(head, table);
    return 0;
  },
};

export const incidentImport: Command = {
  path: ["incident", "import"],
  summary: "Make a new incident from a case file (`export case`), everything in it or nothing",
  positionals: "FILE",
  options: {
    title: { type: "string", description: "the new incident's title (default: the exported incident's)" },
    json: { type: "boolean", description: "print the result as JSON" },
  },
  async run({ values, positionals }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError("name one case FILE");
    const ctx = await cliContext();
    const result = await importCaseFile(ctx, readCaseFileLines(createReadStream(file)), {
      fileName: path.basename(file),
      title: values.title as string | undefined,
    });
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(`created incident ${result.incidentId}: ${result.title}`);
      console.log(
        `  ${(result.counts.events ?? 0).toLocaleString("en-US")} events, ${result.counts.chain_steps ?? 0} chain steps, ${result.counts.gaps ?? 0} gaps, ${result.counts.stories ?? 0} stories`,
      );
      if (!result.peopleMatched)
        console.log("  the file's people all stand for you here (only the instance admin's import matches them to accounts)");
      if (result.addedPeople.length)
        console.log(`  people without an account here, added disabled (an admin enables them): ${result.addedPeople.join(", ")}`);
    }
    return 0;
  },
};
