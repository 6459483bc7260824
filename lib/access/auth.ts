import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import { type Db, getDb } from "@/lib/db";
import { getAuthSecret } from "./auth-secret";
import { hasPendingInvitation } from "./invitations/has-pending-invitation";
import { OIDC_PROVIDER_ID, oidcConfigFromEnv } from "./oidc-config";
import { hashPassword, verifyPassword } from "./password-hash";
import { PEER_HEADER } from "./peer-address";

/** How long a session lasts from sign-in; it is not extended by use. */
export const SESSION_SECONDS = 12 * 60 * 60;

/** Loopback hosts the app answers on when CHAINLINE_URL does not name its address. */
const LOOPBACK_HOSTS = ["127.0.0.1:*", "localhost:*", "[::1]:*", "127.0.0.1", "localhost"];

function makeAuth(db: Db, secret: string) {
  const oidc = oidcConfigFromEnv();
  const publicUrl = process.env.CHAINLINE_URL?.replace(/\/+$/, "");
  return betterAuth({
    appName: "Chainline",
    secret,
    baseURL: publicUrl ?? { allowedHosts: LOOPBACK_HOSTS, protocol: "http", fallback: `http://127.0.0.1:${process.env.PORT ?? 3000}` },
    basePath: "/api/auth",
    trustedOrigins: publicUrl ? [publicUrl] : ["http://127.0.0.1:*", "http://localhost:*"],
    database: prismaAdapter(db.prisma, { provider: "postgresql" }),
    telemetry: { enabled: false },
    // Ours (lib/access/rate-limit.ts): per account and per address, audited.
    rateLimit: { enabled: false },
    emailAndPassword: {
      enabled: true,
      // Accounts come from the first-run page, the CLI, an admin or an invitation: never open sign-up.
      disableSignUp: true,
      minPasswordLength: 10,
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
    },
    session: { expiresIn: SESSION_SECONDS, disableSessionRefresh: true },
    // An SSO sign-in joins an existing account of the same address only when the provider says it
    // verified that address (a provider that lets people type any email must not hand out accounts).
    account: { accountLinking: { enabled: true, trustedProviders: [] } },
    user: {
      // Single sign-on creates an account on first sign-in only where the admin allows it, or for
      // an address with a pending invitation.
      validateUserInfo: async ({ user, source }) => {
        if (source.action !== "create-user" || source.method !== "oauth") return;
        const [settings] = await db.sql.query<{ sso_signup: string }>("SELECT sso_signup FROM instance_settings WHERE id = 1");
        if (settings?.sso_signup === "open") return;
        if (typeof user.email === "string" && (await hasPendingInvitation(db, user.email))) return;
        return { error: "invitation_required", errorDescription: "This instance creates accounts by invitation only." };
      },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account gets no session, whichever way it signs in.
          before: async (session) => {
            const [u] = await db.sql.query<{ disabled_at: Date | null }>("SELECT disabled_at FROM users WHERE id = $1", [session.userId]);
            return !u?.disabled_at;
          },
          after: async (session, context) => {
            const method = context?.path?.startsWith("/callback") ? `oidc:${OIDC_PROVIDER_ID}` : "password";
            await recordAuditSql(
              db.sql,
              { actor: { userId: session.userId, via: "session", ip: session.ipAddress ?? undefined } },
              {
                action: "auth.sign-in",
                entityType: "User",
                entityId: session.userId,
                after: { method, userAgent: session.userAgent ?? null },
              },
            );
          },
        },
      },
    },
    advanced: {
      cookiePrefix: "chainline",
      database: { generateId: "uuid" },
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      useSecureCookies: publicUrl?.startsWith("https://") ?? false,
      // Sessions record the address the server saw (lib/access/peer-address.ts), not one a client wrote.
      ipAddress: { ipAddressHeaders: [PEER_HEADER] },
    },
    plugins: oidc
      ? [
          genericOAuth({
            config: [
              {
                providerId: OIDC_PROVIDER_ID,
                name: oidc.name,
                discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
                clientId: oidc.clientId,
                clientSecret: oidc.clientSecret,
                scopes: ["openid", "email", "profile"],
                pkce: true,
              },
            ],
          }),
        ]
      : [],
  });
}

export type Auth = ReturnType<typeof makeAuth>;

type Built = { auth: Auth; isSsoReady: boolean; builtAt: number };
const holder = globalThis as typeof globalThis & { __chainlineAuth?: Promise<Built> };

/** Whether the identity provider answers its discovery document (better-auth reads it once, when built). */
async function ssoReachable(): Promise<boolean> {
  const oidc = oidcConfigFromEnv();
  if (!oidc) return true;
  try {
    const res = await fetch(`${oidc.issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(3_000) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * The process's better-auth instance, on the process's database (made on first use). When single
 * sign-on is configured but its provider did not answer, the instance is rebuilt on a later request
 * (at most every 10 s), so an identity provider that starts after Chainline still works.
 */
export async function getAuth(): Promise<Auth> {
  const cached = holder.__chainlineAuth ? await holder.__chainlineAuth.catch(() => null) : null;
  if (cached && (cached.isSsoReady || Date.now() - cached.builtAt < 10_000)) return cached.auth;
  holder.__chainlineAuth = (async () => {
    const db = await getDb();
    const isSsoReady = await ssoReachable();
    return { auth: makeAuth(db, await getAuthSecret(db)), isSsoReady, builtAt: Date.now() };
  })();
  holder.__chainlineAuth.catch(() => {
    holder.__chainlineAuth = undefined;
  });
  return (await holder.__chainlineAuth).auth;
}

/** A better-auth instance on a given database (tests, CLI). */
export async function authFor(db: Db): Promise<Auth> {
  return makeAuth(db, await getAuthSecret(db));
}
