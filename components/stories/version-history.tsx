"use client";

import Link from "next/link";
import { useState } from "react";
import { TimeText } from "@/components/ui/time-text";
import type { StoryVersionView } from "@/lib/stories/get-story";
import { DiffLines } from "./diff-lines";

type Version = Omit<StoryVersionView, "body">;

/** Who did what to each version and when, each version's text one click away, and a diff of any two. */
export function VersionHistory({
  apiUrl,
  pageUrl,
  versions,
  shown,
  zone,
}: {
  apiUrl: string;
  pageUrl: string;
  versions: Version[];
  shown: number;
  zone: string;
}) {
  const [from, setFrom] = useState(versions[1]?.number ?? 0);
  const [to, setTo] = useState(versions[0]?.number ?? 0);
  const [diff, setDiff] = useState<{ before: string; after: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const bodyOf = async (n: number) => {
    const res = await fetch(`${apiUrl}?version=${n}`);
    if (!res.ok) throw new Error(`version ${n}: ${res.status}`);
    return ((await res.json()) as { story: { version: { body: string } } }).story.version.body;
  };
  async function compare() {
    setError(null);
    try {
      const [a, b] = await Promise.all([bodyOf(from), bodyOf(to)]);
      setDiff({ before: a, after: b });
    } catch (e) {
      setError(String((e as Error).message));
    }
  }
  return (
    <section aria-labelledby="history-heading" className="space-y-2">
      <h3 id="history-heading" className="font-semibold">
        History
      </h3>
      <ol className="space-y-1 text-sm">
        {versions.map((v) => (
          <li key={v.id}>
            <Link href={`${pageUrl}?version=${v.number}`} className={v.number === shown ? "font-semibold" : "text-accent underline"}>
              Version {v.number}
            </Link>{" "}
            · {v.status.replace("_", " ")} · started by {v.createdBy} <TimeText iso={new Date(v.createdAt).toISOString()} tz={zone} />
            {v.submittedBy && <> · sent for review by {v.submittedBy}</>}
            {v.approvedBy && <> · approved by {v.approvedBy}</>}
            {v.publishedBy && v.publishedAt && (
              <>
                {" "}
                · published by {v.publishedBy} <TimeText iso={new Date(v.publishedAt).toISOString()} tz={zone} />
              </>
            )}
          </li>
        ))}
      </ol>
      {versions.length > 1 && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          Compare version
          <VersionSelect label="Compare from version" versions={versions} value={from} onChange={setFrom} />
          with
          <VersionSelect label="Compare to version" versions={versions} value={to} onChange={setTo} />
          <button type="button" onClick={compare} className="rounded border border-line px-2 py-0.5">
            Show changes
          </button>
        </div>
      )}
      {error && <p className="text-sm text-danger">{error}</p>}
      {diff && <DiffLines before={diff.before} after={diff.after} label="Changes between versions" />}
    </section>
  );
}

function VersionSelect({
  label,
  versions,
  value,
  onChange,
}: {
  label: string;
  versions: Version[];
  value: number;
  onChange(n: number): void;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(Number(e.target.value))}
      className="rounded border border-line bg-bg px-1"
    >
      {versions.map((v) => (
        <option key={v.id} value={v.number}>
          {v.number}
        </option>
      ))}
    </select>
  );
}
