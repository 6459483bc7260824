import { describe, expect, it } from "vitest";
import { draftOf } from "./windows-test-files";

describe("Sysmon events", () => {
  const sysmon = { channel: "Microsoft-Windows-Sysmon/Operational", provider: "Microsoft-Windows-Sysmon" };

  it("1: process create with command line, parent, user and logon session", () => {
    const d = draftOf({
      ...sysmon,
      eventId: 1,
      data: {
        Image: "C:\\Windows\\System32\\rundll32.exe",
        CommandLine: "rundll32 comsvcs.dll MiniDump",
        ParentImage: "C:\\p.exe",
        User: "CONTOSO\\alice",
        LogonId: "0x91aa",
      },
    });
    expect(d).toMatchObject({
      message: "Process created: rundll32 comsvcs.dll MiniDump (parent C:\\p.exe) by alice@CONTOSO",
      actor: "alice@CONTOSO",
      action: "process-create",
    });
  });

  it("3: network connection with both IPs and the destination name", () => {
    const d = draftOf({
      ...sysmon,
      eventId: 3,
      data: {
        Image: "C:\\a.exe",
        SourceIp: "192.0.2.10",
        SourcePort: "50123",
        DestinationIp: "203.0.113.80",
        DestinationPort: "443",
        DestinationHostname: "drop.example.test",
        Protocol: "tcp",
        Initiated: "true",
      },
    });
    expect(d).toMatchObject({
      message: "Network connection from C:\\a.exe: 192.0.2.10:50123 → 203.0.113.80:443 (drop.example.test) tcp",
      srcIp: "192.0.2.10",
      dstIp: "203.0.113.80",
    });
    expect(d.entities).toContainEqual({ kind: "host", value: "drop.example.test", role: "dst" });
  });

  it("10: the accessed process (lsass) is the target, with the granted access", () => {
    const d = draftOf({
      ...sysmon,
      eventId: 10,
      data: { SourceImage: "C:\\r.exe", TargetImage: "C:\\Windows\\system32\\lsass.exe", GrantedAccess: "0x1FFFFF" },
    });
    expect(d.message).toBe("Process access: C:\\r.exe → C:\\Windows\\system32\\lsass.exe (GrantedAccess 0x1FFFFF)");
    expect(d.target).toBe("C:\\Windows\\system32\\lsass.exe");
    expect(d.entities).toContainEqual({ kind: "process", value: "c:\\windows\\system32\\lsass.exe", role: "target" });
  });

  it("11: the created file is the target and a file entity", () => {
    const d = draftOf({ ...sysmon, eventId: 11, data: { Image: "C:\\r.exe", TargetFilename: "C:\\Temp\\lsass.dmp" } });
    expect(d).toMatchObject({
      message: "File created: C:\\Temp\\lsass.dmp by C:\\r.exe",
      target: "C:\\Temp\\lsass.dmp",
      action: "file-create",
    });
    expect(d.entities).toContainEqual({ kind: "file", value: "c:\\temp\\lsass.dmp", role: "target" });
  });
});
