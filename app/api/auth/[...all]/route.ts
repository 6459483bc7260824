// GET, POST /api/auth/* – better-auth's endpoints for single sign-on only: POST sign-in/social { provider: "oidc",
//   callbackURL } starts it, callback/oidc finishes it. Password sign-in, sign-up and account changes go through
//   Chainline's own routes (rate-limited and audited); every other better-auth path is 404 here.
import { getAuth } from "@/lib/access/auth";
import { json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

const OPEN_PATHS = [/^\/api\/auth\/sign-in\/social$/, /^\/api\/auth\/callback\/[\w-]+$/, /^\/api\/auth\/error$/];

async function handle(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (!OPEN_PATHS.some((re) => re.test(pathname))) return json({ error: "no such route" }, 404);
  return (await getAuth()).handler(request);
}

export const GET = handle;
export const POST = handle;
