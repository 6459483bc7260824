import type { Reader } from "./fields";

export type EpochUnit = "s" | "ms" | "us" | "ns";

const EPOCH_RE = /^(\d+)(?:\.(\d+))?$/;
// .NET JSON dates: the number is UTC milliseconds; a trailing +hhmm only says where the writer was.
const DOTNET_RE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;
/** Decimal digits of a power of ten times the unit that make a microsecond count. */
const DIGITS_TO_MICROS: Record<EpochUnit, number> = { s: 6, ms: 3, us: 0, ns: -3 };

/**
 * Unit from magnitude, as the integer part's digit count: < 1e11 seconds (to year 5138), < 1e14 milliseconds,
 * < 1e17 microseconds, else nanoseconds. Digit counts avoid reading a 19-digit value into an inexact number.
 */
export function epochUnitByMagnitude(integerDigits: string): EpochUnit {
  const n = integerDigits.length;
  return n <= 11 ? "s" : n <= 14 ? "ms" : n <= 17 ? "us" : "ns";
}

/**
 * Reader for unsigned epoch numbers with an optional fraction. Works on the digit string so that 1e15-plus
 * values stay exact: digits past a microsecond are dropped (truncated), never rounded through floating point.
 */
export function epochReader(unit: EpochUnit | null): Reader {
  return (text) => {
    const m = EPOCH_RE.exec(text);
    if (m === null) return undefined;
    const integer = (m[1] ?? "").replace(/^0+(?=\d)/, "");
    const fraction = m[2] ?? "";
    const shift = DIGITS_TO_MICROS[unit ?? epochUnitByMagnitude(integer)];
    const micros =
      shift >= 0
        ? integer + (fraction.length >= shift ? fraction.slice(0, shift) : fraction.padEnd(shift, "0"))
        : integer.slice(0, integer.length + shift) || "0";
    // Beyond 2^53 the number is no longer exact, but it is then past 2199 and the range check rejects it.
    return Number(micros);
  };
}

export const readDotNetDate: Reader = (text) => {
  const m = DOTNET_RE.exec(text);
  if (m === null) return undefined;
  return Number(m[1]) * 1000;
};
