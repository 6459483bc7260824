import { describe, expect, it } from "vitest";
import { authFacts } from "./syslog-auth";

describe("authFacts", () => {
  it.each([
    [
      "sshd",
      "Accepted password for alice from 203.0.113.7 port 22 ssh2",
      { action: "ssh.login", outcome: "success", actor: "alice", srcIp: "203.0.113.7" },
    ],
    [
      "sshd",
      "Accepted keyboard-interactive/pam for bob from 2001:db8::1 port 22 ssh2",
      { action: "ssh.login", outcome: "success", actor: "bob" },
    ],
    [
      "sshd",
      "Failed publickey for root from 203.0.113.9 port 4000 ssh2: RSA SHA256:x",
      { action: "ssh.login", outcome: "failure", actor: "root" },
    ],
    [
      "sshd",
      "Failed none for invalid user  from 203.0.113.9 port 4000 ssh2",
      { action: "ssh.login", outcome: "failure", actor: undefined },
    ],
    ["sshd", "Invalid user test from 203.0.113.9 port 4001", { action: "ssh.invalid-user", actor: "test", srcIp: "203.0.113.9" }],
    [
      "sshd",
      "error: maximum authentication attempts exceeded for invalid user admin from 203.0.113.9 port 4002 ssh2 [preauth]",
      { action: "ssh.login", outcome: "failure", actor: "admin" },
    ],
    ["sshd", "Disconnected from user alice 203.0.113.7 port 22", { action: "ssh.logout", actor: "alice" }],
    ["su", "Successful su for root by alice", { action: "su", outcome: "success", actor: "alice", target: "root" }],
    ["su", "FAILED SU (to root) bob on pts/1", { action: "su", outcome: "failure", actor: "bob", target: "root" }],
    [
      "sudo",
      "    eve : user NOT in sudoers ; TTY=pts/3 ; PWD=/tmp ; USER=root ; COMMAND=/bin/sh -c id ; whoami",
      { action: "sudo", outcome: "failure", actor: "eve", target: "root" },
    ],
    ["userdel", "delete user 'backdoor'", { action: "user.delete", target: "backdoor" }],
    ["usermod", "add 'backdoor' to group 'sudo'", { action: "group.member.add", target: "backdoor" }],
    ["usermod", "add 'backdoor' to shadow group 'sudo'", { action: "group.member.add", target: "backdoor" }],
    ["groupadd", "group added to /etc/group: name=devs, GID=1002", { action: "group.add", target: "devs" }],
    ["passwd", "password for 'bob' changed by 'root'", { action: "password.change", actor: "root", target: "bob" }],
    ["chpasswd", "pam_unix(chpasswd:chauthtok): password changed for bob", { action: "password.change", target: "bob" }],
    [
      "su",
      "pam_unix(su:session): session opened for user root(uid=0) by alice(uid=1000)",
      { action: "session.opened", actor: "alice", target: "root" },
    ],
    ["CRON", "pam_unix(cron:session): session closed for user root", { action: "session.closed", actor: "root", target: undefined }],
    [
      "su",
      "pam_unix(su:auth): authentication failure; logname=alice uid=1000 euid=0 tty=pts/0 ruser=alice rhost=  user=root",
      { action: "auth.failure", actor: "root", srcIp: undefined },
    ],
  ] as const)("%s: %s", (program, message, expected) => {
    expect(authFacts(program, message)).toMatchObject(expected);
  });

  it("keeps sudo's command whole, even with ' ; ' inside it", () => {
    const f = authFacts("sudo", "eve : user NOT in sudoers ; TTY=pts/3 ; PWD=/tmp ; USER=root ; COMMAND=/bin/sh -c id ; whoami");
    expect(f?.entities).toEqual([{ kind: "process", value: "/bin/sh -c id ; whoami", role: "command" }]);
  });

  it("says nothing about lines it does not know, or known words from another program", () => {
    expect(authFacts("sshd", "Server listening on 0.0.0.0 port 22.")).toBeUndefined();
    expect(authFacts("nginx", "Accepted password for alice from 203.0.113.7 port 22 ssh2")).toBeUndefined();
    expect(authFacts("sudo", "unable to resolve host web01")).toBeUndefined();
    expect(authFacts(undefined, "new user: name=x, UID=1")).toBeUndefined();
  });
});
