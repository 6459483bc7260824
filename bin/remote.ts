import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { UsageError } from "./command";

/** A running Chainline server and the personal access token to use with it. */
export type Remote = { server: string; token: string };

/** Where `chainline login` keeps tokens: readable by its owner only. */
export function configPath(): string {
  const base = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config");
  return process.env.CHAINLINE_CONFIG || path.join(base, "chainline", "config.json");
}

type ConfigFile = { servers?: Record<string, { token?: string }> };

function readConfig(file: string): ConfigFile {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    return {};
  }
  // Like ssh with a private key: a token file others can read is refused, not used.
  if (mode & 0o077) throw new UsageError(`${file} is readable by others (mode ${(mode & 0o777).toString(8)}): chmod 600 it`);
  return JSON.parse(readFileSync(file, "utf8")) as ConfigFile;
}

/** Stores a server's token in the config file, created with mode 0600. */
export function saveToken(server: string, token: string): string {
  const file = configPath();
  const config = readConfig(file);
  config.servers = { ...config.servers, [normalizeServer(server)]: { token } };
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

function normalizeServer(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new UsageError(`--server must be a URL such as http://127.0.0.1:3000 (got "${server}")`);
  }
  return url.origin;
}

/**
 * The server this run talks to (--server or CHAINLINE_SERVER), with its token (CHAINLINE_TOKEN, else
 * the config file), or null to work on the database directly.
 */
export function remoteTarget(): Remote | null {
  const raw = process.env.CHAINLINE_SERVER;
  if (!raw) return null;
  const server = normalizeServer(raw);
  const token = process.env.CHAINLINE_TOKEN || readConfig(configPath()).servers?.[server]?.token;
  if (!token) throw new UsageError(`no token for ${server}: set CHAINLINE_TOKEN or run chainline login --server ${server}`);
  return { server, token };
}

/** Whom to act as beside a local app (--as); a server ignores it for personal access tokens. */
function asHeader(): Record<string, string> {
  return process.env.CHAINLINE_AS ? { "x-chainline-as": process.env.CHAINLINE_AS } : {};
}

/** A request to the server with the token; a refusal becomes one line naming the status and reason. */
export async function remoteFetch(remote: Remote, pathAndQuery: string, init: RequestInit & { duplex?: "half" } = {}): Promise<unknown> {
  const res = await fetch(`${remote.server}${pathAndQuery}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...asHeader(), authorization: `Bearer ${remote.token}` },
  });
  const text = await res.text();
  const body = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const reason = (body as { error?: string } | null)?.error ?? res.statusText;
    throw new RemoteError(`${remote.server} answered ${res.status}: ${reason}`);
  }
  return body;
}

/** A file the server makes (a PDF, a picture), as bytes; a refusal is its JSON error. */
export async function remoteDownload(remote: Remote, pathAndQuery: string): Promise<Buffer> {
  const res = await fetch(`${remote.server}${pathAndQuery}`, { headers: { ...asHeader(), authorization: `Bearer ${remote.token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (!res.ok) {
    let reason = res.statusText;
    try {
      reason = (JSON.parse(bytes.toString("utf8")) as { error?: string }).error ?? reason;
    } catch {}
    throw new RemoteError(`${remote.server} answered ${res.status}: ${reason}`);
  }
  return bytes;
}

/** The server refused or failed a request. */
export class RemoteError extends Error {
  override name = "RemoteError";
}

/** Refuses a command that only runs on the server's own database. */
export function localOnly(command: string): void {
  if (process.env.CHAINLINE_SERVER)
    throw new UsageError(
      `"${command}" runs on the server itself; with --server only import, incident list, whoami, export brief and export timeline work`,
    );
}
