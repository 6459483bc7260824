"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { sendJson } from "@/components/ui/send-json";

/** Records what the players decided, at the replay clock. */
export function DecisionForm({ incidentId, sessionId }: { incidentId: string; sessionId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-label="Record a decision"
      className="space-y-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const err = await sendJson(`/api/incidents/${incidentId}/replay/${sessionId}/decisions`, "POST", {
          text: String(new FormData(form).get("text") ?? ""),
        });
        setError(err);
        if (!err) {
          form.reset();
          router.refresh();
        }
      }}
    >
      <label className="block text-sm font-medium">
        The players decide
        <textarea
          name="text"
          required
          rows={2}
          maxLength={2000}
          className="mt-1 w-full rounded border border-line bg-bg px-2 py-1 text-sm"
        />
      </label>
      <button type="submit" className="rounded bg-accent px-3 py-1 text-sm font-medium text-accent-ink">
        Record the decision
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
