import type { Format } from "../formats/format";

/** Plaso, syslog, CloudTrail, Zeek, Suricata, token validation. */
export const OTHER_FORMATS: readonly Format[] = [];
