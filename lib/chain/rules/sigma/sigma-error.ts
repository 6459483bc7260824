/** Why a Sigma rule cannot be loaded as a whole, and where in its YAML (keys from the document root). */
export class SigmaRuleError extends Error {
  readonly path: readonly (string | number)[];

  constructor(message: string, path: readonly (string | number)[] = []) {
    super(message);
    this.name = "SigmaRuleError";
    this.path = path;
  }
}
