"use client";

import { useState } from "react";
import { fetchJson } from "@/components/ui/send-json";

/** Sends one task's answer and keeps what the form shows about it: saving, saved, or the error. */
export function useAnswer<T = Record<string, never>>(attemptId: string, taskId: string) {
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  async function save(body: unknown): Promise<T | null> {
    setState("saving");
    setError(null);
    const res = await fetchJson<T>(`/api/attempts/${attemptId}/answers/${encodeURIComponent(taskId)}`, "PUT", body);
    if ("error" in res) {
      setError(res.error);
      setState("idle");
      return null;
    }
    setState("saved");
    return res.data;
  }
  return { save, error, state };
}

/** "YYYY-MM-DDTHH:MM" from a datetime-local input, read as UTC. */
export function utcInput(value: string): string {
  return value ? `${value}:00Z` : "";
}

/** An ISO time as a datetime-local input's value, in UTC. */
export function inputOf(iso: unknown): string {
  return typeof iso === "string" ? iso.slice(0, 16) : "";
}
