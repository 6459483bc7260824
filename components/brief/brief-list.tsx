/** One of the brief's lists under its heading; "None." when empty, so an empty list is said, not hidden. */
export function BriefList({ title, items }: { title: string; items: string[] }) {
  return (
    <section aria-label={title}>
      <h3 className="mb-1 text-base font-semibold">{title}</h3>
      {items.length ? (
        <ul className="list-disc space-y-0.5 pl-5 text-sm">
          {items.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">None.</p>
      )}
    </section>
  );
}
