import { deleteIncident } from "@/lib/actions/delete-incident";
import { updateIncident } from "@/lib/actions/update-incident";
import { cliContext } from "../cli-context";
import { type Command, UsageError } from "../command";

export const incidentUpdate: Command = {
  path: ["incident", "update"],
  summary: "Rename an incident, edit its summary or time zone, or move its status (owners)",
  help: [
    "--status contained|closed stamps the date now, or at --at (ISO 8601 with an offset, or a wall time",
    "such as 2023-07-11T14:00 read in the incident's time zone); --status open reopens it and clears both dates.",
  ],
  options: {
    incident: { type: "string", description: "incident id (required)" },
    title: { type: "string", description: "new title" },
    summary: { type: "string", description: "new summary" },
    tz: { type: "string", description: "new IANA time zone to display it in" },
    status: { type: "string", description: "open | contained | closed" },
    at: { type: "string", description: "when it was contained or closed (default now)" },
    json: { type: "boolean", description: "print the incident as JSON" },
  },
  async run({ values }) {
    if (typeof values.incident !== "string") throw new UsageError("--incident is required");
    const status = values.status as "open" | "contained" | "closed" | undefined;
    if (values.at !== undefined && status !== "contained" && status !== "closed")
      throw new UsageError("--at goes with --status contained or --status closed");
    const at = values.at as string | undefined;
    const incident = await updateIncident(await cliContext(), values.incident, {
      title: values.title as string | undefined,
      summary: values.summary as string | undefined,
      timeZone: values.tz as string | undefined,
      status,
      ...(status === "contained" && at ? { containedAt: at } : {}),
      ...(status === "closed" && at ? { closedAt: at } : {}),
    });
    if (values.json) console.log(JSON.stringify(incident, null, 2));
    else {
      const dates = [
        incident.containedAt && `contained ${incident.containedAt.toISOString()}`,
        incident.closedAt && `closed ${incident.closedAt.toISOString()}`,
      ].filter(Boolean);
      console.log(`incident ${incident.id}: ${incident.title} · ${incident.status}${dates.length ? ` (${dates.join(", ")})` : ""}`);
    }
    return 0;
  },
};

export const incidentDelete: Command = {
  path: ["incident", "delete"],
  summary: "Delete an incident and everything in it (owners; --confirm must repeat its title)",
  options: {
    incident: { type: "string", description: "incident id (required)" },
    confirm: { type: "string", description: "the incident's title, exactly (required)" },
  },
  async run({ values }) {
    if (typeof values.incident !== "string") throw new UsageError("--incident is required");
    if (typeof values.confirm !== "string") throw new UsageError("--confirm is required: the incident's title, exactly");
    const d = await deleteIncident(await cliContext(), values.incident, { confirm: values.confirm });
    console.log(`deleted incident ${d.id}: ${d.title} (${d.sources} sources, ${d.events.toLocaleString("en-US")} events)`);
    return 0;
  },
};
