import { formatDateTime } from "@/lib/format/format-time";
import type { ChainStepView } from "@/lib/queries/get-chain";

/** When a step happened, as exactly as the evidence allows, and no more. */
export function stepWhen(step: Pick<ChainStepView, "startAt" | "endAt" | "timePrecision">, timeZone: string): string {
  const f = (iso: string | null) => (iso ? formatDateTime(new Date(iso), timeZone) : null);
  const start = f(step.startAt);
  const end = f(step.endAt);
  if (step.timePrecision === "unknown") {
    if (start && end) return `some time between ${start} and ${end}`;
    if (end) return `before ${end}`;
    if (start) return `after ${start}`;
    return "unknown";
  }
  if (start && end && start !== end) return `${start} → ${end}`;
  return start ?? end ?? "unknown";
}
