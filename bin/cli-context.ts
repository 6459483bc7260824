import { getCliContext } from "@/lib/access/cli-context";
import type { Ctx } from "@/lib/context/ctx";
import { getDb } from "@/lib/db";

/** Who this CLI run acts as on the server's own database: --as EMAIL (CHAINLINE_AS), else the instance admin. */
export async function cliContext(): Promise<Ctx> {
  return getCliContext(await getDb(), process.env.CHAINLINE_AS);
}
