/** A request that is well-formed but cannot be applied as asked (a duplicate, an incomplete list). */
export class InvalidRequestError extends Error {
  override name = "InvalidRequestError";
}
