import { describe, expect, it } from "vitest";
import { account } from "./windows-event";
import { draftFromWinEvent } from "./windows-semantics";
import { draftOf, winEvent } from "./windows-test-files";

describe("common fields", () => {
  it("host, category, nativeId = Channel|Computer|EventRecordID, and 'Event Logged'", () => {
    expect(draftOf({ eventId: 4689 })).toMatchObject({
      host: "ws01.contoso.test",
      category: "Security",
      nativeId: "Security|ws01.contoso.test|42",
      timestampDesc: "Event Logged",
      action: "process-exit",
    });
    expect(draftOf({ eventId: 4689, recordId: undefined }).nativeId).toBeUndefined();
  });

  it("a record without its time is refused, naming the field", () => {
    expect(draftFromWinEvent(winEvent({ time: undefined, timeField: "@timestamp" }))).toEqual({ error: "no event time (@timestamp)" });
  });

  it("accounts read user@DOMAIN whichever way the source spells them", () => {
    expect(account("alice", "CONTOSO")).toBe("alice@CONTOSO");
    expect(account("CONTOSO\\alice")).toBe("alice@CONTOSO");
    expect(account("alice@contoso.test", "CONTOSO")).toBe("alice@contoso.test");
    expect(account("-", "CONTOSO")).toBeUndefined();
    expect(account("alice", "-")).toBe("alice");
  });
});

describe("Security events", () => {
  const logon = {
    TargetUserName: "alice",
    TargetDomainName: "CONTOSO",
    LogonType: "10",
    IpAddress: "203.0.113.7",
    WorkstationName: "WS-ALICE",
    TargetLogonId: "0x5A3F21",
  };

  it("4624: the account that logged on is the actor, with logon type, source IP and workstation", () => {
    const d = draftOf({ eventId: 4624, data: logon });
    expect(d).toMatchObject({
      message: "Logon type 10 (RemoteInteractive): alice@CONTOSO from 203.0.113.7 (workstation WS-ALICE)",
      action: "logon",
      outcome: "success",
      actor: "alice@CONTOSO",
      srcIp: "203.0.113.7",
    });
    expect(d.entities).toEqual([
      { kind: "host", value: "WS-ALICE", role: "src" },
      { kind: "session", value: "ws01.contoso.test/0x5a3f21", role: "session" },
    ]);
  });

  it("4625: a failure, with the reason the SubStatus gives", () => {
    const d = draftOf({ eventId: 4625, data: { ...logon, LogonType: "3", Status: "0xC000006D", SubStatus: "0xC0000234" } });
    expect(d.message).toBe(
      "Failed logon type 3 (Network): alice@CONTOSO from 203.0.113.7 (workstation WS-ALICE): account locked out (0xC0000234)",
    );
    expect(d.outcome).toBe("failure");
  });

  it("4663: the object is the target (a file, or a process for lsass), with the access in words", () => {
    const file = draftOf({
      eventId: 4663,
      data: {
        SubjectUserName: "svc",
        SubjectDomainName: "CONTOSO",
        ObjectType: "File",
        ObjectName: "C:\\Keys\\k.pfx",
        AccessList: "%%4416\n\t\t",
        AccessMask: "0x1",
        ProcessName: "C:\\Tools\\x.exe",
      },
    });
    expect(file.message).toBe("Object access: C:\\Keys\\k.pfx (File) by svc@CONTOSO via C:\\Tools\\x.exe: ReadData, mask 0x1");
    expect(file.target).toBe("C:\\Keys\\k.pfx");
    expect(file.entities).toContainEqual({ kind: "file", value: "c:\\keys\\k.pfx", role: "target" });
    const proc = draftOf({
      eventId: 4663,
      data: { ObjectType: "Process", ObjectName: "\\Device\\HarddiskVolume2\\Windows\\System32\\lsass.exe", AccessList: "%%4484" },
    });
    expect(proc.entities).toContainEqual({
      kind: "process",
      value: "\\device\\harddiskvolume2\\windows\\system32\\lsass.exe",
      role: "target",
    });
    expect(proc.message).toContain("Read from process memory");
  });

  it("4688: the command line, the parent and the new process as entities", () => {
    const d = draftOf({
      eventId: 4688,
      data: {
        SubjectUserName: "alice",
        SubjectDomainName: "CONTOSO",
        NewProcessName: "C:\\Windows\\System32\\cmd.exe",
        CommandLine: "cmd /c whoami",
        ParentProcessName: "C:\\Windows\\explorer.exe",
        TargetUserName: "-",
      },
    });
    expect(d.message).toBe("Process created: cmd /c whoami (parent C:\\Windows\\explorer.exe) by alice@CONTOSO");
    expect(d.entities).toEqual(
      expect.arrayContaining([
        { kind: "process", value: "c:\\windows\\system32\\cmd.exe", role: "process" },
        { kind: "process", value: "c:\\windows\\explorer.exe", role: "parent" },
      ]),
    );
  });

  it("5145: target is \\\\share\\relative path, and the local path is a file entity too", () => {
    const d = draftOf({
      eventId: 5145,
      data: {
        SubjectUserName: "alice",
        SubjectDomainName: "CONTOSO",
        ShareName: "\\\\*\\C$",
        ShareLocalPath: "\\??\\C:\\",
        RelativeTargetName: "Temp\\x.dmp",
        IpAddress: "2001:db8::15",
        AccessList: "%%4416 ",
      },
    });
    expect(d.target).toBe("\\\\*\\C$\\Temp\\x.dmp");
    expect(d.srcIp).toBe("2001:db8::15");
    expect(d.entities).toEqual(
      expect.arrayContaining([
        { kind: "file", value: "\\\\*\\c$\\temp\\x.dmp", role: "target" },
        { kind: "file", value: "c:\\temp\\x.dmp", role: "target" },
      ]),
    );
  });

  it("1102: the account from UserData, or from the rendered message when an export dropped it", () => {
    expect(
      draftOf({ eventId: 1102, provider: "Microsoft-Windows-Eventlog", data: { SubjectUserName: "alice", SubjectDomainName: "CONTOSO" } }),
    ).toMatchObject({
      message: "Audit log cleared (Security) by alice@CONTOSO",
      action: "audit-log-cleared",
      actor: "alice@CONTOSO",
    });
    const fromMessage = draftOf({
      eventId: 1102,
      message:
        "The audit log was cleared.\r\nSubject:\r\n\tSecurity ID:\tS-1-5-21-1\r\n\tAccount Name:\twardog\r\n\tDomain Name:\tWORKSTATION5\r\n\tLogon ID:\t0xC61D9",
    });
    expect(fromMessage.actor).toBe("wardog@WORKSTATION5");
    expect(fromMessage.entities).toContainEqual({ kind: "session", value: "ws01.contoso.test/0xc61d9", role: "session" });
  });

  it("an event without its own summary: the rendered title, target, process and account; outcome from the keywords", () => {
    const d = draftOf({
      eventId: 4658,
      message: "The handle to an object was closed.\r\n\r\nSubject:",
      keywords: "Audit Failure",
      data: { SubjectUserName: "alice", SubjectDomainName: "CONTOSO", ProcessName: "C:\\x.exe" },
    });
    expect(d).toMatchObject({
      message: "The handle to an object was closed: C:\\x.exe by alice@CONTOSO",
      action: "object-handle-closed",
      outcome: "failure",
    });
    const bare = draftOf({ eventId: 9999, channel: "Custom", provider: "Contoso-App", data: { Alpha: "1", Beta: "two" } });
    expect(bare).toMatchObject({ message: "Event 9999 (Contoso-App): Alpha=1 Beta=two", action: "9999" });
  });
});
