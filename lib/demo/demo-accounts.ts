import type { IncidentRole } from "@/lib/access/permissions";

/** The password every demo account gets unless DEMO_PASSWORD says otherwise (the demo listens on loopback). */
export const DEMO_PASSWORD_DEFAULT = "chainline-demo";

/** One demo account per role: the admin owns the demo incident; the others are members in their role. */
export const DEMO_ACCOUNTS: { email: string; name: string; role: IncidentRole | null; isAdmin?: boolean; note: string }[] = [
  { email: "admin@chainline.test", name: "Ada Admin", role: "owner", isAdmin: true, note: "instance admin; owner of the demo incident" },
  { email: "analyst@chainline.test", name: "Ann Analyst", role: "analyst", note: "imports, tags, edits the chain" },
  { email: "viewer@chainline.test", name: "Vic Viewer", role: "viewer", note: "reads everything" },
  { email: "executive@chainline.test", name: "Eve Executive", role: "executive", note: "overview and chain only" },
  { email: "instructor@chainline.test", name: "Ian Instructor", role: null, note: "sets training exercises (Training page)" },
  { email: "trainee@chainline.test", name: "Tia Trainee", role: null, note: "works the exercises set for her" },
  { email: "trainee2@chainline.test", name: "Tom Trainee", role: null, note: "a second trainee, with his own variant" },
];
