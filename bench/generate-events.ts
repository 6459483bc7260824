import { once } from "node:events";
import { createWriteStream } from "node:fs";

const USERS = ["alice@contoso.test", "bob@contoso.test", "carol@fabrikam.test", "dave@fabrikam.test", "erin@agency.test"];
const OPS = ["MailItemsAccessed", "FileAccessed", "UserLoggedIn", "Send", "FileDownloaded", "New-InboxRule"];
const APPS = ["00000002-0000-0ff1-ce00-000000000000", "d3590ed6-52b3-4102-aeff-aad2292ab01c", "bc59ab01-8403-45c6-8796-ac3ef710b3e3"];

/** A deterministic pseudo-random generator, so benchmark files are the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Row = { time: string; user: string; op: string; ip: string; app: string; msg: string; n: number };

function* rows(count: number): Generator<Row> {
  const r = rng(558);
  let t = Date.UTC(2023, 4, 15);
  for (let i = 0; i < count; i++) {
    t += Math.floor(r() * 2000);
    const us = Math.floor(r() * 1000);
    const user = USERS[Math.floor(r() * USERS.length)] as string;
    const op = OPS[Math.floor(r() * OPS.length)] as string;
    const ip = `203.0.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`;
    yield {
      time: `${new Date(t).toISOString().slice(0, 23)}${String(us).padStart(3, "0")}Z`,
      user,
      op,
      ip,
      app: APPS[Math.floor(r() * APPS.length)] as string,
      msg: `${op} by ${user} from ${ip} item ${i}`,
      n: i,
    };
  }
}

async function write(path: string, lines: Iterable<string>) {
  const out = createWriteStream(path);
  for (const l of lines) if (!out.write(l)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

/** N synthetic audit-like events as JSON Lines. */
export async function writeJsonl(path: string, count: number) {
  await write(
    path,
    (function* () {
      for (const x of rows(count))
        yield `${JSON.stringify({ time: x.time, user: x.user, operation: x.op, client_ip: x.ip, app_id: x.app, message: x.msg, seq: x.n })}\n`;
    })(),
  );
}

/** The same events as CSV with a header. */
export async function writeCsv(path: string, count: number) {
  await write(
    path,
    (function* () {
      yield "time,user,operation,client_ip,app_id,message,seq\n";
      for (const x of rows(count)) yield `${x.time},${x.user},${x.op},${x.ip},${x.app},"${x.msg}",${x.n}\n`;
    })(),
  );
}

/** A CSV cell: quoted, with inner quotes doubled (AuditData is JSON inside the cell). */
function cell(v: string): string {
  return `"${v.replaceAll('"', '""')}"`;
}

/** The same events as a Purview audit export: CreationDate, UserIds, Operations, AuditData (JSON in CSV). */
export async function writeUalCsv(path: string, count: number) {
  await write(
    path,
    (function* () {
      yield "CreationDate,UserIds,Operations,AuditData\n";
      let n = 0;
      for (const x of rows(count)) {
        const d = new Date(x.time);
        const us = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours() % 12 || 12}:${String(d.getUTCMinutes()).padStart(2, "0")}:${String(d.getUTCSeconds()).padStart(2, "0")} ${d.getUTCHours() < 12 ? "AM" : "PM"}`;
        const audit = {
          CreationTime: x.time.slice(0, 19),
          Id: `00000000-0000-4000-8000-${String(n++).padStart(12, "0")}`,
          Operation: x.op,
          OrganizationId: "3f1c0b5e-0000-4000-8000-000000000558",
          RecordType: 50,
          ResultStatus: "Succeeded",
          UserKey: x.user,
          UserType: 0,
          Workload: "Exchange",
          ClientIP: `${x.ip}:${40000 + (x.n % 20000)}`,
          UserId: x.user,
          AppId: x.app,
          ClientAppId: x.app,
          ClientInfoString: "Client=OWA;Action=ViaProxy",
          MailboxOwnerUPN: x.user,
          OperationProperties: [
            { Name: "MailAccessType", Value: "Bind" },
            { Name: "IsThrottled", Value: "False" },
          ],
          OperationCount: 1 + (x.n % 3),
        };
        yield `${cell(us)},${cell(x.user)},${cell(x.op)},${cell(JSON.stringify(audit))}\n`;
      }
    })(),
  );
}
