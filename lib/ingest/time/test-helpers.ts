import { expect } from "vitest";
import { createTimestampParser, isTimeError, type ParsedTime, type TimeError, type TimeOptions } from "./parse-timestamp";

/** Expected instants are computed with Date.UTC, independently of the parser's own arithmetic. */
export function utcUs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, micro = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) * 1000 + micro;
}

/** Parses one text with a fresh parser and fails the test with the parser's reason if it did not parse. */
export function parseOk(text: string, options?: TimeOptions): ParsedTime {
  const result = createTimestampParser(options)(text);
  if (isTimeError(result)) expect.fail(`"${text}" did not parse: ${result.error}`);
  return result;
}

/** Parses one text with a fresh parser and returns the error reason, failing the test if it parsed. */
export function parseError(text: string, options?: TimeOptions): string {
  const result: ParsedTime | TimeError = createTimestampParser(options)(text);
  if (!isTimeError(result)) expect.fail(`"${text}" parsed unexpectedly to ${result.epochUs}`);
  return result.error;
}
