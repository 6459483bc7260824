import { describe, expect, it } from "vitest";
import { draftOf } from "./windows-test-files";

describe("Application 1000 and 1001", () => {
  const app = { channel: "Application" };
  const crashMessage = [
    "Faulting application name: msa-signing.exe, version: 1.4.2.0, time stamp: 0x5f3e2b1c",
    "Faulting module name: KERNELBASE.dll, version: 10.0.17763.4252, time stamp: 0x8a1f2c3d",
    "Exception code: 0xc0000005",
    "Fault offset: 0x000000000003a3c2",
    "Faulting process id: 0x1a2c",
    "Faulting application start time: 0x01d98700cafe0000",
    "Faulting application path: C:\\Program Files\\Contoso\\msa-signing.exe",
    "Faulting module path: C:\\Windows\\System32\\KERNELBASE.dll",
    "Report Id: 8a13d73c-62b8-11e1-ab53-0050ba3279b5",
  ].join("\r\n");

  it("1000 from named Data, and from the rendered message alone", () => {
    const named = draftOf({
      ...app,
      eventId: 1000,
      provider: "Application Error",
      data: { AppName: "msa-signing.exe", ExceptionCode: "c0000005", IntegratorReportId: "8a13d73c" },
    });
    expect(named.message).toBe("Application crash: msa-signing.exe; exception c0000005, report 8a13d73c");
    const rendered = draftOf({ ...app, eventId: 1000, provider: "Application Error", message: crashMessage });
    expect(rendered.message).toBe(
      "Application crash: msa-signing.exe 1.4.2.0; faulting module KERNELBASE.dll 10.0.17763.4252, exception 0xc0000005, offset 0x000000000003a3c2, process id 0x1a2c, report 8a13d73c-62b8-11e1-ab53-0050ba3279b5",
    );
    expect(rendered.target).toBe("C:\\Program Files\\Contoso\\msa-signing.exe");
    expect(rendered.action).toBe("application-crash");
  });

  it("1001 from the rendered message: dumps among the attached files become file entities", () => {
    const message = [
      "Fault bucket 1734129380, type 5",
      "Event Name: APPCRASH",
      "Response: Not available",
      "Cab Id: 0",
      "",
      "Problem signature:",
      "P1: msa-signing.exe",
      "P2: 1.4.2.0",
      "",
      "Attached files:",
      "\\\\?\\C:\\ProgramData\\Microsoft\\Windows\\WER\\Temp\\WER1.tmp.WERInternalMetadata.xml",
      "\\\\?\\C:\\ProgramData\\Microsoft\\Windows\\WER\\ReportArchive\\AppCrash_x\\memory.hdmp",
      "",
      "These files may be available here:",
      "C:\\ProgramData\\Microsoft\\Windows\\WER\\ReportArchive\\AppCrash_x",
      "",
      "Analysis symbol: ",
      "Rechecking for solution: 0",
      "Report Id: 8a13d73c-62b8-11e1-ab53-0050ba3279b5",
      "Report Status: 4",
    ].join("\r\n");
    const d = draftOf({ ...app, eventId: 1001, provider: "Windows Error Reporting", message });
    expect(d.message).toBe(
      "WER APPCRASH report 8a13d73c-62b8-11e1-ab53-0050ba3279b5: msa-signing.exe crashed; attached: C:\\ProgramData\\Microsoft\\Windows\\WER\\ReportArchive\\AppCrash_x\\memory.hdmp; fault bucket 1734129380, status 4",
    );
    expect(d.entities).toEqual([
      { kind: "file", value: "c:\\programdata\\microsoft\\windows\\wer\\reportarchive\\appcrash_x\\memory.hdmp", role: "attachment" },
    ]);
    expect(d.action).toBe("error-report");
  });

  it("1001 that is not a crash, without attachments", () => {
    const params = [
      "0",
      "0",
      "WindowsUpdateFailure3",
      "Not available",
      "0",
      "10.0.19041",
      "80070005",
      ...Array(8).fill(""),
      "",
      "",
      "",
      "0",
      "c0ffee00-0000-0000-0000-000000000000",
      "100",
    ];
    expect(draftOf({ ...app, eventId: 1001, provider: "Windows Error Reporting", params }).message).toBe(
      "WER WindowsUpdateFailure3 report c0ffee00-0000-0000-0000-000000000000: 10.0.19041 reported; fault bucket 0, status 100",
    );
  });
});

describe("event 1000 of other providers", () => {
  it("is not taken for a crash", () => {
    const d = draftOf({
      channel: "Application",
      provider: "MsiInstaller",
      eventId: 1000,
      message: "Product: Contoso Tool -- Installation completed.",
    });
    expect(d).toMatchObject({ action: "1000", message: "Product: Contoso Tool -- Installation completed" });
  });
});
