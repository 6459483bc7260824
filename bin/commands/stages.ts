import { authorize } from "@/lib/access/authorize";
import { addStage, renameStage, reorderStages } from "@/lib/chain/actions/manage-stages";
import { listStages } from "@/lib/queries/list-stages";
import { cliContext } from "../cli-context";
import { type Command, UsageError, wholeNumber } from "../command";
import { printTable } from "../print-table";

const incident = { type: "string", description: "incident id (required)" } as const;
function incidentOf(values: Record<string, unknown>): string {
  if (typeof values.incident !== "string") throw new UsageError("--incident is required");
  return values.incident;
}

export const stagesList: Command = {
  path: ["stages", "list"],
  summary: "List an incident's attack-chain stages in order",
  options: { incident, json: { type: "boolean", description: "print JSON" } },
  async run({ values }) {
    const ctx = await cliContext();
    const id = incidentOf(values);
    // An empty list would read as "no stages": a stranger is told there is no such incident.
    await authorize(ctx, id, "incident.view");
    const stages = await listStages(ctx, id);
    if (values.json) console.log(JSON.stringify(stages, null, 2));
    else
      printTable(
        ["#", "KEY", "TACTIC", "EVENTS", "NAME"],
        stages.map((s) => [String(s.position + 1), s.key, s.attackTactic ?? "", String(s.events), s.name]),
      );
    return 0;
  },
};

export const stagesAdd: Command = {
  path: ["stages", "add"],
  summary: "Add a stage (last, or at --position N, 1-based)",
  options: {
    incident,
    key: { type: "string", description: "stage key, e.g. lateral-movement (required)" },
    name: { type: "string", description: "display name (required)" },
    tactic: { type: "string", description: "ATT&CK tactic id, e.g. TA0008" },
    position: { type: "string", description: "1-based place in the chain (default last)" },
  },
  async run({ values }) {
    const position = wholeNumber("position", values.position);
    const s = await addStage(await cliContext(), incidentOf(values), {
      key: String(values.key ?? ""),
      name: String(values.name ?? ""),
      attackTactic: (values.tactic as string | undefined) ?? null,
      position: position === undefined ? undefined : Math.max(0, position - 1),
    });
    console.log(`added stage ${s.key} at ${s.position + 1}`);
    return 0;
  },
};

export const stagesRename: Command = {
  path: ["stages", "rename"],
  summary: "Rename a stage (its key stays, so rules keep tagging it)",
  options: {
    incident,
    key: { type: "string", description: "stage key (required)" },
    name: { type: "string", description: "new name (required)" },
  },
  async run({ values }) {
    const s = await renameStage(await cliContext(), incidentOf(values), String(values.key ?? ""), { name: String(values.name ?? "") });
    console.log(`renamed ${s.key}: ${s.name}`);
    return 0;
  },
};

export const stagesReorder: Command = {
  path: ["stages", "reorder"],
  summary: "Put the stages in a new order: every key, comma-separated",
  options: { incident, keys: { type: "string", description: "all stage keys in the new order (required)" } },
  async run({ values }) {
    const keys = String(values.keys ?? "")
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean);
    await reorderStages(await cliContext(), incidentOf(values), { keys });
    console.log(`stages: ${keys.join(" → ")}`);
    return 0;
  },
};
