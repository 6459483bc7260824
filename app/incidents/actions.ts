"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getRequestContext } from "@/lib/access/request-context";
import { createIncident } from "@/lib/actions/create-incident";
import { ZCreateIncidentSchema } from "@/lib/schemas/incident";

/** What the new-incident form shows after a submit. */
export type CreateIncidentState = {
  fieldErrors?: Partial<Record<"title" | "summary" | "timeZone" | "stageSet", string>>;
  created?: { id: string; title: string };
};

export async function createIncidentAction(_prev: CreateIncidentState, form: FormData): Promise<CreateIncidentState> {
  const parsed = ZCreateIncidentSchema.safeParse({
    title: form.get("title") ?? "",
    summary: form.get("summary") ?? "",
    timeZone: form.get("timeZone") || undefined,
    stageSet: form.get("stageSet") || undefined,
  });
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
    return { fieldErrors: Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, v?.[0]])) };
  }
  const incident = await createIncident(await getRequestContext(), parsed.data);
  revalidatePath("/incidents");
  return { created: { id: incident.id, title: incident.title } };
}
