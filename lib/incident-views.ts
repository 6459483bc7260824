/** The tabs of an incident page, in order. `planned` views are not built yet; `also` are other pages a tab stands for. */
export const INCIDENT_VIEWS = [
  { slug: "", label: "Overview" },
  { slug: "timeline", label: "Timeline" },
  { slug: "chain", label: "Chain" },
  { slug: "events", label: "Events" },
  { slug: "entities", label: "Entities" },
  { slug: "sources", label: "Sources", also: ["import"] },
  { slug: "story", label: "Story", planned: "Post-mortem and executive brief, citing events." },
  { slug: "audit", label: "Audit" },
] as const satisfies readonly { slug: string; label: string; planned?: string; also?: readonly string[] }[];
