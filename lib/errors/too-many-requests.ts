/** A rate limit refused the request (429); retryAfter is in seconds. */
export class TooManyRequestsError extends Error {
  override name = "TooManyRequestsError";
  constructor(
    message: string,
    readonly retryAfter: number,
  ) {
    super(message);
  }
}
