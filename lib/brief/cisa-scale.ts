/**
 * CISA's National Cyber Incident Scoring System: the priority levels with their colours, and the
 * three impact axes of its incident notification guidelines, as the brief names them.
 */
export const PRIORITIES = {
  emergency: { level: 5, label: "Emergency", colour: "#000000", ink: "#ffffff" },
  severe: { level: 4, label: "Severe", colour: "#c8102e", ink: "#ffffff" },
  high: { level: 3, label: "High", colour: "#f28c28", ink: "#000000" },
  medium: { level: 2, label: "Medium", colour: "#f6d43c", ink: "#000000" },
  low: { level: 1, label: "Low", colour: "#3a9d23", ink: "#ffffff" },
  baseline: { level: 0, label: "Baseline", colour: "#ffffff", ink: "#000000" },
} as const;
export type Priority = keyof typeof PRIORITIES;

export const FUNCTIONAL_IMPACT = {
  none: "No impact",
  no_service_impact: "No impact to services",
  minimal_non_critical: "Minimal impact to non-critical services",
  minimal_critical: "Minimal impact to critical services",
  significant_non_critical: "Significant impact to non-critical services",
  denial_non_critical: "Denial of non-critical services",
  significant_critical: "Significant impact to critical services",
  denial_critical: "Denial of critical services / loss of control",
} as const;

export const INFORMATION_IMPACT = {
  none: "No impact",
  suspected: "Suspected but not identified",
  privacy: "Privacy data breach",
  proprietary: "Proprietary information breach",
  destruction_non_critical: "Destruction of non-critical systems",
  critical_systems: "Critical systems data breach",
  core_credentials: "Core credential compromise",
  destruction_critical: "Destruction of critical system",
} as const;

export const RECOVERABILITY = {
  regular: "Regular: recovery with existing resources",
  supplemented: "Supplemented: more resources needed",
  extended: "Extended: outside help needed",
  not_recoverable: "Not recoverable",
} as const;
