"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { sendJson } from "@/components/ui/send-json";
import { ACTION_KINDS, ACTION_STATUSES } from "@/lib/stories/action-item-kinds";
import type { ActionItemView } from "@/lib/stories/action-items";

const FIELD = "rounded border border-line bg-bg px-2 py-1 text-sm";

/**
 * Action items: what will be done so it does not happen again, each with a type, an owner, a due
 * date, a status and a ticket. Open first, overdue flagged. Across incidents (showIncident) they
 * are read-only here and changed on their incident's Story tab.
 */
export function ActionItemsPanel({
  items,
  incidentId,
  canEdit,
  showIncident = false,
  showHeading = true,
  stories = [],
}: {
  items: ActionItemView[];
  incidentId?: string;
  canEdit: boolean;
  showIncident?: boolean;
  /** False where the page's own heading already says "Action items". */
  showHeading?: boolean;
  /** The incident's stories, for tying a new item to the one that proposed it. */
  stories?: { id: string; title: string }[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const patch = async (id: string, change: object) => {
    const e = await sendJson(`/api/incidents/${incidentId}/action-items/${id}`, "PATCH", change);
    setError(e);
    if (!e) router.refresh();
  };
  async function add(form: FormData) {
    const e = await sendJson(`/api/incidents/${incidentId}/action-items`, "POST", {
      title: String(form.get("title") ?? ""),
      kind: String(form.get("kind") ?? "prevent"),
      owner: String(form.get("owner") ?? ""),
      dueOn: String(form.get("dueOn") ?? "") || null,
      ticketUrl: String(form.get("ticketUrl") ?? "") || null,
      storyId: String(form.get("storyId") ?? "") || null,
    });
    setError(e);
    if (!e) router.refresh();
  }
  return (
    <section aria-labelledby="action-items-heading" className="space-y-2">
      <h3 id="action-items-heading" className={showHeading ? "font-semibold" : "sr-only"}>
        Action items
      </h3>
      {items.length === 0 ? (
        <p className="text-sm text-muted">None yet.</p>
      ) : (
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-line text-left text-xs text-muted">
              {showIncident && <th className="py-1 pr-3">Incident</th>}
              <th className="py-1 pr-3">Action</th>
              <th className="py-1 pr-3">Type</th>
              <th className="py-1 pr-3">Owner</th>
              <th className="py-1 pr-3">Due</th>
              <th className="py-1 pr-3">Status</th>
              <th className="py-1">Ticket</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} className="border-b border-line align-top">
                {showIncident && (
                  <td className="py-1.5 pr-3">
                    <Link className="text-accent underline" href={`/incidents/${a.incidentId}/story`}>
                      {a.incidentTitle}
                    </Link>
                  </td>
                )}
                <td className="py-1.5 pr-3">
                  {a.title}
                  {a.storyId && a.storyTitle && (
                    <span className="block text-xs text-muted">
                      from{" "}
                      <Link className="underline" href={`/incidents/${a.incidentId}/story/${a.storyId}`}>
                        {a.storyTitle}
                      </Link>
                    </span>
                  )}
                </td>
                <td className="py-1.5 pr-3">{a.kind}</td>
                <td className="py-1.5 pr-3">
                  {canEdit ? (
                    <input
                      aria-label={`Owner of ${a.title}`}
                      defaultValue={a.owner}
                      className={FIELD}
                      onBlur={(e) => e.target.value !== a.owner && patch(a.id, { owner: e.target.value })}
                    />
                  ) : (
                    a.owner || <span className="text-danger">no owner</span>
                  )}
                </td>
                <td className="py-1.5 pr-3">
                  {a.dueOn ?? "—"}
                  {a.overdue && <span className="ml-1 rounded bg-danger px-1 text-xs text-white">overdue</span>}
                </td>
                <td className="py-1.5 pr-3">
                  {canEdit ? (
                    <select
                      aria-label={`Status of ${a.title}`}
                      value={a.status}
                      className={FIELD}
                      onChange={(e) => patch(a.id, { status: e.target.value })}
                    >
                      {ACTION_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {s.replace("_", " ")}
                        </option>
                      ))}
                    </select>
                  ) : (
                    a.status.replace("_", " ")
                  )}
                </td>
                <td className="py-1.5">
                  {a.ticketUrl ? (
                    <a className="text-accent underline" href={a.ticketUrl} rel="noreferrer noopener">
                      ticket
                    </a>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && incidentId && (
        <form action={add} className="flex flex-wrap items-end gap-2 text-sm" aria-label="Add an action item">
          <input name="title" required placeholder="Action" aria-label="Action" className={`${FIELD} min-w-64 flex-1`} />
          <select name="kind" aria-label="Type" className={FIELD}>
            {ACTION_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
          <input name="owner" placeholder="Owner" aria-label="Owner" className={FIELD} />
          <input name="dueOn" type="date" aria-label="Due" className={FIELD} />
          <input name="ticketUrl" type="url" placeholder="https://ticket" aria-label="Ticket link" className={FIELD} />
          {stories.length > 0 && (
            <select name="storyId" aria-label="Proposed by" className={FIELD} defaultValue="">
              <option value="">no story</option>
              {stories.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          )}
          <button type="submit" className="rounded border border-line px-3 py-1">
            Add
          </button>
        </form>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
