/** The actor may see the thing but not do this to it (a viewer editing, a read-only token writing): 403. */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}
