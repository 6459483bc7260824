import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findLocalApp, localAppFile } from "./local-app";

function folder(app: object, opts: { mode?: number; lockPid?: number } = {}) {
  const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-local-app-")), "pglite");
  writeFileSync(`${dataDir}.lock`, String(opts.lockPid ?? process.pid));
  writeFileSync(localAppFile(dataDir), JSON.stringify(app), { mode: 0o600 });
  if (opts.mode !== undefined) chmodSync(localAppFile(dataDir), opts.mode);
  return dataDir;
}

describe("findLocalApp", () => {
  const app = { url: "http://127.0.0.1:3000", pid: process.pid, secret: "clloc_abc" };

  it("believes the file the app writes: this account's, private, loopback, the lock's holder, alive", () => {
    expect(findLocalApp(folder(app))).toEqual(app);
  });

  it("ignores a file others could have written or read, another address, or a process that is not the lock's", () => {
    expect(findLocalApp(folder(app, { mode: 0o644 }))).toBeNull();
    expect(findLocalApp(folder({ ...app, url: "http://203.0.113.9:3000" }))).toBeNull();
    expect(findLocalApp(folder(app, { lockPid: 1 }))).toBeNull();
    expect(findLocalApp(folder({ ...app, pid: 999_999_999 }, { lockPid: 999_999_999 }))).toBeNull();
    expect(findLocalApp(folder({ ...app, secret: "clpat_x" }))).toBeNull();
  });
});
