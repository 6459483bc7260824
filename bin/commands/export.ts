import { once } from "node:events";
import { createWriteStream, writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { authorize } from "@/lib/access/authorize";
import { parseAsOf } from "@/lib/chain/parse-as-of";
import { caseFileChunks } from "@/lib/exports/case/export-case";
import { chainFormat, exportChain } from "@/lib/exports/chain/export-chain";
import { eventChunks, eventFormat } from "@/lib/exports/events/export-events";
import { cliContext } from "../cli-context";
import { asUsage, type Command, UsageError } from "../command";
import { remoteDownload, remoteTarget } from "../remote";

/** Progress on stderr: a live count on a terminal, a line every 5 s otherwise. */
function rowProgress() {
  const isTty = Boolean(process.stderr.isTTY);
  const started = Date.now();
  let rows = 0;
  let last = started;
  const text = () => {
    const secs = (Date.now() - started) / 1000;
    return `exported ${rows.toLocaleString("en-US")} events  ${secs > 0 ? Math.round(rows / secs).toLocaleString("en-US") : 0}/s`;
  };
  return {
    add(n: number) {
      rows += n;
      if (isTty) process.stderr.write(`\r\x1b[2K${text()}`);
      else if (Date.now() - last > 5_000) {
        last = Date.now();
        process.stderr.write(`${text()}\n`);
      }
    },
    done: () => {
      if (isTty) process.stderr.write("\r\x1b[2K");
      return { rows, seconds: (Date.now() - started) / 1000 };
    },
  };
}

export const exportEvents: Command = {
  path: ["export", "events"],
  summary: "Write an incident's events (all, or those the Events filters select) as CSV, JSONL or Timesketch CSV/JSONL",
  options: {
    incident: { type: "string", description: "incident id (required)" },
    format: { type: "string", description: "csv | jsonl | timesketch-csv | timesketch-jsonl (default csv)" },
    out: { type: "string", description: "file to write (default: standard output)" },
    q: { type: "string", description: "only events whose message holds this text" },
    stage: { type: "string", description: "only these stages (keys, comma-separated; untagged for none)" },
    source: { type: "string", description: "only these sources (ids, comma-separated)" },
    from: { type: "string", description: "only events at or after this time (ISO 8601)" },
    to: { type: "string", description: "only events before this time (ISO 8601)" },
  },
  async run({ values }) {
    if (typeof values.incident !== "string") throw new UsageError("--incident is required");
    const format = asUsage(() => eventFormat(values.format as string | undefined));
    const filters = Object.fromEntries(
      ["q", "stage", "source", "from", "to"].filter((k) => typeof values[k] === "string").map((k) => [k, values[k]]),
    );
    const ctx = await cliContext();
    // Refused before the header is written: a stranger's export prints the refusal alone.
    await authorize(ctx, values.incident, "evidence.view");
    const out = typeof values.out === "string" ? createWriteStream(values.out) : process.stdout;
    const progress = rowProgress();
    for await (const chunk of eventChunks(ctx, values.incident, format, filters, (n) => progress.add(n))) {
      // Wait for the file to take each chunk: memory holds one batch, not the incident.
      if (!out.write(chunk)) await once(out, "drain");
    }
    const { rows, seconds } = progress.done();
    if (out !== process.stdout) {
      await new Promise<void>((resolve, reject) =>
        (out as ReturnType<typeof createWriteStream>).end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
      console.log(`${values.out}: ${rows.toLocaleString("en-US")} events (${format}) in ${seconds.toFixed(1)} s`);
    }
    return 0;
  },
};

export const exportChainCommand: Command = {
  path: ["export", "chain"],
  summary: "Write an incident's attack chain as a STIX 2.1 bundle with MITRE's Attack Flow extension, or as Mermaid text",
  options: {
    incident: { type: "string", description: "incident id (required)" },
    format: { type: "string", description: "stix | mermaid (default stix)" },
    "as-of": { type: "string", description: "the chain as believed on this date (YYYY-MM-DD or ISO time)" },
    out: { type: "string", description: "file to write (default: standard output)" },
  },
  async run({ values }) {
    if (typeof values.incident !== "string") throw new UsageError("--incident is required");
    const parsed = parseAsOf(values["as-of"] as string | undefined);
    if ("error" in parsed) throw new UsageError(`--as-of: ${parsed.error}`);
    const format = asUsage(() => chainFormat(values.format as string | undefined));
    const file = await exportChain(await cliContext(), values.incident, format, parsed.asOf);
    if (typeof values.out === "string") {
      writeFileSync(values.out, file.body);
      console.log(`${values.out}: ${format}`);
    } else process.stdout.write(file.body);
    return 0;
  },
};

export const exportCaseCommand: Command = {
  path: ["export", "case"],
  summary: "Write the whole incident as one case file (gzipped JSON lines) that `incident import` reads back",
  options: {
    incident: { type: "string", description: "incident id (required)" },
    out: { type: "string", description: "file to write, e.g. case.chainline.jsonl.gz (required: the file is gzipped)" },
  },
  async run({ values }) {
    if (typeof values.incident !== "string") throw new UsageError("--incident is required");
    if (typeof values.out !== "string") throw new UsageError("--out is required");
    const ctx = await cliContext();
    const progress = rowProgress();
    const chunks = caseFileChunks(ctx, values.incident, (table, n) => table === "events" && progress.add(n));
    // One chunk in flight (a batch of rows): Readable.from would otherwise buffer 16 of them.
    await pipeline(Readable.from(chunks, { highWaterMark: 1 }), createGzip(), createWriteStream(values.out));
    const { rows, seconds } = progress.done();
    console.log(`${values.out}: the whole incident, ${rows.toLocaleString("en-US")} events, in ${seconds.toFixed(1)} s`);
    return 0;
  },
};

/** Pictures and print are drawn by the running app's Chromium, as the token's user: these need --server. */
function serverOnly(what: string) {
  const remote = remoteTarget();
  if (!remote) throw new UsageError(`${what} is drawn by the running app: give --server URL (and a token: chainline login --server URL)`);
  return remote;
}

async function saveDownload(remote: ReturnType<typeof serverOnly>, pathAndQuery: string, out: string) {
  const bytes = await remoteDownload(remote, pathAndQuery);
  writeFileSync(out, bytes);
  console.log(`${out}: ${bytes.length.toLocaleString("en-US")} bytes`);
}

export const exportBriefCommand: Command = {
  path: ["export", "brief"],
  summary: "Write the executive brief as a one-page PDF (A4 or Letter) or a PNG, printed by the running app (--server)",
  remote: true,
  options: {
    incident: { type: "string", description: "incident id (required)" },
    format: { type: "string", description: "pdf | png (default pdf)" },
    paper: { type: "string", description: "a4 | letter (default a4; PDF only)" },
    "as-of": { type: "string", description: "the brief as believed on this date (YYYY-MM-DD)" },
    out: { type: "string", description: "file to write (required)" },
  },
  async run({ values }) {
    if (typeof values.incident !== "string") throw new UsageError("--incident is required");
    if (typeof values.out !== "string") throw new UsageError("--out is required");
    const remote = serverOnly("the brief");
    const q = new URLSearchParams({ format: (values.format as string | undefined) ?? "pdf" });
    if (typeof values.paper === "string") q.set("paper", values.paper);
    if (typeof values["as-of"] === "string") q.set("asOf", values["as-of"]);
    await saveDownload(remote, `/api/incidents/${encodeURIComponent(values.incident)}/brief/export?${q}`, values.out);
    return 0;
  },
};

export const exportTimelineCommand: Command = {
  path: ["export", "timeline"],
  summary: "Write a timeline view as SVG or PNG, as the Timeline's Image menu does, drawn by the running app (--server)",
  remote: true,
  options: {
    incident: { type: "string", description: "incident id (required)" },
    format: { type: "string", description: "svg | png (default svg)" },
    view: { type: "string", description: "the view's query string as the Timeline page's address shows it, e.g. 'lanes=stage&from=…'" },
    out: { type: "string", description: "file to write (required)" },
  },
  async run({ values }) {
    if (typeof values.incident !== "string") throw new UsageError("--incident is required");
    if (typeof values.out !== "string") throw new UsageError("--out is required");
    const remote = serverOnly("the timeline");
    const q = new URLSearchParams(((values.view as string | undefined) ?? "").replace(/^\?/, ""));
    q.set("format", (values.format as string | undefined) ?? "svg");
    await saveDownload(remote, `/api/incidents/${encodeURIComponent(values.incident)}/timeline/export?${q}`, values.out);
    return 0;
  },
};
