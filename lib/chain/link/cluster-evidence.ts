import type { Tie } from "./tie-keys";

/** One tagged event as the linker sees it: when, and what ties it to others. */
export type LinkableEvent = { at: number; ties: readonly Tie[] };

/**
 * Groups events into clusters: two events are in one cluster when a chain of events joins them,
 * each consecutive pair sharing a tie no further apart in time than that tie's bound. Returns,
 * per event, its cluster number (0-based, numbered by each cluster's first event in input order).
 */
export function clusterEvidence(events: readonly LinkableEvent[]): number[] {
  const parent = events.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    // Path compression: later finds are near-constant.
    let cur = i;
    while (parent[cur] !== root) {
      const next = parent[cur] as number;
      parent[cur] = root;
      cur = next;
    }
    return root;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byTie = new Map<string, { bound: number; members: number[] }>();
  events.forEach((e, i) => {
    for (const t of e.ties) {
      const entry = byTie.get(t.key) ?? { bound: t.boundMs, members: [] };
      entry.members.push(i);
      byTie.set(t.key, entry);
    }
  });
  for (const { bound, members } of byTie.values()) {
    members.sort((a, b) => (events[a]?.at ?? 0) - (events[b]?.at ?? 0));
    for (let j = 1; j < members.length; j++) {
      const prev = members[j - 1] as number;
      const cur = members[j] as number;
      if ((events[cur]?.at ?? 0) - (events[prev]?.at ?? 0) <= bound) union(prev, cur);
    }
  }
  const numberOf = new Map<number, number>();
  return events.map((_, i) => {
    const root = find(i);
    let n = numberOf.get(root);
    if (n === undefined) {
      n = numberOf.size;
      numberOf.set(root, n);
    }
    return n;
  });
}
