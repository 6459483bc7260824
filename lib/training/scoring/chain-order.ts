import { round } from "./stage-tags";

export type OrderScore = { tau: number; coverage: number; points: number; misplaced: string[] };

/**
 * The chain-ordering task: Kendall's tau between the key's order of the steps and the trainee's,
 * over the steps both name (1: same order, 0: unrelated, -1: reversed), times the share of the
 * key's steps the trainee placed. Points are that agreement (below zero counts as zero) times the
 * task's worth. `misplaced` names the steps in a pair the trainee ordered the other way round.
 */
export function scoreChainOrder(key: readonly string[], given: readonly string[], worth: number): OrderScore {
  const at = new Map(given.map((s, i) => [s, i]));
  const common = key.filter((s) => at.has(s));
  const coverage = key.length === 0 ? 1 : common.length / key.length;
  if (common.length < 2)
    return { tau: common.length === key.length ? 1 : 0, coverage, points: round(common.length === key.length ? worth : 0), misplaced: [] };
  let concordant = 0;
  let discordant = 0;
  const misplaced = new Set<string>();
  for (let i = 0; i < common.length; i++)
    for (let j = i + 1; j < common.length; j++) {
      const a = common[i] as string;
      const b = common[j] as string;
      // In the key a comes before b; the trainee agrees when a's place is earlier too.
      if ((at.get(a) as number) < (at.get(b) as number)) concordant++;
      else {
        discordant++;
        misplaced.add(a).add(b);
      }
    }
  const tau = (concordant - discordant) / (concordant + discordant);
  return { tau, coverage, points: round(Math.max(0, tau) * coverage * worth), misplaced: [...misplaced] };
}
