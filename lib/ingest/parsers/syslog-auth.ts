import type { EntityRef } from "../canonical";

/** What an authentication or account line says: who did what, from where, and whether it worked. */
export type AuthFacts = {
  action: string;
  outcome?: "success" | "failure";
  actor?: string;
  target?: string;
  srcIp?: string;
  entities?: EntityRef[];
};

type Rule = { re: RegExp; facts: (m: RegExpExecArray) => AuthFacts };

const g = (m: RegExpExecArray, i: number): string | undefined => (m[i] === undefined || m[i] === "" ? undefined : m[i]);

// OpenSSH's own wording (auth.c, sshd.c); "invalid user" marks a name that does not exist.
const SSHD: Rule[] = [
  {
    re: /^Accepted (\S+) for (.*?) from (\S+) port \d+/,
    facts: (m) => ({ action: "ssh.login", outcome: "success", actor: g(m, 2), srcIp: g(m, 3) }),
  },
  {
    re: /^Failed (\S+) for (?:invalid user )?(.*?) from (\S+) port \d+/,
    facts: (m) => ({ action: "ssh.login", outcome: "failure", actor: g(m, 2), srcIp: g(m, 3) }),
  },
  {
    re: /^Invalid user (.*?) from (\S+)/,
    facts: (m) => ({ action: "ssh.invalid-user", outcome: "failure", actor: g(m, 1), srcIp: g(m, 2) }),
  },
  {
    re: /^(?:error: )?maximum authentication attempts exceeded for (?:invalid user )?(.*?) from (\S+) port \d+/,
    facts: (m) => ({ action: "ssh.login", outcome: "failure", actor: g(m, 1), srcIp: g(m, 2) }),
  },
  {
    re: /^Disconnected from user (\S+) (\S+) port \d+/,
    facts: (m) => ({ action: "ssh.logout", outcome: "success", actor: g(m, 1), srcIp: g(m, 2) }),
  },
];

const SU: Rule[] = [
  { re: /^\(to (\S+)\) (\S+) on \S+/, facts: (m) => ({ action: "su", outcome: "success", actor: g(m, 2), target: g(m, 1) }) },
  { re: /^Successful su for (\S+) by (\S+)/, facts: (m) => ({ action: "su", outcome: "success", actor: g(m, 2), target: g(m, 1) }) },
  { re: /^FAILED su for (\S+) by (\S+)/, facts: (m) => ({ action: "su", outcome: "failure", actor: g(m, 2), target: g(m, 1) }) },
  { re: /^FAILED SU \(to (\S+)\) (\S+) on \S+/, facts: (m) => ({ action: "su", outcome: "failure", actor: g(m, 2), target: g(m, 1) }) },
];

// shadow-utils (useradd, userdel, usermod, groupadd, passwd, chpasswd).
const ACCOUNTS: Rule[] = [
  { re: /^new user: name=([^,]+),/, facts: (m) => ({ action: "user.add", outcome: "success", target: g(m, 1) }) },
  { re: /^failed adding user '([^']+)'/, facts: (m) => ({ action: "user.add", outcome: "failure", target: g(m, 1) }) },
  { re: /^delete user '([^']+)'/, facts: (m) => ({ action: "user.delete", outcome: "success", target: g(m, 1) }) },
  {
    re: /^(?:new group: name=|group added to \S+: name=)([^,]+)/,
    facts: (m) => ({ action: "group.add", outcome: "success", target: g(m, 1) }),
  },
  {
    re: /^add '([^']+)' to (?:shadow )?group '[^']+'/,
    facts: (m) => ({ action: "group.member.add", outcome: "success", target: g(m, 1) }),
  },
  {
    re: /^password for '([^']+)' changed by '([^']+)'/,
    facts: (m) => ({ action: "password.change", outcome: "success", actor: g(m, 2), target: g(m, 1) }),
  },
  { re: /^change user '([^']+)' password/, facts: (m) => ({ action: "password.change", outcome: "success", target: g(m, 1) }) },
];

// pam_unix, whichever program loaded it: sessions, failures and password changes.
const PAM: Rule[] = [
  {
    re: /^pam_unix\([^:)]+:session\): session (opened|closed) for user ([^\s(]+)(?:\(uid=\d+\))?(?: by ([^\s(]*)(?:\(uid=\d+\))?)?/,
    facts: (m) => {
      const by = g(m, 3);
      const user = g(m, 2);
      return { action: `session.${m[1]}`, outcome: "success", actor: by ?? user, target: by ? user : undefined };
    },
  },
  {
    re: /^pam_unix\([^:)]+:auth\): authentication failure; (.*)$/,
    facts: (m) => {
      const kv = Object.fromEntries([...(m[1] ?? "").matchAll(/(\w+)=(\S*)/g)].map((p) => [p[1], p[2]]));
      return { action: "auth.failure", outcome: "failure", actor: kv.user || kv.ruser || undefined, srcIp: kv.rhost || undefined };
    },
  },
  {
    re: /^pam_unix\([^:)]+:chauthtok\): password changed for (\S+)/,
    facts: (m) => ({ action: "password.change", outcome: "success", target: g(m, 1) }),
  },
];

/** sudo's "alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/cat /etc/shadow"; a reason before TTY means refused. */
function sudoFacts(message: string): AuthFacts | undefined {
  const m = /^\s*(\S+) : (.*)$/.exec(message);
  if (!m) return undefined;
  const segments = (m[2] ?? "").split(" ; ");
  const fields: Record<string, string> = {};
  let reason: string | undefined;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] ?? "";
    const eq = /^([A-Z]+)=(.*)$/.exec(s);
    if (eq?.[1] === "COMMAND") {
      // The command is last and may itself contain " ; ".
      fields.COMMAND = [eq[2], ...segments.slice(i + 1)].join(" ; ");
      break;
    }
    if (eq?.[1]) fields[eq[1]] = eq[2] ?? "";
    else if (i === 0) reason = s;
  }
  if (!fields.COMMAND && !reason) return undefined;
  const entities: EntityRef[] = fields.COMMAND ? [{ kind: "process", value: fields.COMMAND, role: "command" }] : [];
  return { action: "sudo", outcome: reason ? "failure" : "success", actor: m[1], target: fields.USER, entities };
}

const BY_PROGRAM: Record<string, Rule[]> = {
  sshd: SSHD,
  su: SU,
  useradd: ACCOUNTS,
  userdel: ACCOUNTS,
  usermod: ACCOUNTS,
  groupadd: ACCOUNTS,
  passwd: ACCOUNTS,
  chpasswd: ACCOUNTS,
};

/** Facts from an sshd, sudo, su, PAM or shadow-utils line; undefined for anything else. */
export function authFacts(program: string | undefined, message: string): AuthFacts | undefined {
  const text = message.trim();
  for (const rule of PAM) {
    const m = rule.re.exec(text);
    if (m) return rule.facts(m);
  }
  if (program === "sudo") return sudoFacts(message);
  for (const rule of BY_PROGRAM[program ?? ""] ?? []) {
    const m = rule.re.exec(text);
    if (m) return rule.facts(m);
  }
  return undefined;
}
