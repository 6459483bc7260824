import type { BuildChainResult } from "./build-chain";

/**
 * One line on what a rebuild left: every chain's steps, those the rules inferred, and those kept
 * as an analyst left them (the rebuild does not touch them, but they are still the chain's).
 */
export function describeBuild(result: BuildChainResult): string {
  const chains = result.chains.filter((c) => c.kind === "chain");
  const steps = chains.reduce((n, c) => n + c.steps, 0);
  const inChains = new Set(chains.map((c) => c.chainId));
  const rebuilt = result.steps.filter((s) => inChains.has(s.chainId));
  const inferred = rebuilt.filter((s) => s.inferred).length;
  const kept = steps - rebuilt.length;
  const findings = result.chains.find((c) => c.kind === "findings")?.steps ?? 0;
  const parts = [
    `${chains.length} chain${chains.length === 1 ? "" : "s"} of ${steps} step${steps === 1 ? "" : "s"} (${inferred} inferred by the rules`,
  ];
  if (kept > 0) parts.push(`, ${kept} kept as analysts left them`);
  parts.push(")");
  if (findings > 0) parts.push(`, ${findings} unlinked finding${findings === 1 ? "" : "s"}`);
  return parts.join("");
}
