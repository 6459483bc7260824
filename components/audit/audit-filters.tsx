import type { TAuditQuery } from "@/lib/audit/list-audit";

const FIELD = "rounded border border-line bg-bg px-2 py-1 text-sm";

/** The filters as a plain GET form (works without JavaScript), and the export links for what they select. */
export function AuditFilters({ query, exportBase }: { query: TAuditQuery; exportBase: string }) {
  const params = new URLSearchParams(
    Object.entries({ actor: query.actor, action: query.action, from: query.from, to: query.to }).filter((kv): kv is [string, string] =>
      Boolean(kv[1]),
    ),
  );
  return (
    <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
      <label>
        Who <input name="actor" defaultValue={query.actor} placeholder="name, email or address" className={FIELD} />
      </label>
      <label>
        Action <input name="action" defaultValue={query.action} placeholder="member. or auth.sign-in" className={FIELD} />
      </label>
      <label>
        From <input name="from" type="date" defaultValue={query.from} className={FIELD} />
      </label>
      <label>
        To <input name="to" type="date" defaultValue={query.to} className={FIELD} />
      </label>
      <button type="submit" className="rounded bg-accent px-3 py-1 text-accent-ink">
        Filter
      </button>
      <span className="ml-auto text-muted">
        Export:{" "}
        <a className="text-accent underline" href={`${exportBase}?${params}&format=csv`}>
          CSV
        </a>{" "}
        ·{" "}
        <a className="text-accent underline" href={`${exportBase}?${params}&format=jsonl`}>
          JSONL
        </a>
      </span>
    </form>
  );
}
