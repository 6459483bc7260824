"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { sendJson } from "@/components/ui/send-json";

/** The instructor's grade of a submitted brief, against the rubric shown beside it. */
export function GradeBriefForm({ attemptId, worth }: { attemptId: string; worth: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const err = await sendJson(`/api/attempts/${attemptId}/brief-grade`, "POST", {
          points: Number(f.get("points")),
          comment: String(f.get("comment") ?? ""),
        });
        if (err) setError(err);
        else router.refresh();
      }}
      className="space-y-2"
      aria-label="Grade the brief"
    >
      <label className="block text-sm font-medium">
        Points (of {worth})
        <input
          name="points"
          type="number"
          min={0}
          max={worth}
          step={0.5}
          required
          className="ml-2 w-20 rounded border border-line bg-bg px-2 py-1 text-sm"
        />
      </label>
      <label className="block text-sm font-medium">
        Comment
        <textarea name="comment" rows={2} maxLength={2000} className="mt-1 w-full rounded border border-line bg-bg px-2 py-1 text-sm" />
      </label>
      <button type="submit" className="rounded bg-accent px-3 py-1 text-sm font-medium text-accent-ink">
        Grade
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
