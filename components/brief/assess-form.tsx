"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { sendJson } from "@/components/ui/send-json";
import type { BriefAssessment } from "@/lib/brief/brief-assessment";
import { FUNCTIONAL_IMPACT, INFORMATION_IMPACT, PRIORITIES, RECOVERABILITY } from "@/lib/brief/cisa-scale";

const FIELD = "mt-0.5 w-full rounded border border-line bg-bg px-2 py-1 text-sm";

function Choice({ name, label, options, value }: { name: string; label: string; options: Record<string, string>; value: string | null }) {
  return (
    <label className="block text-sm">
      {label}
      <select name={name} defaultValue={value ?? ""} className={FIELD}>
        <option value="">not assessed</option>
        {Object.entries(options).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * An analyst's judgement for the brief: priority and impact on CISA's scales, the sentences in
 * their own words (empty keeps the draft), decisions needed, and the date it takes effect from
 * (the brief as of an earlier date keeps showing what was judged then).
 */
export function AssessForm({ incidentId, current, drafted }: { incidentId: string; current: BriefAssessment | null; drafted: string[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function save(form: FormData) {
    const value = (k: string) => String(form.get(k) ?? "") || null;
    const decisions = String(form.get("decisions") ?? "")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [text, owner] = l.split(" — ");
        return { text: text ?? l, owner: owner ?? "" };
      });
    const e = await sendJson(`/api/incidents/${incidentId}/brief`, "POST", {
      effectiveAt: value("effectiveAt") ?? undefined,
      priority: value("priority"),
      functionalImpact: value("functionalImpact"),
      informationImpact: value("informationImpact"),
      recoverability: value("recoverability"),
      summary: String(form.get("summary") ?? ""),
      decisions,
    });
    setError(e);
    if (!e) router.refresh();
  }
  return (
    <details className="no-print rounded border border-line bg-panel p-3">
      <summary className="cursor-pointer text-sm font-medium">Assess (priority, impact, wording, decisions)</summary>
      <form action={save} className="mt-2 grid gap-3 md:grid-cols-2" aria-label="Assess the brief">
        <Choice
          name="priority"
          label="Priority (CISA)"
          options={Object.fromEntries(Object.entries(PRIORITIES).map(([k, p]) => [k, `${p.label} (level ${p.level})`]))}
          value={current?.priority ?? null}
        />
        <label className="block text-sm">
          In effect from (empty: now)
          <input name="effectiveAt" type="date" className={FIELD} />
        </label>
        <Choice name="functionalImpact" label="Functional impact" options={FUNCTIONAL_IMPACT} value={current?.functionalImpact ?? null} />
        <Choice
          name="informationImpact"
          label="Information impact"
          options={INFORMATION_IMPACT}
          value={current?.informationImpact ?? null}
        />
        <Choice name="recoverability" label="Recoverability" options={RECOVERABILITY} value={current?.recoverability ?? null} />
        <label className="block text-sm md:col-span-2">
          The sentences, one a line (empty keeps those drafted from the evidence)
          <textarea name="summary" rows={4} defaultValue={current?.summary ?? ""} placeholder={drafted.join("\n")} className={FIELD} />
        </label>
        <label className="block text-sm md:col-span-2">
          Decisions needed, one a line ("question — owner")
          <textarea
            name="decisions"
            rows={3}
            defaultValue={(current?.decisions ?? []).map((d) => `${d.text}${d.owner ? ` — ${d.owner}` : ""}`).join("\n")}
            className={FIELD}
          />
        </label>
        <div className="md:col-span-2">
          <ErrorLine error={error} />
          <button type="submit" className="rounded bg-accent px-3 py-1 text-sm text-accent-ink">
            Save assessment
          </button>
        </div>
      </form>
    </details>
  );
}
