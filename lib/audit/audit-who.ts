import type { Actor } from "@/lib/context/ctx";

/** Who an audit entry names: an actor, or (a failed sign-in with an unknown address) only a label. */
export type AuditWho =
  | { actor: Pick<Actor, "userId" | "via" | "tokenId" | "tokenName" | "ip"> }
  | { actor: null; label: string; ip?: string };

/** The columns that say who acted: user, how (token, CLI) or what was tried, and from where. */
export function auditWhoColumns(who: AuditWho): { actorId: string | null; actorLabel: string | null; ipAddress: string | null } {
  if (!who.actor) return { actorId: null, actorLabel: who.label, ipAddress: who.ip ?? null };
  const { actor } = who;
  const label = actor.via === "token" ? `token “${actor.tokenName ?? ""}” (${actor.tokenId ?? ""})` : actor.via === "cli" ? "cli" : null;
  return { actorId: actor.userId, actorLabel: label, ipAddress: actor.ip ?? null };
}
