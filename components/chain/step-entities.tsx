import Link from "next/link";
import { groupStepEntities } from "@/lib/chain/group-step-entities";
import type { StepEntity } from "@/lib/queries/step-entities";

/** Who and what a step's evidence names, by kind, each linking to its entity page, with how many events name it. */
export function StepEntities({ entities, incidentId }: { entities: readonly StepEntity[]; incidentId: string }) {
  const groups = groupStepEntities(entities);
  if (groups.length === 0) return null;
  return (
    <dl className="space-y-0.5 text-xs" aria-label="Entities its evidence names">
      {groups.map((g) => (
        <div key={g.kind} className="flex flex-wrap gap-x-1">
          <dt className="text-muted">{g.label}:</dt>
          {g.items.map((e, i) => (
            <dd key={e.entityId} className="min-w-0">
              <Link
                href={`/incidents/${incidentId}/entities/${e.entityId}`}
                className="break-all text-accent hover:underline"
                title={`${e.events} events name it`}
              >
                {e.value}
              </Link>
              <span className="text-muted"> ({e.events.toLocaleString("en-US")})</span>
              {i < g.items.length - 1 && ","}
            </dd>
          ))}
          {g.more > 0 && <dd className="text-muted">+{g.more} more</dd>}
        </div>
      ))}
    </dl>
  );
}
