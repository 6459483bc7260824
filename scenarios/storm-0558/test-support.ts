// Helpers for the scenario's tests: read a generated file back, record by record, in the format
// it was written in, without the importer (its parsers have their own tests).

import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { AnswerKey, Manifest } from "./answer-key-types";
import { ANSWER_KEY_FILE, type GenerateResult, generateScenario, MANIFEST_FILE } from "./generate";

export type Generated = { dir: string; result: GenerateResult; key: AnswerKey; manifest: Manifest; cleanup: () => Promise<void> };

export async function generateInTemp(seed: number, noise: number): Promise<Generated> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "storm-0558-"));
  const result = await generateScenario({ outDir: dir, seed, noise });
  const key = JSON.parse(readFileSync(path.join(dir, ANSWER_KEY_FILE), "utf8")) as AnswerKey;
  const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), "utf8")) as Manifest;
  return { dir, result, key, manifest, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The file's lines without their line ends (the empty string after the last line end dropped). */
export function linesOf(file: string): string[] {
  const lines = readFileSync(file, "utf8").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

export type XmlEvent = {
  EventID: number;
  Provider: string;
  EventRecordID: string;
  Channel: string;
  Computer: string;
  SystemTime: string;
  Data: string[];
};

/** The wevtutil event text starting at `lines[index]`, which may span lines (multi-line Data). */
export function xmlEventAt(lines: string[], index: number): XmlEvent {
  let text = lines[index] ?? "";
  let i = index;
  while (!text.includes("</Event>") && i + 1 < lines.length) text += `\n${lines[++i]}`;
  if (!text.startsWith("<Event xmlns=")) throw new Error(`line ${index + 1} does not start an event`);
  const one = (re: RegExp) => re.exec(text)?.[1] ?? "";
  const data = [...text.matchAll(/<Data>([\s\S]*?)<\/Data>/g)].map((m) => decodeXml(m[1] ?? ""));
  return {
    EventID: Number(one(/<EventID[^>]*>(\d+)<\/EventID>/)),
    Provider: decodeXml(one(/<Provider Name='([^']*)'/)),
    EventRecordID: one(/<EventRecordID>(\d+)<\/EventRecordID>/),
    Channel: one(/<Channel>([^<]*)<\/Channel>/),
    Computer: one(/<Computer>([^<]*)<\/Computer>/),
    SystemTime: one(/SystemTime='([^']*)'/),
    Data: data,
  };
}

/** The cells of one CSV line (RFC 4180 quoting; no line breaks inside cells). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quoted) {
      if (c === '"' && line.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** The record that starts on 1-based `line`, parsed as its format writes it. */
export function recordAt(format: string, lines: string[], line: number): Record<string, unknown> {
  const text = lines[line - 1];
  if (text === undefined) throw new Error(`no line ${line}`);
  switch (format) {
    case "windows-xml":
      return xmlEventAt(lines, line - 1) as unknown as Record<string, unknown>;
    case "entra-signin-json":
    case "m365-ual-json":
      return JSON.parse(text.endsWith(",") ? text.slice(0, -1) : text);
    case "m365-ual-csv": {
      const [CreationDate, UserIds, Operations, AuditData] = csvCells(text);
      return { CreationDate, UserIds, Operations, AuditData: JSON.parse(AuditData ?? "null") };
    }
    default:
      return JSON.parse(text);
  }
}

/** Every record of a file, in order, with its starting line. */
export function recordsOf(format: string, lines: string[]): { line: number; record: Record<string, unknown> }[] {
  const out: { line: number; record: Record<string, unknown> }[] = [];
  lines.forEach((text, i) => {
    const starts =
      format === "windows-xml"
        ? text.startsWith("<Event ")
        : format === "m365-ual-csv"
          ? i > 0
          : format === "entra-signin-json" || format === "m365-ual-json"
            ? i > 0 && text.startsWith("{")
            : true;
    if (starts) out.push({ line: i + 1, record: recordAt(format, lines, i + 1) });
  });
  return out;
}

/** The record's time as UTC ISO, whatever field and form the format uses. */
export function recordTime(format: string, r: Record<string, unknown>): string {
  const s = (v: unknown) => String(v);
  switch (format) {
    case "windows-xml":
      return s(r.SystemTime);
    case "winlogbeat-json":
      return s(r["@timestamp"]);
    case "entra-signin-json":
      return s(r.createdDateTime);
    case "m365-ual-csv":
      return `${s((r.AuditData as Record<string, unknown>).CreationTime)}Z`;
    case "m365-ual-json":
      return `${s(r.CreationTime)}Z`;
    default:
      return s(r.ts);
  }
}

/** "a.b.0.c" into nested objects and arrays. */
export function getPath(o: unknown, dotted: string): unknown {
  let cur: unknown = o;
  for (const part of dotted.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export const ms = (iso: string) => Date.parse(iso);
