import { detectQuietPeriods } from "@/lib/chain/gaps/detect-quiet-periods";
import { listGaps } from "@/lib/queries/list-gaps";
import { cliContext } from "../cli-context";
import { type Command, UsageError } from "../command";
import { printTable } from "../print-table";

export const gapsCommand: Command = {
  path: ["gaps"],
  summary: "List an incident's evidence gaps (declared and detected) and the steps they affect",
  options: {
    incident: { type: "string", description: "incident id (required)" },
    detect: { type: "boolean", description: "detect quiet periods again first" },
    json: { type: "boolean", description: "print JSON" },
  },
  async run({ values }) {
    if (typeof values.incident !== "string") throw new UsageError("--incident is required");
    const ctx = await cliContext();
    if (values.detect) await detectQuietPeriods(ctx, values.incident);
    const gaps = await listGaps(ctx, values.incident);
    if (values.json) {
      console.log(JSON.stringify(gaps, null, 2));
      return 0;
    }
    printTable(
      ["START", "END", "REASON", "ORIGIN", "SCOPE", "STEPS", "WHY"],
      gaps.map((g) => [
        g.startAt.slice(0, 19),
        g.endAt.slice(0, 19),
        g.reason,
        g.origin,
        g.scope,
        g.stepStages.join(",") || "-",
        g.description,
      ]),
    );
    return 0;
  },
};
