import { buildChain } from "@/lib/chain/build-chain";
import { stepEntityLines } from "@/lib/chain/group-step-entities";
import { parseAsOf } from "@/lib/chain/parse-as-of";
import { getChain } from "@/lib/queries/get-chain";
import { cliContext } from "../cli-context";
import { type Command, UsageError } from "../command";
import { printTable } from "../print-table";

export const chainShow: Command = {
  path: ["chain", "show"],
  summary: "Show an incident's attack chain, optionally as it was believed on a date",
  options: {
    incident: { type: "string", description: "incident id (required)" },
    "as-of": { type: "string", description: "a date (YYYY-MM-DD or ISO time): confidence as believed then" },
    json: { type: "boolean", description: "print JSON" },
  },
  async run({ values }) {
    if (typeof values.incident !== "string") throw new UsageError("--incident is required");
    const parsed = parseAsOf(values["as-of"] as string | undefined);
    if ("error" in parsed) throw new UsageError(`--as-of: ${parsed.error}`);
    const { asOf } = parsed;
    const ctx = await cliContext();
    const chain = await getChain(ctx, values.incident, asOf);
    if (!chain) throw new UsageError(`no incident ${values.incident} (or you are not a member of it)`);
    if (values.json) {
      console.log(JSON.stringify(chain, null, 2));
      return 0;
    }
    console.log(asOf ? `chain as believed on ${asOf.toISOString()}\n` : "chain as believed now\n");
    printTable(
      ["#", "STAGE", "WHEN", "EVENTS", "KIND", "CONFIDENCE", "GAPS", "HYPOTHESES"],
      chain.steps.map((s, i) => [
        String(i + 1),
        s.stageKey,
        `${s.startAt?.slice(0, 19) ?? "?"} → ${s.endAt?.slice(0, 19) ?? "?"}${s.timePrecision === "unknown" ? " (bounds only)" : ""}`,
        String(s.eventCount),
        s.inferred ? "inferred" : "evidenced",
        `${s.confidence.label} ${s.confidence.score}${s.confidence.origin === "analyst" ? ` (${s.confidence.effectiveAt?.slice(0, 10)})` : ""}`,
        String(s.gaps.length),
        String(s.hypotheses.length),
      ]),
    );
    const named = chain.steps.filter((s) => s.entities.length > 0);
    if (named.length) console.log("\nwho and what each step's evidence names (events naming it):");
    for (const s of named) for (const line of stepEntityLines(s.entities)) console.log(`  ${s.stageKey.padEnd(24)} ${line}`);
    const missing = chain.stages.filter((st) => !st.stepId).map((st) => st.key);
    if (missing.length) console.log(`\nno evidence and not implied: ${missing.join(", ")}`);
    return 0;
  },
};

export const chainBuild: Command = {
  path: ["chain", "build"],
  summary: "Rebuild the rule-made chain from the events' stage tags (analyst-edited steps are kept)",
  options: { incident: { type: "string", description: "incident id (required)" }, json: { type: "boolean", description: "print JSON" } },
  async run({ values }) {
    if (typeof values.incident !== "string") throw new UsageError("--incident is required");
    const ctx = await cliContext();
    const result = await buildChain(ctx, values.incident);
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else
      printTable(
        ["STAGE", "KIND", "CONFIDENCE", "GAPS"],
        result.steps.map((s) => [s.stageKey, s.inferred ? "inferred" : "evidenced", s.confidence, String(s.gaps)]),
      );
    return 0;
  },
};
