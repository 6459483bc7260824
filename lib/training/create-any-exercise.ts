import type { Ctx } from "@/lib/context/ctx";
import { createScenarioExercise } from "./create-exercise";
import { createIncidentExercise } from "./create-incident-exercise";

/** An exercise from the request's body: from the incident it names, else from the scenario. */
export function createExercise(ctx: Ctx, body: unknown) {
  const fromIncident = typeof body === "object" && body !== null && "incidentId" in body && body.incidentId;
  return fromIncident
    ? createIncidentExercise(ctx, body as Parameters<typeof createIncidentExercise>[1])
    : createScenarioExercise(ctx, body as Parameters<typeof createScenarioExercise>[1]);
}
