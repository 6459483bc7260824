/** One field that an audited change touched. `before`/`after` are undefined where the field was absent. */
export type AuditChange = { field: string; before?: unknown; after?: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * What changed between an audit entry's before and after, field by field (nested objects by dotted
 * path), in a stable order. A creation lists every field of after; a removal every field of before.
 */
export function auditDiff(before: unknown, after: unknown, prefix = ""): AuditChange[] {
  if (!isObject(before) && !isObject(after)) {
    return JSON.stringify(before) === JSON.stringify(after)
      ? []
      : [{ field: prefix || "value", before: before ?? undefined, after: after ?? undefined }];
  }
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys.flatMap((k) => {
    const field = prefix ? `${prefix}.${k}` : k;
    const [bv, av] = [b[k], a[k]];
    if (isObject(bv) && isObject(av)) return auditDiff(bv, av, field);
    if (JSON.stringify(bv) === JSON.stringify(av)) return [];
    return [{ field, before: bv, after: av }];
  });
}
