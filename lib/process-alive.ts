import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";

/**
 * Whether a process on this machine is still running. A killed process whose parent never
 * reaps it (common in containers) stays a zombie that signal 0 still reaches, so on Linux the
 * state in /proc decides.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return true; // no /proc (not Linux): trust the signal
  }
}

/** This process: host, pid and a nonce made at start, so a new process that reuses a pid (a restarted container) is not taken for the old one. */
export type ProcessStamp = { host: string; pid: number; boot: string };

const BOOT = randomBytes(6).toString("hex");

export function processStamp(): ProcessStamp {
  return { host: os.hostname(), pid: process.pid, boot: BOOT };
}

/**
 * Whether the process a stamp names is certainly gone: it ran on this host and its pid is dead,
 * or its pid is this process's own but from an earlier start (another boot nonce). A stamp from
 * another host is never certainly gone: only its heartbeat tells.
 */
export function isStampGone(stamp: Partial<ProcessStamp> | null | undefined): boolean {
  if (!stamp || stamp.host !== os.hostname() || typeof stamp.pid !== "number") return false;
  if (stamp.pid === process.pid) return stamp.boot !== BOOT;
  return !isProcessAlive(stamp.pid);
}
