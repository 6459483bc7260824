import { createCsvParser, csvHeader } from "../formats/csv";
import type { Format, Sample } from "../formats/format";
import { hayabusaDraft } from "./hayabusa-details";
import { createJsonObjectsParser, sampleObjects } from "./windows-json-objects";
import { leafPaths, withMapping } from "./windows-mapping";

// Hayabusa (Yamato Security) timelines: csv-timeline, and json-timeline (pretty printed, or one
// object a line with -L). Every profile writes Timestamp, Computer, Level and RuleTitle.

function hasHayabusaFields(keys: readonly string[]): boolean {
  const k = new Set(keys);
  return k.has("Timestamp") && k.has("RuleTitle") && k.has("Computer") && k.has("Level");
}

const objects = (sample: Sample) => sampleObjects(sample);

export const hayabusaCsvFormat: Format = {
  name: "hayabusa-csv",
  label: "Hayabusa CSV timeline",
  description:
    "hayabusa csv-timeline output (any profile): one rule hit a row; Details' “Key: value ¦ …” pairs give the account, IPs, process and file.",
  example:
    '"Timestamp","Computer","Channel","EventID","Level","RecordID","RuleTitle","Details","ExtraFieldInfo"\n"2023-05-15 03:12:44.123 +00:00","dc01.contoso.test","Sec",4625,"med",1200,"Failed Logon - Wrong Password","Type: 3 - NETWORK ¦ TgtUser: admin ¦ SrcComp: KALI ¦ SrcIP: 203.0.113.9 ¦ AuthPkg: NTLM","SubStatus: 0xc000006a"',
  detect: (sample) => (hasHayabusaFields(csvHeader(sample)) ? 95 : 0),
  createParser: createCsvParser,
  createMapper: (_sample, mapping) => withMapping(hayabusaDraft, mapping),
  sampleFields: csvHeader,
};

export const hayabusaJsonFormat: Format = {
  name: "hayabusa-json",
  label: "Hayabusa JSON / JSONL timeline",
  description: "hayabusa json-timeline output, pretty printed or one object a line (-L); Details and ExtraFieldInfo objects are read.",
  example:
    '{"Timestamp":"2023-05-15 03:12:44.123 +00:00","RuleTitle":"Failed Logon - Wrong Password","Level":"med","Computer":"dc01.contoso.test","Channel":"Sec","EventID":4625,"RecordID":1200,"Details":{"Type":"3 - NETWORK","TgtUser":"admin","SrcComp":"KALI","SrcIP":"203.0.113.9"},"ExtraFieldInfo":{"SubStatus":"0xc000006a"}}',
  detect(sample) {
    const first = objects(sample)[0];
    return first && hasHayabusaFields(Object.keys(first)) ? 95 : 0;
  },
  createParser: () => createJsonObjectsParser(),
  createMapper: (_sample, mapping) => withMapping(hayabusaDraft, mapping),
  sampleFields: (sample) => leafPaths(objects(sample)),
};
