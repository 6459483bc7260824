import type { Format } from "../formats/format";
import { hayabusaCsvFormat, hayabusaJsonFormat } from "./hayabusa";
import { evtxDumpFormat } from "./windows-evtx-dump";
import { evtxECmdCsvFormat, evtxECmdJsonFormat } from "./windows-evtxecmd";
import { windowsFlatJsonFormat, winlogbeatFormat } from "./windows-winlogbeat";
import { windowsXmlFormat } from "./windows-xml";

/**
 * Windows event logs (XML, EvtxECmd, evtx_dump, Winlogbeat, Hayabusa). Each detects on fields only
 * its tool writes, so ties are not expected; the order puts the most specific shapes first.
 */
export const WINDOWS_FORMATS: readonly Format[] = [
  windowsXmlFormat,
  evtxDumpFormat,
  evtxECmdJsonFormat,
  evtxECmdCsvFormat,
  hayabusaJsonFormat,
  hayabusaCsvFormat,
  winlogbeatFormat,
  windowsFlatJsonFormat,
];
