import type { Metadata } from "next";
import { ActionItemsPanel } from "@/components/stories/action-items-panel";
import { getPageContext } from "@/lib/access/request-context";
import { listAllActionItems } from "@/lib/stories/action-items";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Action items" };

/** Action items across every incident whose stories the reader may read: open first, overdue flagged. */
export default async function ActionItemsPage() {
  const ctx = await getPageContext();
  const items = await listAllActionItems(ctx);
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Action items</h1>
      <p className="text-sm text-muted">From the post-mortems of every incident you can read. Change them on the incident's Story tab.</p>
      <ActionItemsPanel items={items} canEdit={false} showIncident showHeading={false} />
    </div>
  );
}
