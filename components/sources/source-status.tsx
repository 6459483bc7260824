/** A source's status as a small coloured label. */
export function SourceStatus({ status }: { status: string }) {
  const tone =
    status === "complete"
      ? "border-green-600/40 text-green-700 dark:text-green-400"
      : status === "importing"
        ? "border-accent/40 text-accent"
        : "border-danger/40 text-danger";
  return <span className={`rounded border px-1.5 py-0.5 text-xs ${tone}`}>{status}</span>;
}
