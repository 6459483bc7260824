import type { ChainView } from "@/lib/queries/get-chain";

/**
 * The arrows that run backwards in time: the later step ends before the earlier step begins.
 * (An inferred step's window may start before its predecessor's evidence; it may not end before it.)
 */
export function backwardArrows(chain: ChainView): string[] {
  const byId = new Map(chain.steps.map((s) => [s.id, s]));
  return chain.chains.flatMap((c) =>
    c.links
      .filter((l) => {
        const from = byId.get(l.fromStepId);
        const to = byId.get(l.toStepId);
        const start = from?.startAt ?? from?.endAt;
        const end = to?.endAt ?? to?.startAt;
        return Boolean(start && end && end < start);
      })
      .map((l) => `${byId.get(l.fromStepId)?.stageKey} → ${byId.get(l.toStepId)?.stageKey}`),
  );
}

/** The stage keys of each chain (not the findings), in chain order. */
export function chainStages(chain: ChainView): string[][] {
  const byId = new Map(chain.steps.map((s) => [s.id, s]));
  return chain.chains.filter((c) => c.kind === "chain").map((c) => c.stepIds.map((id) => byId.get(id)?.stageKey ?? ""));
}
