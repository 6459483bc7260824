import { getAuth } from "./auth";

/** The token of the request's own session (to keep it when the others are ended), or undefined. */
export async function sessionToken(headers: Headers): Promise<string | undefined> {
  const session = await (await getAuth()).api.getSession({ headers });
  return session?.session.token;
}
