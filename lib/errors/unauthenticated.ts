/** Nobody is signed in (no session cookie, no valid token): pages send the visitor to sign in, the API answers 401. */
export class UnauthenticatedError extends Error {
  override name = "UnauthenticatedError";
  constructor(message = "sign in first") {
    super(message);
  }
}
