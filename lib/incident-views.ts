import type { Permission } from "@/lib/access/permissions";

/**
 * The tabs of an incident page, in order, with the permission each needs (a tab the role lacks is
 * not shown, and its page is a 404). `also` are other pages a tab stands for.
 */
export const INCIDENT_VIEWS = [
  { slug: "", label: "Overview", permission: "incident.view" },
  { slug: "brief", label: "Brief", permission: "chain.view" },
  { slug: "timeline", label: "Timeline", permission: "evidence.view" },
  { slug: "chain", label: "Chain", permission: "chain.view" },
  { slug: "events", label: "Events", permission: "evidence.view" },
  { slug: "entities", label: "Entities", permission: "evidence.view" },
  { slug: "sources", label: "Sources", permission: "evidence.view", also: ["import"] },
  { slug: "story", label: "Story", permission: "chain.view" },
  { slug: "replay", label: "Replay", permission: "chain.view" },
  { slug: "members", label: "Members", permission: "members.manage" },
  { slug: "audit", label: "Audit", permission: "evidence.view" },
] as const satisfies readonly { slug: string; label: string; permission: Permission; also?: readonly string[] }[];
