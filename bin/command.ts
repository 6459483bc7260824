import { InvalidRequestError } from "@/lib/errors/invalid-request";

/** A flag: its kind and the line --help shows for it. */
export type OptionSpec = { type: "string" | "boolean"; description: string; multiple?: boolean; short?: string };

/** One CLI command: its words, help text, flags, and what it does with them. */
export type Command = {
  path: string[];
  summary: string;
  /** Extra help lines shown under the usage line. */
  help?: string[];
  options?: Record<string, OptionSpec>;
  /** Usage text for positional arguments, e.g. "FILE...". */
  positionals?: string;
  /** Works against a running server (--server URL with a token) as well as on the database. */
  remote?: boolean;
  run(args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }): Promise<number | undefined>;
};

/** A mistake in how the command was called: shown with the command's usage. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A flag's whole-number value, `fallback` when absent; anything else is a usage error. */
export function wholeNumber(name: string, v: unknown, fallback?: number): number | undefined {
  if (v === undefined) return fallback;
  if (typeof v !== "string" || !/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number`);
  return Number(v);
}

/** Reads a flag's value through lib/: a value lib/ refuses is a mistake in the call (exit 2, with the usage). */
export function asUsage<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof InvalidRequestError) throw new UsageError(`--${err.message}`);
    throw err;
  }
}
