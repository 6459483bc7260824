import type { Format } from "../formats/format";

/** Microsoft 365 audit, Entra ID sign-in and audit logs. */
export const MICROSOFT_CLOUD_FORMATS: readonly Format[] = [];
