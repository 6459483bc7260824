import { InvalidRequestError } from "@/lib/errors/invalid-request";

/** `?version=N` (a version number, 1 or more), or undefined for the newest the reader may see. */
export function versionParam(query: URLSearchParams): number | undefined {
  const raw = query.get("version");
  if (raw === null || raw === "") return undefined;
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new InvalidRequestError(`version: "${raw.slice(0, 20)}" is not a version number`);
  return Number(raw);
}
