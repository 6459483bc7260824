/**
 * Positional parameters ($1, $2 …) for one raw SQL statement: every value goes through here, so
 * what users and rules write never becomes SQL text. `startAt`: the first number to hand out,
 * when the statement already uses $1… for itself.
 */
export class SqlParams {
  private readonly list: unknown[] = [];
  private readonly startAt: number;

  constructor(startAt = 1) {
    this.startAt = startAt;
  }

  /** Adds a value and returns its placeholder ("$n"). */
  add(value: unknown): string {
    this.list.push(value);
    return `$${this.startAt + this.list.length - 1}`;
  }

  /** A text[] built from a JSON array: the same on pg and PGlite, whatever the values hold. */
  textArray(values: readonly string[]): string {
    return `ARRAY(SELECT jsonb_array_elements_text(${this.add(JSON.stringify(values))}::jsonb))`;
  }

  /** The values, in placeholder order. */
  values(): unknown[] {
    return [...this.list];
  }
}
