/** A write based on something that changed meanwhile (a story saved by someone else): refused, with what is there now. */
export class ConflictError extends Error {
  override name = "ConflictError";
  constructor(
    message: string,
    /** What the client needs to merge: the current state it did not see. */
    readonly current: unknown,
  ) {
    super(message);
  }
}
