import pg from "pg";
import { checkServerUrl, serverConnectError } from "./errors";

/**
 * Creates the database DATABASE_URL names when the server is there but the database is not
 * (a fresh server): `db migrate` and the demo then just work. Returns whether it created it.
 */
export async function ensureServerDatabase(url: string): Promise<boolean> {
  checkServerUrl(url);
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await probe.connect();
    return false;
  } catch (err) {
    if ((err as { code?: string }).code !== "3D000") throw serverConnectError(url, err);
  } finally {
    await probe.end().catch(() => undefined);
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return true;
  } catch (err) {
    throw serverConnectError(url, err);
  } finally {
    await client.end().catch(() => undefined);
  }
}
