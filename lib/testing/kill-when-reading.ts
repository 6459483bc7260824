import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";

/**
 * Runs the CLI (`chainline <args>`) in a child process and kills it with SIGKILL once its import
 * is reading (its progress line says " reading "), as a crash or a `kill -9` would.
 */
export async function runCliAndKillWhenReading(args: string[], env: Record<string, string>): Promise<void> {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["--conditions=react-server", "bin/chainline.ts", ...args], {
    env: { ...process.env, ...env },
    // Its own process group: tsx runs the CLI in a child process, and both must die.
    detached: true,
  });
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (d) => {
      stderr += String(d);
      if (stderr.includes(" reading ")) setTimeout(() => resolve(), 1_500);
    });
    child.once("exit", (code) => reject(new Error(`it ended by itself (code ${code}) before it could be killed: ${stderr}`)));
  });
  const exited = once(child, "exit");
  process.kill(-(child.pid as number), "SIGKILL");
  await exited;
  await new Promise((r) => setTimeout(r, 300));
}
