"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { fetchJson } from "@/components/ui/send-json";
import { CHECKLIST, type ChecklistKey } from "@/lib/stories/review-checklist";
import { flushDrafts } from "./use-autosave";

type Status = "draft" | "in_review" | "approved" | "published";
const STATUS_LABEL: Record<Status, string> = { draft: "Draft", in_review: "In review", approved: "Approved", published: "Published" };

/**
 * Where the version stands in review and the steps the reader may take: send for review; approve
 * against the checklist (a reviewer who is not the author); publish; return to draft; start the
 * next version of a published story. The server decides who may; the buttons only offer.
 */
export function ReviewBar({
  url,
  storyUrl,
  status,
  isLatest,
  canEdit,
  canReview,
  isAuthor,
}: {
  url: string;
  storyUrl: string;
  status: Status;
  isLatest: boolean;
  canEdit: boolean;
  canReview: boolean;
  isAuthor: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Record<ChecklistKey, boolean>>(
    Object.fromEntries(Object.keys(CHECKLIST).map((k) => [k, false])) as Record<ChecklistKey, boolean>,
  );
  async function step(action: string, extra: object = {}) {
    setError(null);
    // What was typed in the last second goes with the version, or the step waits.
    if (!(await flushDrafts())) return setError("the text is not saved yet: merge or fix it first (see above)");
    const r = await fetchJson<{ versionId: string; number?: number }>(`${url}/review`, "POST", { action, ...extra });
    if ("error" in r) return setError(r.error);
    if (r.data.number) router.push(`${storyUrl}?version=${r.data.number}`);
    router.refresh();
  }
  const button = "rounded px-3 py-1 text-sm";
  return (
    <section aria-label="Review" className="space-y-2 rounded border border-line bg-panel p-3">
      <p className="text-sm">
        Status: <strong data-testid="story-status">{STATUS_LABEL[status]}</strong>
        {status === "published" && " — this version never changes; editing starts a new version."}
      </p>
      {isLatest && (
        <div className="flex flex-wrap items-start gap-2">
          {status === "draft" && canEdit && (
            <button type="button" className={`${button} bg-accent text-accent-ink`} onClick={() => step("submit")}>
              Send for review
            </button>
          )}
          {status === "in_review" && canReview && !isAuthor && (
            <fieldset className="space-y-1 text-sm">
              <legend className="font-medium">Before approving, confirm:</legend>
              {(Object.keys(CHECKLIST) as ChecklistKey[]).map((k) => (
                <label key={k} className="flex items-center gap-2">
                  <input type="checkbox" checked={checked[k]} onChange={(e) => setChecked((c) => ({ ...c, [k]: e.target.checked }))} />
                  {CHECKLIST[k]}
                </label>
              ))}
              <button
                type="button"
                className={`${button} mt-1 bg-accent text-accent-ink`}
                onClick={() => step("approve", { checklist: checked })}
              >
                Approve
              </button>
            </fieldset>
          )}
          {status === "in_review" && isAuthor && <p className="text-sm text-muted">Waiting for a reviewer who is not the author.</p>}
          {status === "approved" && canReview && (
            <button type="button" className={`${button} bg-accent text-accent-ink`} onClick={() => step("publish")}>
              Publish
            </button>
          )}
          {(status === "in_review" || status === "approved") && canEdit && (
            <button type="button" className={`${button} border border-line`} onClick={() => step("return")}>
              Return to draft
            </button>
          )}
          {status === "published" && canEdit && (
            <button type="button" className={`${button} border border-line`} onClick={() => step("next-version")}>
              Start a new version
            </button>
          )}
        </div>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
