import { z } from "zod";
import { ASSIGNABLE_ROLES } from "../permissions";

/** Add someone to an incident by email; without an account they are invited. */
export const ZAddMember = z.object({ email: z.email("enter an email address").trim().toLowerCase(), role: z.enum(ASSIGNABLE_ROLES) });
export type TAddMember = z.input<typeof ZAddMember>;

/** Change a member's role. */
export const ZChangeRole = z.object({ role: z.enum(ASSIGNABLE_ROLES) });
