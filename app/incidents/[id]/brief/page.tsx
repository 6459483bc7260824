import type { Metadata } from "next";
import Link from "next/link";
import { AssessForm } from "@/components/brief/assess-form";
import { BriefChain } from "@/components/brief/brief-chain";
import { ImpactAxes, PriorityBadge } from "@/components/brief/brief-judgement";
import { BriefList } from "@/components/brief/brief-list";
import { AsOfError } from "@/components/chain/as-of-error";
import { roleAllows } from "@/lib/access/permissions";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { composeBrief } from "@/lib/brief/compose-brief";
import { parseAsOf } from "@/lib/chain/parse-as-of";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Brief" };

/**
 * The executive brief: one screen and one printed page. What happened, how bad, what is known and
 * not, what has changed, what must be decided, as believed now or on a date.
 */
export default async function BriefPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ asOf?: string }>;
}) {
  const [{ id }, { asOf: rawAsOf }] = await Promise.all([params, searchParams]);
  const { ctx, role } = await getIncidentPageContext(id, "chain.view");
  const parsed = parseAsOf(rawAsOf);
  if ("error" in parsed) return <AsOfError what="brief" error={parsed.error} href={`/incidents/${id}/brief`} />;
  const brief = await composeBrief(ctx, id, parsed.asOf);
  const query = rawAsOf ? `&asOf=${encodeURIComponent(rawAsOf)}` : "";
  return (
    <article className="brief mx-auto max-w-5xl space-y-4" aria-label="Executive brief">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="flex flex-wrap items-center gap-3 text-lg">
          <PriorityBadge assessment={brief.assessment} />
          <span className="font-semibold">Status: {brief.status}</span>
          <span>{brief.asOf ? `as believed on ${brief.asOf}` : "as believed now"}</span>
        </p>
        <form className="no-print flex items-center gap-2 text-sm" action={`/incidents/${id}/brief`}>
          <label htmlFor="brief-as-of">As of</label>
          <input
            id="brief-as-of"
            name="asOf"
            type="date"
            defaultValue={brief.asOf ?? ""}
            className="rounded border border-line bg-bg px-1"
          />
          <button type="submit" className="rounded border border-line px-2 py-0.5">
            Show
          </button>
          {brief.asOf && (
            <Link className="text-accent underline" href={`/incidents/${id}/brief`}>
              now
            </Link>
          )}
          <span className="text-muted">·</span>
          <a className="text-accent underline" href={`/api/incidents/${id}/brief/export?format=pdf&paper=a4${query}`}>
            PDF (A4)
          </a>
          <a className="text-accent underline" href={`/api/incidents/${id}/brief/export?format=pdf&paper=letter${query}`}>
            PDF (Letter)
          </a>
          <a className="text-accent underline" href={`/api/incidents/${id}/brief/export?format=png${query}`}>
            PNG
          </a>
        </form>
      </header>
      {brief.beliefChanges.length > 0 && (
        <aside role="note" className="rounded border-2 border-amber-500 p-3 text-base">
          <p className="font-semibold">Belief has changed since {brief.asOf}:</p>
          <ul className="list-disc pl-5">
            {brief.beliefChanges.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </aside>
      )}
      <section aria-label="What happened" className="space-y-1 text-lg leading-relaxed">
        {brief.sentences.map((s) => (
          <p key={s}>{s}</p>
        ))}
      </section>
      <ImpactAxes assessment={brief.assessment} />
      <section aria-label="How bad" className="flex flex-wrap gap-x-6 gap-y-1 text-base">
        {brief.counts.map((c) => (
          <p key={c.label}>
            <span className="text-2xl font-semibold">{c.n.toLocaleString("en-US")}</span> {c.label}
          </p>
        ))}
      </section>
      <BriefChain boxes={brief.boxes} zone={brief.zone} />
      <div className="grid gap-4 md:grid-cols-2 print:grid-cols-2">
        <BriefList title="What we know" items={brief.known} />
        <BriefList title="What we do not know" items={brief.unknown} />
        <BriefList title="What has changed" items={brief.changed} />
        <BriefList title="Decisions needed" items={brief.decisions.map((d) => `${d.text} (${d.owner})`)} />
      </div>
      {roleAllows(role, "evidence.edit") && <AssessForm incidentId={id} current={brief.assessment} drafted={brief.drafted} />}
    </article>
  );
}
