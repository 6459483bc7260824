import { createIncident } from "@/lib/actions/create-incident";
import { STAGE_SETS } from "@/lib/chain/stages";
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
