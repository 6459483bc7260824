import type { Db } from "@/lib/db";

/**
 * Who is acting, and how they proved it: a browser session, a personal access token (with its
 * scope), or the CLI on the server itself (acting as a named user).
 */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  /** The instance admin manages accounts and settings; incidents still need a membership. */
  isAdmin: boolean;
  via: "session" | "token" | "cli";
  /** Set when via is "token": a read token may not change anything. */
  tokenScope?: "read" | "write";
  /** The token's id and name when via is "token" (audited as such). */
  tokenId?: string;
  tokenName?: string;
  /** The client's address, for the audit trail. */
  ip?: string;
};

/** What every read and write in lib/ is given: the database and the acting user. */
export type Ctx = { db: Db; actor: Actor };
