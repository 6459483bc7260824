/**
 * Who may do what on an incident: the one table every door (pages, server actions, route
 * handlers, CLI) consults through authorize(). Pure, so it is tested as a table.
 */

/**
 * A member's role on one incident. instructor and trainee belong to training exercises: the
 * instructor and a trainee are members of each trainee's workspace incident.
 */
export const INCIDENT_ROLES = ["owner", "analyst", "viewer", "executive", "instructor", "trainee"] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

/** Roles an owner can give on the Members page (the exercise roles are given by exercises). */
export const ASSIGNABLE_ROLES = ["owner", "analyst", "viewer", "executive"] as const satisfies readonly IncidentRole[];

/**
 * What a request needs. `*.view` permissions decide visibility: lacking one is a 404, as if the
 * thing did not exist. The others are actions on something visible: lacking one is a 403.
 */
export const PERMISSIONS = {
  /** The incident's overview (title, summary, counts, chain strip). */
  "incident.view": ["owner", "analyst", "viewer", "executive", "instructor", "trainee"],
  /** The chain, its steps, hypotheses and gaps; the brief and published stories. */
  "chain.view": ["owner", "analyst", "viewer", "executive", "instructor"],
  /**
   * Raw evidence: events, timeline, entities, sources and their rejected lines, the audit trail.
   * A trainee sees their workspace's evidence, which holds no answers (no rules were run on it).
   */
  "evidence.view": ["owner", "analyst", "viewer", "instructor", "trainee"],
  /** The rules and what they matched: a trainee would read the answers off them. */
  "rules.view": ["owner", "analyst", "viewer", "instructor"],
  /** Tag, star, comment and set stages by hand: the trainee's own work in their workspace. */
  "evidence.annotate": ["owner", "analyst", "instructor", "trainee"],
  /** Import, edit the chain, stages, gaps, hypotheses, run rules. */
  "evidence.edit": ["owner", "analyst", "instructor"],
  /** Stories in every version and state (drafts, reviews); executives see published versions through chain.view. */
  "stories.view": ["owner", "analyst", "viewer", "instructor"],
  /** Write stories, cite evidence, manage action items, send for review. */
  "stories.edit": ["owner", "analyst"],
  /** Approve (never one's own) and publish. */
  "stories.review": ["owner", "analyst"],
  /** The Members page: add, change, remove, invite. */
  "members.manage": ["owner"],
  /** Rename, settings, delete. */
  "incident.manage": ["owner"],
} as const satisfies Record<string, readonly IncidentRole[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Whether a role grants a permission. */
export function roleAllows(role: IncidentRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly IncidentRole[]).includes(role);
}

/** Whether lacking this permission hides the thing (404) rather than refusing the action (403). */
export function isVisibility(permission: Permission): boolean {
  return permission.endsWith(".view");
}

/** Whether the permission changes something (refused to read-only tokens). */
export function isWrite(permission: Permission): boolean {
  return !isVisibility(permission);
}
