import { diffLines } from "diff";

/** Two texts line by line: − only in the first, + only in the second. */
export function DiffLines({ before, after, label }: { before: string; after: string; label: string }) {
  return (
    <section aria-label={label}>
      <pre className="max-h-96 overflow-auto rounded border border-line bg-bg p-2 text-xs">
        {diffLines(before, after).map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the diff's parts have no identity but their order
          <span key={i} className={p.added ? "block bg-accent/15" : p.removed ? "block bg-danger/15" : "block text-muted"}>
            {p.value
              .replace(/\n$/, "")
              .split("\n")
              .map((l) => `${p.added ? "+ " : p.removed ? "− " : "  "}${l}`)
              .join("\n")}
          </span>
        ))}
      </pre>
    </section>
  );
}
