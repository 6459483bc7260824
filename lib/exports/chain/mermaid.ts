import type { ChainView } from "@/lib/queries/get-chain";

/** Text safe inside a Mermaid label in quotes: its own entity codes for what would end or break it. */
const label = (s: string) =>
  s
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/[\r\n]+/g, " ");

/**
 * The chain as Mermaid flowchart text to paste into a wiki: one box per step (stage, title, dates,
 * confidence), each chain a subgraph, inferred steps dashed, arrows labelled with what ties them.
 */
export function chainToMermaid(chain: ChainView): string {
  const out = ["flowchart LR", "  classDef inferred stroke-dasharray: 5 5"];
  const node = new Map(chain.steps.map((s, i) => [s.id, `s${i + 1}`]));
  for (const [g, group] of chain.chains.entries()) {
    out.push(`  subgraph c${g + 1}["${label(group.title)}"]`);
    for (const id of group.stepIds) {
      const s = chain.steps.find((x) => x.id === id);
      if (!s) continue;
      const when = s.startAt
        ? `${s.startAt.slice(0, 10)}${s.endAt && s.endAt.slice(0, 10) !== s.startAt.slice(0, 10) ? ` → ${s.endAt.slice(0, 10)}` : ""}`
        : "time unknown";
      const text = [
        s.stageName,
        s.title !== s.stageName ? s.title : "",
        `${when} · ${s.confidence.label} ${s.confidence.score}${s.inferred ? " · inferred" : ""}`,
      ]
        .filter(Boolean)
        .map(label)
        .join("<br/>");
      out.push(`    ${node.get(s.id)}["${text}"]${s.inferred ? ":::inferred" : ""}`);
    }
    out.push("  end");
    for (const l of group.links) {
      const tie = l.ties.length ? l.ties.map((t) => `${t.kind} ${t.value}`).join(", ") : l.kind === "inferred" ? "inferred" : l.rationale;
      const arrow = l.kind === "inferred" ? "-.->" : "-->";
      out.push(`  ${node.get(l.fromStepId)} ${arrow}|"${label(tie.slice(0, 80))}"| ${node.get(l.toStepId)}`);
    }
  }
  return `${out.join("\n")}\n`;
}
