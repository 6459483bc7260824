import type { Actor } from "@/lib/context/ctx";

/** The Actor for a user row, given how they proved who they are. */
export function actorOfUser(
  user: { id: string; name: string; email: string; isAdmin: boolean },
  via: Actor["via"],
  extra: Partial<Pick<Actor, "tokenScope" | "tokenId" | "tokenName" | "ip">> = {},
): Actor {
  return { userId: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin, via, ...extra };
}
