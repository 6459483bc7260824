import type { Metadata } from "next";
import { listFormats } from "@/lib/queries/list-formats";

export const metadata: Metadata = { title: "Formats" };

export default function FormatsPage() {
  const formats = listFormats();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Formats</h1>
        <p className="text-sm text-muted">
          What the importer reads. The format is detected from a file&apos;s first lines: the most specific match wins, and ties go to the
          format listed first. Any format can be forced (<span className="mono">--format NAME</span>, or the Format choice when importing).
        </p>
      </div>
      {formats.map((f) => (
        <section key={f.name} aria-labelledby={`format-${f.name}`} className="rounded border border-line bg-panel p-4">
          <h2 id={`format-${f.name}`} className="font-semibold">
            {f.label} <span className="mono ml-1 text-xs font-normal text-muted">{f.name}</span>
          </h2>
          <p className="mt-1 text-sm">{f.description}</p>
          <pre className="mono mt-2 overflow-x-auto rounded bg-bg p-2 text-xs">{f.example}</pre>
        </section>
      ))}
    </div>
  );
}
