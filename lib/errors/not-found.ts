/** The thing asked for does not exist, or the actor may not see it (the two are not told apart). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}
