import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Actor } from "@/lib/context/ctx";
import type { Db } from "@/lib/db";
import { UnauthenticatedError } from "@/lib/errors/unauthenticated";
import { actorOfUser } from "../actor-of-user";
import { hashToken } from "../secret-token";

/** Token use is audited once per burst: the first use after this long without one. */
const AUDIT_QUIET_MS = 5 * 60 * 1000;

/**
 * The actor behind a Bearer token, or UnauthenticatedError saying why not (unknown, revoked,
 * expired, or its account disabled). Records the use.
 */
export async function resolveApiToken(db: Db, token: string, use: { ip?: string; method: string; path: string }): Promise<Actor> {
  const [row] = await db.sql.query<{
    id: string;
    name: string;
    scope: "read" | "write";
    expires_at: Date;
    revoked_at: Date | null;
    last_used_at: Date | null;
    user_id: string;
    user_name: string;
    email: string;
    is_admin: boolean;
    disabled_at: Date | null;
  }>(
    `SELECT t.id, t.name, t.scope, t.expires_at, t.revoked_at, t.last_used_at, u.id AS user_id, u.name AS user_name, u.email, u.is_admin, u.disabled_at
     FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`,
    [hashToken(token)],
  );
  if (!row) throw new UnauthenticatedError("unknown token");
  if (row.revoked_at) throw new UnauthenticatedError("this token was revoked");
  if (new Date(row.expires_at).getTime() <= Date.now()) throw new UnauthenticatedError("this token has expired");
  if (row.disabled_at) throw new UnauthenticatedError("this token's account is disabled");
  const actor = actorOfUser({ id: row.user_id, name: row.user_name, email: row.email, isAdmin: row.is_admin }, "token", {
    tokenScope: row.scope,
    tokenId: row.id,
    tokenName: row.name,
    ip: use.ip,
  });
  await db.sql.query("UPDATE api_tokens SET last_used_at = clock_timestamp() WHERE id = $1", [row.id]);
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > AUDIT_QUIET_MS) {
    await recordAuditSql(
      db.sql,
      { actor },
      {
        action: "token.use",
        entityType: "ApiToken",
        entityId: row.id,
        after: { name: row.name, scope: row.scope, method: use.method, path: use.path },
      },
    );
  }
  return actor;
}
