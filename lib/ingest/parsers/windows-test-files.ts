import path from "node:path";
import type { EventDraft } from "../canonical";
import type { Line } from "../read/read-lines";
import type { WinEvent } from "./windows-event";
import { draftFromWinEvent } from "./windows-semantics";

/** Paths for the Windows formats' tests: committed fixtures and the shared real samples. */
export const FIXTURES = path.join(import.meta.dirname, "fixtures");
export const SAMPLES = path.resolve(process.cwd(), "..", "shared", "samples");
export const LSASS_SAMPLE = path.join(SAMPLES, "windows", "lsass_dump_comsvcs.jsonl");

export const fixture = (rel: string) => path.join(FIXTURES, rel);

/** Numbered lines, as the reader hands them to a parser. */
export const linesOf = (text: string): Line[] => text.split("\n").map((t, i) => ({ text: t, number: i + 1 }));

/** A Windows event for semantics tests: a Security event on ws01 unless told otherwise. */
export function winEvent(over: Partial<WinEvent>): WinEvent {
  return {
    eventId: undefined,
    provider: undefined,
    channel: "Security",
    computer: "ws01.contoso.test",
    recordId: "42",
    time: "2023-05-15T03:12:44.1234567Z",
    timeField: "TimeCreated",
    isZoneStated: false,
    data: {},
    params: [],
    message: undefined,
    keywords: undefined,
    ...over,
  };
}

/** The draft of such an event; a test that expects an error calls draftFromWinEvent itself. */
export function draftOf(over: Partial<WinEvent>): EventDraft {
  const d = draftFromWinEvent(winEvent(over));
  if ("error" in d) throw new Error(d.error);
  return d;
}
