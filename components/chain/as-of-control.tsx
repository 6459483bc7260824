import Link from "next/link";

/** A plain GET form, so the replayed chain is a link anyone can open. */
export function AsOfControl({ incidentId, value, turningPoints }: { incidentId: string; value: string; turningPoints: string[] }) {
  const base = `/incidents/${incidentId}/chain`;
  return (
    <form action={base} method="get" className="flex flex-wrap items-end gap-2 text-sm" aria-label="Show the chain as believed on a date">
      <label className="flex flex-col gap-1">
        <span className="text-xs text-muted">As of</span>
        <input type="date" name="asOf" defaultValue={value} className="rounded border border-line bg-panel px-2 py-1" />
      </label>
      <button type="submit" className="rounded bg-accent px-3 py-1.5 text-accent-ink">
        Replay
      </button>
      {turningPoints.map((d) => (
        <Link
          key={d}
          href={`${base}?asOf=${d}`}
          className={`rounded border px-2 py-1 ${value === d ? "border-accent text-ink" : "border-line text-muted"}`}
        >
          {d}
        </Link>
      ))}
      <Link href={base} className={`rounded border px-2 py-1 ${value === "" ? "border-accent text-ink" : "border-line text-muted"}`}>
        now
      </Link>
    </form>
  );
}
