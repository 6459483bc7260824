import { buildChain } from "@/lib/chain/build-chain";
import { stepEntityLines } from "@/lib/chain/group-step-entities";
import { parseAsOf } from "@/lib/chain/parse-as-of";
import { NotFoundError } from "@/lib/errors/not-found";
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
    if (!chain) throw new NotFoundError(`no incident ${values.incident} (or you are not a member of it)`);
    if (values.json) {
      console.log(JSON.stringify(chain, null, 2));
      return 0;
    }
    console.log(asOf ? `chain as believed on ${asOf.toISOString()}` : "chain as believed now");
    if (chain.notYetObserved > 0) console.log(`(${chain.notYetObserved} later step(s) not yet observed on that date are left out)`);
    const byId = new Map(chain.steps.map((s) => [s.id, s]));
    for (const group of chain.chains) {
      const steps = group.stepIds.map((id) => byId.get(id)).filter((s) => s !== undefined);
      const span = group.firstAt ? `, evidence ${group.firstAt.slice(0, 19)} → ${group.lastAt?.slice(0, 19) ?? "?"}` : "";
      console.log(
        `\n${group.title}${group.kind === "findings" ? " (evidence that shares nothing with evidence of another stage)" : ""}: ${steps.length} step(s)${span}\n`,
      );
      printTable(
        ["#", "STAGE", "WHEN", "EVENTS", "KIND", "CONFIDENCE", "GAPS", "HYPOTHESES"],
        steps.map((s, i) => [
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
      const number = new Map(steps.map((s, i) => [s.id, i + 1]));
      if (group.links.length) console.log("\narrows (what ties each pair):");
      for (const l of group.links) {
        const tie = l.ties.length ? l.ties.map((t) => `${t.kind} ${t.value}`).join("; ") : l.rationale;
        console.log(`  ${number.get(l.fromStepId)} → ${number.get(l.toStepId)}  ${tie}`);
      }
      const named = steps.filter((s) => s.entities.length > 0);
      if (named.length) console.log("\nwho and what each step's evidence names (events naming it):");
      for (const s of named)
        for (const line of stepEntityLines(s.entities)) console.log(`  ${`${number.get(s.id)} ${s.stageKey}`.padEnd(24)} ${line}`);
    }
    const missing = chain.stages.filter((st) => !st.stepId).map((st) => st.key);
    if (missing.length) console.log(`\nno evidence and not implied: ${missing.join(", ")}`);
    return 0;
  },
};

export const chainBuild: Command = {
  path: ["chain", "build"],
  summary: "Rebuild the rule-made chains from the events' stage tags and what ties them (analyst-edited steps are kept)",
  options: { incident: { type: "string", description: "incident id (required)" }, json: { type: "boolean", description: "print JSON" } },
  async run({ values }) {
    if (typeof values.incident !== "string") throw new UsageError("--incident is required");
    const ctx = await cliContext();
    const result = await buildChain(ctx, values.incident);
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else
      printTable(
        ["CHAIN", "STAGE", "KIND", "CONFIDENCE", "GAPS"],
        result.steps.map((s) => [
          String(result.chains.findIndex((c) => c.chainId === s.chainId) + 1),
          s.stageKey,
          s.inferred ? "inferred" : "evidenced",
          s.confidence,
          String(s.gaps),
        ]),
      );
    return 0;
  },
};
