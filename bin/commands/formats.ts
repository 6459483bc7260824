import { listFormats } from "@/lib/queries/list-formats";
import type { Command } from "../command";

export const formatsCommand: Command = {
  path: ["formats"],
  summary: "List the formats the importer reads, with an example of each",
  options: { json: { type: "boolean", description: "print JSON" } },
  async run({ values }) {
    const formats = listFormats();
    if (values.json) {
      console.log(JSON.stringify(formats, null, 2));
      return 0;
    }
    for (const f of formats) {
      const example = f.example
        .split("\n")
        .map((l) => `    ${l}`)
        .join("\n");
      console.log(`${f.name} — ${f.label}\n  ${f.description}\n  example:\n${example}\n`);
    }
    console.log("Detection: the most specific match wins; ties go to the format listed first. --format forces one.");
    return 0;
  },
};
