/** Single sign-on through one OpenID Connect provider, configured by the environment. */
export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; name: string };

/** The provider id better-auth knows it by (its redirect URI is /api/auth/callback/oidc). */
export const OIDC_PROVIDER_ID = "oidc";

/** The configured provider, or null when CHAINLINE_OIDC_ISSUER is unset. */
export function oidcConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OidcConfig | null {
  const issuer = env.CHAINLINE_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.CHAINLINE_OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error("CHAINLINE_OIDC_ISSUER is set but CHAINLINE_OIDC_CLIENT_ID is not");
  return {
    issuer: issuer.replace(/\/+$/, ""),
    clientId,
    clientSecret: env.CHAINLINE_OIDC_CLIENT_SECRET ?? "",
    name: env.CHAINLINE_OIDC_NAME?.trim() || "single sign-on",
  };
}
