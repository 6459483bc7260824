import type { Format } from "../formats/format";

/** Windows event logs (XML, EvtxECmd, evtx_dump, Winlogbeat, Hayabusa). */
export const WINDOWS_FORMATS: readonly Format[] = [];
