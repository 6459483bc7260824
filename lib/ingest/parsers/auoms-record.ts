import type { EventDraft } from "../canonical";

/** key=value pairs of an audit record; values may be "quoted" (kept without quotes) or bare. */
export function auditFields(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([A-Za-z_][\w-]*)=("(?:[^"\\]|\\.)*"|\[[^\]]*\]|\S*)/g)) {
    const [, key, value = ""] = m;
    if (key && !(key in out)) out[key] = value.startsWith('"') ? value.slice(1, -1) : value;
  }
  return out;
}

/**
 * An AUOMS (Azure Monitor's auditd plugin) process record, as it arrives in SyslogMessage:
 * `type=AUOMS_EXECVE … user=tomcat comm="bash" exe="/bin/bash" success=yes … cmdline=…`. The
 * program run is `exe` (or, when the execve failed, `name`); the command line is `cmdline` or
 * `proctitle`. Other AUOMS types are kept with their type as the action.
 */
export function auomsDraft(message: string): Omit<EventDraft, "time"> | null {
  const type = /^type=(AUOMS_\w+)/.exec(message)?.[1];
  if (!type) return null;
  const f = auditFields(message);
  const failed = f.success === "no";
  const program = failed ? (f.name ?? f.exe) : f.exe;
  // AUOMS does not escape quotes inside cmdline ("bash -c "{echo,…}|{bash,-i}""): read it up to the next key.
  const cmdline = /\bcmdline="(.*?)"\s+(?=[A-Za-z_][\w-]*=)/.exec(message)?.[1] || f.proctitle || program;
  const user = f.user && f.user !== "unset" ? f.user : undefined;
  if (type !== "AUOMS_EXECVE") return { message: `${type}: ${message.slice(0, 300)}`, action: type.toLowerCase(), actor: user };
  // A failed execve leaves the caller in exe and proctitle: the message names what it tried to run.
  const what = failed ? `${program ?? "unknown"} (called by ${f.exe ?? "unknown"})` : (cmdline ?? "unknown");
  return {
    message: `Process ${failed ? "failed to start" : "started"}: ${what}${user ? ` as ${user}` : ""}`,
    action: "process-create",
    outcome: failed ? `failure (exit ${f.exit ?? "?"})` : "success",
    actor: user,
    target: program,
    entities: [
      ...(program ? [{ kind: "process" as const, value: program, role: "process" }] : []),
      ...(failed && f.exe ? [{ kind: "process" as const, value: f.exe, role: "parent" }] : []),
    ],
  };
}
