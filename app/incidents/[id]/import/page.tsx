import type { Metadata } from "next";
import { ImportClient } from "@/components/imports/import-client";
import { getIncidentPageContext } from "@/lib/access/request-context";

export const metadata: Metadata = { title: "Import logs" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await getIncidentPageContext(id, "evidence.edit");
  return (
    <div className="space-y-3">
      <h2 className="text-lg font-semibold">Import logs</h2>
      <p className="text-sm text-muted">
        The format is detected from the content; check the preview, adjust the zone or field mapping if needed, then import. Every line is
        accounted for, and secrets are masked before anything is stored.
      </p>
      <ImportClient incidentId={id} />
    </div>
  );
}
