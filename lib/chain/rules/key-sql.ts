import type { SqlParams } from "@/lib/db/sql-params";
import { textOf } from "./compile-sql";
import type { KeyRef } from "./rule-spec";

/** SQL text of a grouping/joining key; `account` folds DOMAIN\\user, user@domain and case to "user". */
export function keySql(key: KeyRef, params: SqlParams): string {
  if (key.kind === "account") {
    return `NULLIF(lower(regexp_replace(regexp_replace(${keySql(key.of, params)}, '^.*\\\\', ''), '@.*$', '')), '')`;
  }
  // An empty value is no key: "" must not group unrelated events together.
  if (key.kind === "coalesce") return `COALESCE(${key.of.map((f) => `NULLIF(${textOf(f, params)}, '')`).join(", ")})`;
  return `NULLIF(${textOf(key, params)}, '')`;
}
