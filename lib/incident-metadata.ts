import type { Metadata } from "next";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";

/** The incident's title for the signed-in member, or null (not signed in, not a member, no such incident). */
async function incidentTitle(id: string): Promise<string | null> {
  try {
    const { ctx } = await getIncidentPageContext(id, "incident.view");
    return (await getIncidentById(ctx, id))?.title ?? null;
  } catch {
    // The page itself answers a visitor who may not see it; the title stays generic.
    return null;
  }
}

/**
 * Titles of an incident's pages name the view and the incident ("Timeline · Storm-0558 ·
 * Chainline"), so a browser tab or a history entry says which incident it is. The layout's
 * template covers the pages below it; the overview, in the layout's own segment, names itself.
 */
export async function incidentTitleTemplate(id: string): Promise<Metadata> {
  const title = await incidentTitle(id);
  return title ? { title: { template: `%s · ${title} · Chainline`, default: `${title} · Chainline` } } : {};
}

export async function incidentViewTitle(id: string, view: string): Promise<Metadata> {
  const title = await incidentTitle(id);
  return { title: title ? { absolute: `${view} · ${title} · Chainline` } : view };
}
