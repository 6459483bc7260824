// Runs before every page and route: security headers with a per-request CSP nonce, refusal of
// cross-site writes, and the access declaration (lib/access/route-access.ts) for visitors who are
// not signed in. Whether a signed-in user may see a given incident is decided later, in lib/
// (lib/access/authorize.ts), where the database is.
import { type NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE } from "@/lib/access/auth-cookie";
import { METHOD_HEADER, PATH_HEADER } from "@/lib/access/request-headers";
import { accessFor } from "@/lib/access/route-access";
import { contentSecurityPolicy, isCrossSiteWrite, securityHeaders } from "@/lib/access/security-headers";

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const isHttps = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const finish = (res: NextResponse) => {
    res.headers.set("Content-Security-Policy", csp);
    for (const [k, v] of Object.entries(securityHeaders(isHttps))) res.headers.set(k, v);
    return res;
  };
  const refuse = (status: number, error: string) => finish(NextResponse.json({ error }, { status }));

  if (isCrossSiteWrite(request.method, request.headers, request.headers.get("host"))) return refuse(403, "cross-site request refused");

  const declared = accessFor(request.method, pathname);
  if (!declared && isApi) return refuse(404, "no such route");
  const hasCredentials =
    request.cookies.has(SESSION_COOKIE) || request.cookies.has(`__Secure-${SESSION_COOKIE}`) || request.headers.has("authorization");
  if (declared && declared.access !== "public" && !hasCredentials) {
    if (isApi) return refuse(401, "sign in first, or send a token as 'Authorization: Bearer …'");
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
    return finish(NextResponse.redirect(url, 303));
  }

  // Always set here (never what the client sent): pages and handlers trust these. An undeclared page
  // goes on to Next.js's 404 with them too.
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", csp);
  forwarded.set(PATH_HEADER, pathname + search);
  forwarded.set(METHOD_HEADER, request.method);
  return finish(NextResponse.next({ request: { headers: forwarded } }));
}

export const config = {
  // Static assets need none of this.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
