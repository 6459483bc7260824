import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";

/**
 * The secret that signs session cookies and OIDC state: CHAINLINE_SECRET when set (share it
 * between servers), else one made at random the first time and kept in instance_settings.
 */
export async function getAuthSecret(db: Db): Promise<string> {
  const fromEnv = process.env.CHAINLINE_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("CHAINLINE_SECRET must be at least 32 characters");
    return fromEnv;
  }
  await db.sql.query("UPDATE instance_settings SET auth_secret = $1 WHERE id = 1 AND auth_secret IS NULL", [
    randomBytes(32).toString("hex"),
  ]);
  const [row] = await db.sql.query<{ auth_secret: string }>("SELECT auth_secret FROM instance_settings WHERE id = 1");
  if (!row) throw new Error("instance_settings has no row: the accounts migration did not run");
  return row.auth_secret;
}
