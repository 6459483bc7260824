/**
 * The response headers every page and route carries. Scripts run only with this request's nonce
 * ('strict-dynamic' lets Next.js's own scripts load their chunks); styles may be inline because
 * React and the timeline set style attributes, which CSP cannot nonce.
 */
export function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The other security headers; HSTS only when the request came over https. */
export function securityHeaders(isHttps: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(isHttps ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * Whether a state-changing request comes from another site (a cross-site form post). Browsers
 * send Sec-Fetch-Site and Origin; a client that sends neither (curl, the CLI) is not a browser
 * being tricked, and authenticates with a token anyway.
 */
export function isCrossSiteWrite(method: string, headers: Headers, host: string | null): boolean {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = headers.get("origin");
  if (!origin || origin === "null") return origin === "null";
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
