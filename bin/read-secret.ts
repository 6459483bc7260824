import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";

/** The first line of standard input (for --password-stdin and --token-stdin). */
export async function readFirstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

/**
 * A password for a new account: CHAINLINE_PASSWORD, else the first line of stdin with
 * --password-stdin, else a random one (printed once by the caller).
 */
export async function passwordFrom(values: Record<string, unknown>): Promise<{ password: string; generated: boolean }> {
  if (process.env.CHAINLINE_PASSWORD) return { password: process.env.CHAINLINE_PASSWORD, generated: false };
  if (values["password-stdin"]) return { password: (await readFirstLine()).replace(/\r$/, ""), generated: false };
  return { password: randomBytes(15).toString("base64url"), generated: true };
}
