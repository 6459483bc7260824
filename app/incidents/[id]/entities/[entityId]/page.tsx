import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { CiteInStory } from "@/components/stories/cite-in-story";
import { TimeText } from "@/components/ui/time-text";
import { roleAllows } from "@/lib/access/permissions";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { firstParam, formatCount } from "@/lib/format/query-values";
import { ENTITY_EVENTS_PAGE_SIZE, getEntity, ZGetEntityQuery } from "@/lib/queries/get-entity";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Entity" };

const n = formatCount;
const one = firstParam;
const Time = TimeText;

// Log content below is attacker-controlled: it is only ever rendered as text.
export default async function EntityPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; entityId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id, entityId } = await params;
  const query = ZGetEntityQuery.safeParse({ after: one((await searchParams).after) });
  const after = query.success ? query.data.after : undefined;
  const { ctx, role } = await getIncidentPageContext(id, "evidence.view");
  const [incident, entity] = await Promise.all([getIncidentById(ctx, id), getEntity(ctx, id, entityId, { after })]);
  if (!incident || !entity) notFound();
  const tz = incident.timeZone;
  const base = `/incidents/${id}`;
  const maxStage = Math.max(1, ...entity.stages.map((s) => s.count));
  const summary: [string, ReactNode][] = [
    ["First seen", <Time key="f" iso={entity.firstSeenAt} tz={tz} />],
    ["Last seen", <Time key="l" iso={entity.lastSeenAt} tz={tz} />],
    ["Events", n(entity.eventCount)],
    ["Sources", n(entity.sources.length)],
  ];
  return (
    <div className="space-y-4">
      <div>
        <p className="text-xs text-muted">
          <Link href={`${base}/entities`} className="hover:text-ink hover:underline">
            Entities
          </Link>{" "}
          ·{" "}
          <Link href={`${base}/entities?kind=${encodeURIComponent(entity.kind)}`} className="hover:text-ink hover:underline">
            {entity.kind}
          </Link>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h2 className="mono text-lg font-semibold break-all">{entity.value}</h2>
          {roleAllows(role, "stories.edit") && <CiteInStory incidentId={id} kind="entity" refId={entity.id} align="right" />}
        </div>
        {entity.displayName && <p className="text-sm text-muted">{entity.displayName}</p>}
      </div>

      <dl className="grid grid-cols-2 gap-3 rounded border border-line bg-panel p-4 sm:grid-cols-4">
        {summary.map(([k, v]) => (
          <div key={k}>
            <dt className="text-xs text-muted">{k}</dt>
            <dd className="text-sm font-semibold tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>

      <div className="grid gap-4 lg:grid-cols-[2fr_3fr]">
        <div className="space-y-4">
          <section aria-labelledby="stages-heading" className="rounded border border-line bg-panel p-4">
            <h3 id="stages-heading" className="mb-2 font-semibold">
              Stages touched
            </h3>
            {entity.stages.length === 0 ? (
              <p className="text-sm text-muted">None of its events is tagged with a stage.</p>
            ) : (
              <ul className="space-y-1.5">
                {entity.stages.map((s) => (
                  <li key={s.key} className="grid grid-cols-[minmax(0,1fr)_6rem_3rem] items-center gap-2 text-sm">
                    <span className="leading-tight" title={s.key}>
                      {s.name}
                    </span>
                    <span className="h-2.5 rounded-sm bg-line" title={`${s.firstSeenAt} → ${s.lastSeenAt}`}>
                      <span className="block h-full rounded-sm bg-accent" style={{ width: `${(s.count / maxStage) * 100}%` }} />
                    </span>
                    <span className="text-right tabular-nums">{n(s.count)}</span>
                  </li>
                ))}
              </ul>
            )}
            {entity.unstagedCount > 0 && entity.stages.length > 0 && (
              <p className="mt-2 text-xs text-muted">{n(entity.unstagedCount)} events with no stage.</p>
            )}
          </section>

          <section aria-labelledby="steps-heading" className="rounded border border-line bg-panel p-4">
            <h3 id="steps-heading" className="mb-2 font-semibold">
              In the chain
            </h3>
            {entity.steps.length === 0 ? (
              <p className="text-sm text-muted">No chain step's evidence names it.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {entity.steps.map((s) => (
                  <li key={s.id} className="flex justify-between gap-3">
                    <Link href={`${base}/chain#stage-${s.stageKey}`} className="truncate text-accent hover:underline" title={s.title}>
                      {s.stageName}
                    </Link>
                    <span className="tabular-nums" title="its events among the step's evidence">
                      {n(s.events)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="sources-heading" className="rounded border border-line bg-panel p-4">
            <h3 id="sources-heading" className="mb-2 font-semibold">
              Sources
            </h3>
            <ul className="space-y-1 text-sm">
              {entity.sources.map((s) => (
                <li key={s.id} className="flex justify-between gap-3">
                  <Link href={`${base}/sources/${s.id}`} className="truncate text-accent hover:underline" title={s.name}>
                    {s.name}
                  </Link>
                  <span className="tabular-nums">{n(s.count)}</span>
                </li>
              ))}
            </ul>
          </section>
        </div>

        <section aria-labelledby="related-heading" className="rounded border border-line bg-panel">
          <h3 id="related-heading" className="px-4 pt-4 pb-2 font-semibold">
            Related entities
            <span className="ml-2 text-xs font-normal text-muted">in the same events, most shared first</span>
          </h3>
          {entity.related.length === 0 ? (
            <p className="px-4 pb-4 text-sm text-muted">No other entity appears in its events.</p>
          ) : (
            <div className="max-h-[26rem] overflow-y-auto">
              <table className="w-full text-sm">
                <thead className="sticky top-0 border-b border-line bg-panel text-left text-muted">
                  <tr>
                    <th className="px-3 py-1.5 font-medium">Relation</th>
                    <th className="px-3 py-1.5 font-medium">Entity</th>
                    <th className="px-3 py-1.5 font-medium">Role</th>
                    <th className="px-3 py-1.5 text-right font-medium">Shared</th>
                  </tr>
                </thead>
                <tbody>
                  {entity.related.map((r) => (
                    <tr key={r.id} className="border-b border-line align-top last:border-0">
                      <td className="px-3 py-1 text-xs whitespace-nowrap text-muted">{r.relation}</td>
                      <td className="px-3 py-1">
                        <span className="mr-1.5 text-xs text-muted">{r.kind}</span>
                        <Link href={`${base}/entities/${r.id}`} className="mono text-xs break-all text-accent hover:underline">
                          {r.value}
                        </Link>
                      </td>
                      <td className="px-3 py-1 text-xs text-muted">{r.roles.join(", ")}</td>
                      <td className="px-3 py-1 text-right tabular-nums">{n(r.sharedCount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>

      <section aria-labelledby="events-heading" className="space-y-2">
        <div className="flex items-baseline justify-between gap-3">
          <h3 id="events-heading" className="font-semibold">
            Events <span className="text-sm font-normal text-muted">({n(entity.eventCount)}, oldest first)</span>
          </h3>
          <p className="text-xs text-muted">Times in {tz}; hover a time for UTC with microseconds. Open a time on the timeline.</p>
        </div>
        {!query.success && (
          <p role="alert" className="rounded border border-danger/40 p-3 text-sm text-danger">
            That page link is not valid; showing the first page.
          </p>
        )}
        <div className="overflow-x-auto rounded border border-line bg-panel">
          <table className="w-full table-fixed text-xs">
            <colgroup>
              <col className="w-44" />
              <col className="w-36" />
              <col className="w-44" />
              <col className="w-28" />
              <col />
              <col className="w-28" />
              <col className="w-20" />
            </colgroup>
            <thead className="border-b border-line text-left text-muted">
              <tr>
                <th className="px-2 py-2 font-medium">Time · source</th>
                <th className="px-2 py-2 font-medium">Action</th>
                <th className="px-2 py-2 font-medium">Actor</th>
                <th className="px-2 py-2 font-medium">Src IP</th>
                <th className="px-2 py-2 font-medium">Message</th>
                <th className="px-2 py-2 font-medium">Stage</th>
                <th className="px-2 py-2 font-medium">Role</th>
              </tr>
            </thead>
            <tbody>
              {entity.events.map((e) => (
                <tr key={e.id} className="border-b border-line align-top last:border-0">
                  <td className="px-2 py-1.5">
                    <Link href={`${base}/timeline?event=${e.id}`} className="mono whitespace-nowrap text-accent hover:underline">
                      <Time iso={e.occurredAt} tz={tz} />
                    </Link>
                    <div className="truncate text-muted" title={e.sourceName}>
                      {e.sourceName}
                    </div>
                  </td>
                  <td className="px-2 py-1.5 break-words">{e.action ?? "—"}</td>
                  <td className="px-2 py-1.5 break-all">{e.actor ?? "—"}</td>
                  <td className="mono px-2 py-1.5 break-all">{e.srcIp ?? "—"}</td>
                  <td className="px-2 py-1.5 break-words">
                    <div className="line-clamp-3" title={e.message}>
                      {e.message}
                      {e.isMessageTruncated && <span className="text-muted">…</span>}
                    </div>
                  </td>
                  <td className="px-2 py-1.5 break-words">
                    {e.stageName ? <span title={e.stageKey ?? undefined}>{e.stageName}</span> : <span className="text-muted">—</span>}
                    {(e.technique || e.severity) && (
                      <div className="text-muted">{[e.technique, e.severity].filter(Boolean).join(" · ")}</div>
                    )}
                  </td>
                  <td className="px-2 py-1.5 break-words text-muted">{e.roles.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <nav aria-label="Event pages" className="flex items-center gap-4 text-sm">
          {after && (
            <Link href={`${base}/entities/${entity.id}`} className="text-accent hover:underline">
              ← First page
            </Link>
          )}
          {entity.nextCursor ? (
            <Link
              href={`${base}/entities/${entity.id}?after=${encodeURIComponent(entity.nextCursor)}`}
              className="text-accent hover:underline"
            >
              Next {ENTITY_EVENTS_PAGE_SIZE} events →
            </Link>
          ) : (
            entity.eventCount > 0 && <span className="text-muted">Last page.</span>
          )}
        </nav>
      </section>
    </div>
  );
}
