import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChainStrip } from "@/components/chain/chain-strip";
import { CoveragePanel } from "@/components/overview/coverage-panel";
import { StageEditor } from "@/components/overview/stage-editor";
import { roleAllows } from "@/lib/access/permissions";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { formatDateTime } from "@/lib/format/format-time";
import { incidentViewTitle } from "@/lib/incident-metadata";
import { getChain } from "@/lib/queries/get-chain";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";
import { getIncidentCoverage } from "@/lib/queries/get-incident-coverage";

export const dynamic = "force-dynamic";
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return incidentViewTitle((await params).id, "Overview");
}

export default async function IncidentOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, role } = await getIncidentPageContext(id, "incident.view");
  const mayEdit = roleAllows(role, "evidence.edit");
  const maySeeEvidence = roleAllows(role, "evidence.view");
  const [incident, coverage, chain] = await Promise.all([getIncidentById(ctx, id), getIncidentCoverage(ctx, id), getChain(ctx, id)]);
  if (!incident) notFound();
  const stats = [
    ["Sources", incident._count.sources],
    ["Events", incident._count.events],
    ["Chain steps", incident._count.chainSteps],
    ["Evidence gaps", incident._count.gaps],
  ] as const;
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section className="space-y-4">
          <p className="whitespace-pre-wrap text-sm">{incident.summary || <span className="text-muted">No summary yet.</span>}</p>
          <dl className="grid grid-cols-4 gap-3">
            {stats.map(([label, n]) => (
              <div key={label} className="rounded border border-line bg-panel p-3">
                <dt className="text-xs text-muted">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums">{n.toLocaleString("en-US")}</dd>
              </div>
            ))}
          </dl>
          <p className="text-xs text-muted">
            Created {formatDateTime(incident.createdAt, incident.timeZone)} by {incident.createdBy.name} · times shown in{" "}
            {incident.timeZone}
          </p>
          {maySeeEvidence && (
            <p className="text-sm">
              <a href={`/api/incidents/${incident.id}/case-file`} download className="text-accent underline">
                Download the case file
              </a>{" "}
              <span className="text-muted">
                — the whole incident (events, sources, chain, gaps, stories, notes, audit trail) in one file, to archive or to import into
                another Chainline
              </span>
            </p>
          )}
        </section>
        <section aria-labelledby="stages-heading" className="rounded border border-line bg-panel p-4">
          <h2 id="stages-heading" className="mb-2 font-semibold">
            Attack-chain stages
          </h2>
          {mayEdit ? (
            <StageEditor
              incidentId={incident.id}
              stages={incident.stages.map((st) => ({ key: st.key, name: st.name, attackTactic: st.attackTactic }))}
            />
          ) : (
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              {incident.stages.map((st) => (
                <li key={st.key}>{st.name}</li>
              ))}
            </ol>
          )}
        </section>
      </div>
      {chain && chain.steps.length > 0 && (
        <section aria-labelledby="chain-heading" className="space-y-2">
          <div className="flex items-baseline justify-between">
            <h2 id="chain-heading" className="font-semibold">
              Attack chain
            </h2>
            <Link href={`/incidents/${incident.id}/chain`} className="text-sm text-accent underline">
              Open the chain
            </Link>
          </div>
          <ChainStrip chain={chain} linkBase={`/incidents/${incident.id}/chain`} />
        </section>
      )}
      {maySeeEvidence && <CoveragePanel coverage={coverage} incidentId={incident.id} timeZone={incident.timeZone} />}
    </div>
  );
}
