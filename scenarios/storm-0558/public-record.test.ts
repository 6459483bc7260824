import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTOR_APP, ENGINEER, OUTLOOK_CLIENTS } from "./cast";
import { ACTOR_CLIENT_INFO, IOC_IPS, KEY_2016, MSA_TENANT_ID } from "./facts";
import { CAMPAIGN_FIXES } from "./story-2023";
import { type Generated, generateInTemp, linesOf, ms, recordsOf } from "./test-support";

describe("agreement with the public record", () => {
  let g: Generated;
  const records = (file: string) => {
    const format = g.manifest.files.find((f) => f.path === file)?.format ?? "";
    return recordsOf(format, linesOf(path.join(g.dir, file))).map((r) => r.record);
  };
  const events = (stage: string) => g.key.events.filter((e) => e.stage === stage);
  beforeAll(async () => {
    g = await generateInTemp(558, 4_000);
  });
  afterAll(async () => {
    await g?.cleanup();
  });

  it("puts the signing-system crash in April 2021: 1000 then 1001 with the same report id and a heap dump", () => {
    const crash = events("key-exposure");
    expect(crash.map((e) => e.match.EventID)).toEqual([1000, 1001]);
    for (const e of crash) expect(e.ts.startsWith("2021-04-")).toBe(true);
    const xml = records("signing-system-application.xml");
    const [err, wer] = crash.map((e) => xml.find((r) => r.EventRecordID === e.nativeId)) as { Data: string[]; Channel: string }[];
    expect(err?.Data[0]).toBe("msasigningsvc.exe");
    expect(wer?.Data[19]).toBe(err?.Data[12]);
    expect(wer?.Data[15]).toMatch(/\\ReportArchive\\AppCrash_msasigningsvc\.e_[^\n]*\\memory\.hdmp$/);
    expect(xml.every((r) => r.Channel === "Application")).toBe(true);
    // The rest of April's crashes are other applications'.
    const signingCrashes = xml.filter((r) => r.EventID === 1000 && (r.Data as string[])[0] === "msasigningsvc.exe");
    expect(signingCrashes).toHaveLength(1);
  });

  it("moves the dump out, scans it with zero findings, and only later reads it from an unfamiliar address", () => {
    const [transfer] = events("transfer-out").filter((e) => e.ref === "transfer.write-dump");
    const [scan] = events("detection-failure");
    const read = events("key-acquisition").find((e) => e.ref === "dump-read.read-dump");
    const crash = events("key-exposure")[0];
    expect(transfer && scan && read && crash).toBeTruthy();
    expect(ms(transfer?.ts ?? "") - ms(crash?.ts ?? "")).toBeLessThan(3_600_000);
    expect(ms(scan?.ts ?? "")).toBeGreaterThan(ms(transfer?.ts ?? ""));
    expect(scan?.match.findings).toBe(0);
    expect(read?.ts.startsWith("2021-")).toBe(true);
    const ip = read?.match["winlog.event_data.IpAddress"];
    expect(ip).toBe(ENGINEER.unfamiliarIp);
    // Before that night the account reached the share only from its own workstation.
    const shares = records("debug-share-security.jsonl") as {
      "@timestamp": string;
      winlog: { event_data: { SubjectUserName: string; IpAddress: string } };
    }[];
    const earlier = shares.filter((r) => r.winlog.event_data.SubjectUserName === ENGINEER.sam && r["@timestamp"] < "2021-06-08T03:14:00Z");
    expect(earlier.length).toBeGreaterThan(0);
    for (const r of earlier) expect(r.winlog.event_data.IpAddress).toBe(ENGINEER.workstationIp);
  });

  it("shows the 2021 token replay from another country, reusing token identifiers, and the SharePoint searches", () => {
    const signins = records("entra-signins-2021.json");
    const replay = signins.filter((r) => r.isInteractive === false && (r.location as { countryOrRegion: string }).countryOrRegion !== "US");
    expect(replay.length).toBeGreaterThan(5);
    const originals = new Set(signins.filter((r) => r.isInteractive === true).map((r) => r.uniqueTokenIdentifier));
    for (const r of replay) {
      expect(originals.has(r.uniqueTokenIdentifier)).toBe(true);
      expect(String(r.createdDateTime).startsWith("2021-")).toBe(true);
    }
    const searches = records("sharepoint-ual-2021.csv").filter(
      (r) => (r.AuditData as { ClientIP: string }).ClientIP === replay[0]?.ipAddress,
    );
    const queries = searches.map((r) => (r.AuditData as { QueryText?: string }).QueryText).filter(Boolean);
    expect(queries.some((q) => /Azure service management/i.test(q ?? ""))).toBe(true);
    expect(queries.some((q) => /sign/i.test(q ?? ""))).toBe(true);
  });

  it("accepts the 2016 consumer kid for enterprise tenants from 15 May 2023 and rejects it after the fixes", () => {
    const tv = records("token-validation-2023.jsonl");
    const forged = tv.filter((r) => r.kid === KEY_2016.kid);
    expect(forged.length).toBeGreaterThan(20);
    for (const r of forged) {
      expect(r.tid).not.toBe(MSA_TENANT_ID);
      expect(r.issuer_scope_match).toBe(false);
      expect(r.expected_decision).toBe("reject");
      const t = ms(String(r.ts));
      if (t < ms(CAMPAIGN_FIXES.renewalBlockedAt)) expect(r.decision).toBe("accepted");
      if (t >= ms("2023-06-29T12:00:00Z")) expect(r.decision).toBe("rejected");
      if (t >= ms(CAMPAIGN_FIXES.renewalBlockedAt) && r.api === "GetAccessTokenForResource") expect(r.decision).toBe("rejected");
    }
    const accepted = forged
      .filter((r) => r.decision === "accepted")
      .map((r) => String(r.ts))
      .sort();
    expect(accepted[0]?.slice(0, 10)).toBe("2023-05-15");
    expect(new Set(forged.filter((r) => r.decision === "accepted").map((r) => r.tid)).size).toBeGreaterThanOrEqual(3);
    expect(forged.some((r) => r.api === "GetAccessTokenForResource" && r.decision === "accepted")).toBe(true);
    expect(forged.some((r) => String(r.ts) >= "2023-06-29" && String(r.ts) < "2023-07-05" && r.decision === "rejected")).toBe(true);
  });

  it("reads mailboxes of several tenants from 15 May 2023 with the actor's AppId, user agent and IOC addresses", () => {
    const ual = records("ual-mailitemsaccessed-2023.json");
    const actor = ual.filter((r) => r.AppId === ACTOR_APP.appId);
    const baseline = ual.filter((r) => r.AppId !== ACTOR_APP.appId);
    expect(
      actor
        .map((r) => String(r.CreationTime))
        .sort()[0]
        ?.slice(0, 10),
    ).toBe("2023-05-15");
    expect(ual.every((r) => String(r.CreationTime) >= "2023-05-15T00:00:00")).toBe(true);
    expect(new Set(actor.map((r) => r.OrganizationId)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(actor.map((r) => r.ClientIPAddress))).toEqual(new Set([IOC_IPS.first, IOC_IPS.second]));
    for (const r of actor) {
      expect(r).toMatchObject({
        RecordType: 50,
        Operation: "MailItemsAccessed",
        Workload: "Exchange",
        ClientAppId: ACTOR_APP.clientAppId,
        ClientInfoString: ACTOR_CLIENT_INFO,
      });
      expect(r.OperationProperties).toEqual([
        { Name: "MailAccessType", Value: "Bind" },
        { Name: "IsThrottled", Value: "False" },
      ]);
      expect(String(r.CreationTime) < "2023-06-26T12:00:00").toBe(true);
    }
    const first = actor.find((r) => String(r.CreationTime).startsWith("2023-05-15"));
    expect(first?.ClientIPAddress).toBe(IOC_IPS.first);
    // The baseline is ordinary Outlook: none of it carries the actor's marks.
    const outlookIds = new Set<string>(OUTLOOK_CLIENTS.map((c) => c.appId));
    expect(baseline.length).toBeGreaterThan(100);
    for (const r of baseline) {
      expect(outlookIds.has(String(r.AppId))).toBe(true);
      expect(r.ClientInfoString).not.toBe(ACTOR_CLIENT_INFO);
      expect([IOC_IPS.first, IOC_IPS.second]).not.toContain(r.ClientIPAddress);
    }
    expect(baseline.some((r) => r.ClientInfoString === "Client=MSExchangeRPC")).toBe(true);
    expect(baseline.some((r) => r.ClientInfoString === "Client=OWA;Action=ViaProxy")).toBe(true);
  });

  it("fires the customer's alert on 16 June 2023 and keeps the key's revocation steps within 26 June – 4 July 2023", () => {
    const log = records("response-2023.jsonl");
    const alert = log.find((r) => r.action === "alert.fired" && String(r.detail).startsWith("Big Yellow Taxi"));
    expect(String(alert?.ts).slice(0, 10)).toBe("2023-06-16");
    expect(String(alert?.detail)).toContain(ACTOR_APP.appId);
    const detection = events("detection").find((e) => e.ref === "siem.alert");
    expect(detection?.ts.slice(0, 10)).toBe("2023-06-16");
    const steps = events("response").filter((e) => e.file === "response-2023.jsonl");
    expect(steps.length).toBeGreaterThanOrEqual(6);
    for (const s of steps) expect(s.ts >= "2023-06-26" && s.ts < "2023-07-05", s.ref).toBe(true);
    const keySteps = log.filter((r) => String(r.target).includes(KEY_2016.kid));
    expect(keySteps.map((r) => r.action)).toEqual(expect.arrayContaining(["key.blocked", "key.revoked", "jwks.key_removed"]));
    for (const r of keySteps) expect(String(r.target)).toContain(KEY_2016.thumbprint);
  });

  it("records the facts, the CSRB-vs-Microsoft date discrepancy and the key theft's confidence history", () => {
    const pr = g.key.publicRecord;
    expect(pr).toMatchObject({
      kid: KEY_2016.kid,
      thumbprint: "d4b4cccda9228624656bff33d8110955779632aa",
      userAgent: "Client=REST;Client=RESTSystem;;",
    });
    expect(pr.iocIps).toEqual(["195.26.87.219", "185.38.142.229"]);
    const dates = pr.keyRevocationDates.map((d) => d.date);
    expect(dates).toEqual(expect.arrayContaining(["2023-06-24", "2023-06-27", "2023-06-29"]));
    expect(pr.keyRevocationDates.find((d) => d.date === "2023-06-24")?.source).toMatch(/CSRB/);
    const theft = g.key.chain.find((s) => s.stage === "key-acquisition");
    expect(theft?.inferred).toBe(true);
    expect(theft?.confidenceHistory.map((c) => [c.asOf, c.label, c.wording.split(":")[0]])).toEqual([
      ["2023-09-06", "likely", "most probable"],
      ["2024-03-12", "possible", "unproven"],
      ["2024-04-02", "possible", "not proven"],
    ]);
    // Each judgement is its publisher's, and cites nothing published after it took effect.
    expect(theft?.confidenceHistory.map((c) => c.publisher)).toEqual(["MSRC", "MSRC", "CSRB"]);
    for (const c of theft?.confidenceHistory ?? []) expect(c.publishedOn <= c.asOf, `${c.asOf} cites ${c.publishedOn}`).toBe(true);
    expect(theft?.confidenceHistory[0]?.score).toBeGreaterThanOrEqual(60);
    expect(theft?.confidenceHistory[1]?.score).toBeLessThanOrEqual(40);
    expect(theft?.hypotheses.length).toBeGreaterThanOrEqual(5);
    expect(g.key.hypotheses.find((h) => h.id === "H1")?.title).toMatch(/crash dump/);
    expect(pr.facts.find((f) => f.fact === "key-theft hypotheses pursued")?.value).toBe("46");
  });
});
