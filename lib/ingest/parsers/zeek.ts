import { type Format, isObject, type Sample, tryJson, wholeLines } from "../formats/format";
import { createJsonLinesParser, isJsonLines, jsonLinesKeys } from "../formats/jsonl";
import { mapZeek } from "./zeek-mapper";
import { createZeekTsvParser, zeekHeader } from "./zeek-tsv";

const isTsv = (sample: Sample): boolean => (sample.lines.find((l) => l.trim() !== "") ?? "").startsWith("#separator ");

// Zeek's JSON writer: ts plus the connection's uid or 5-tuple, or the log's _path.
function isZeekJson(o: Record<string, unknown>): boolean {
  return "ts" in o && ("uid" in o || "id.orig_h" in o || "_path" in o || "fuid" in o);
}

function zeekScore(sample: Sample): number {
  if (isTsv(sample)) return zeekHeader(sample.lines).fields.length > 0 ? 100 : 90;
  if (!isJsonLines(sample)) return 0;
  const first = wholeLines(sample).map(tryJson).find(isObject);
  return first && isZeekJson(first) ? 90 : 0;
}

function sampleFields(sample: Sample): string[] {
  if (!isTsv(sample)) return jsonLinesKeys(sample);
  const h = zeekHeader(sample.lines);
  return h.path === undefined ? h.fields : [...h.fields, "_path"];
}

export const zeekFormat: Format = {
  name: "zeek",
  label: "Zeek logs (TSV or JSON)",
  description:
    "Zeek ASCII logs (#separator, #fields, #path header; '-' unset, '(empty)' sets; values kept as written, the path added as _path) and Zeek JSON (ts as epoch or ISO). ts keeps its microseconds; uid + ts + path is the record's id.",
  example:
    "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tconn_state\n#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tstring\n1684120364.123456\tCwX1a23bC4dE5fG6h7\t203.0.113.5\t52144\t198.51.100.7\t443\ttcp\tssl\tSF",
  detect: zeekScore,
  createParser: (sample) => (isTsv(sample) ? createZeekTsvParser() : createJsonLinesParser()),
  createMapper: () => mapZeek,
  sampleFields,
};
