import { FORMATS } from "@/lib/ingest/formats/registry";
import type { Command } from "../command";

export const formatsCommand: Command = {
  path: ["formats"],
  summary: "List the formats the importer reads, with an example of each",
  options: { json: { type: "boolean", description: "print JSON" } },
  async run({ values }) {
    if (values.json) {
      console.log(
        JSON.stringify(
          FORMATS.map(({ name, label, description, example }) => ({ name, label, description, example })),
          null,
          2,
        ),
      );
      return 0;
    }
    for (const f of FORMATS) {
      console.log(
        `${f.name} — ${f.label}\n  ${f.description}\n  example:\n${f.example
          .split("\n")
          .map((l) => `    ${l}`)
          .join("\n")}\n`,
      );
    }
    console.log("Detection order: the most specific match wins; ties go to the format listed first.");
    return 0;
  },
};
