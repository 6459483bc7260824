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
  run(args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }): Promise<number | undefined>;
};

/** A mistake in how the command was called: shown with the command's usage. */
export class UsageError extends Error {
  override name = "UsageError";
}
