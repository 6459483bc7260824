import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AsOfControl } from "@/components/chain/as-of-control";
import { AsOfError } from "@/components/chain/as-of-error";
import { ChainCards } from "@/components/chain/chain-cards";
import { ChainStrip } from "@/components/chain/chain-strip";
import { HypothesesTable } from "@/components/chain/hypotheses-table";
import { roleAllows } from "@/lib/access/permissions";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { parseAsOf } from "@/lib/chain/parse-as-of";
import { getChain } from "@/lib/queries/get-chain";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";
import { listHypotheses } from "@/lib/queries/list-hypotheses";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Chain" };

/** A bare date means the end of that day (UTC): what was believed on it. */

export default async function ChainPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ asOf?: string }>;
}) {
  const [{ id }, { asOf: rawAsOf }] = await Promise.all([params, searchParams]);
  const { ctx, role } = await getIncidentPageContext(id, "chain.view");
  const parsed = parseAsOf(rawAsOf);
  if ("error" in parsed) return <AsOfError what="chain" error={parsed.error} href={`/incidents/${id}/chain`} />;
  const { asOf } = parsed;
  const [incident, chain, hypotheses] = await Promise.all([getIncidentById(ctx, id), getChain(ctx, id, asOf), listHypotheses(ctx, id)]);
  if (!incident || !chain) notFound();
  // The dates on which an analyst's belief changed: where replaying the chain is worth a stop.
  const turningPoints = [
    ...new Set(
      chain.steps.flatMap((s) =>
        s.history.filter((h) => h.origin === "analyst" && h.effectiveAt).map((h) => (h.effectiveAt ?? "").slice(0, 10)),
      ),
    ),
  ].sort();
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Attack chain</h2>
          <p className="text-sm text-muted">
            {asOf
              ? `As believed on ${rawAsOf} (analyst assessments in effect by then; the rules' reading of the evidence otherwise).`
              : "As believed now."}{" "}
            Solid cards are evidenced; dashed cards are inferred.
          </p>
          <p className="text-sm">
            Export this chain:{" "}
            <a
              className="text-accent underline"
              href={`/api/incidents/${id}/chain/export?format=stix${asOf ? `&asOf=${encodeURIComponent(rawAsOf ?? "")}` : ""}`}
            >
              STIX 2.1 with Attack Flow
            </a>{" "}
            ·{" "}
            <a
              className="text-accent underline"
              href={`/api/incidents/${id}/chain/export?format=mermaid${asOf ? `&asOf=${encodeURIComponent(rawAsOf ?? "")}` : ""}`}
            >
              Mermaid
            </a>
          </p>
        </div>
        <AsOfControl incidentId={id} value={asOf ? (rawAsOf ?? "") : ""} turningPoints={turningPoints} />
      </div>
      {chain.steps.length === 0 ? (
        <p className="rounded border border-dashed border-line p-6 text-sm text-muted">
          No chain yet: import logs, then run the rules (<code>npm run chainline -- rules run --incident {id}</code>).
        </p>
      ) : (
        <>
          <ChainStrip chain={chain} />
          <ChainCards
            chain={chain}
            incidentId={id}
            timeZone={incident.timeZone}
            showEvidenceLinks={roleAllows(role, "evidence.view")}
            mayEdit={roleAllows(role, "evidence.edit")}
            mayCite={roleAllows(role, "stories.edit")}
          />
        </>
      )}
      <HypothesesTable hypotheses={hypotheses} />
    </div>
  );
}
