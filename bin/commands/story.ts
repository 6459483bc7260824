import { writeFileSync } from "node:fs";
import { storyToMarkdown } from "@/lib/stories/export-markdown";
import { exportStory, paperOf, storyFormat } from "@/lib/stories/export-story";
import { getStory, listStories } from "@/lib/stories/get-story";
import { cliContext } from "../cli-context";
import { asUsage, type Command, UsageError, wholeNumber } from "../command";
import { printTable } from "../print-table";

const need = (v: unknown, flag: string): string => {
  if (typeof v !== "string" || v === "") throw new UsageError(`--${flag} is required`);
  return v;
};

export const storyList: Command = {
  path: ["story", "list"],
  summary: "List an incident's stories (post-mortems, notices, updates) with where each stands in review",
  options: { incident: { type: "string", description: "incident id (required)" }, json: { type: "boolean", description: "print JSON" } },
  async run({ values }) {
    const stories = await listStories(await cliContext(), need(values.incident, "incident"));
    if (values.json) console.log(JSON.stringify(stories, null, 2));
    else
      printTable(
        ["ID", "TITLE", "AUDIENCE", "VERSION", "STATUS", "AUTHOR", "UPDATED"],
        stories.map((s) => [
          s.id,
          s.title,
          s.audience,
          String(s.version),
          s.status,
          s.author,
          new Date(s.updatedAt).toISOString().slice(0, 19),
        ]),
      );
    return 0;
  },
};

export const storyShow: Command = {
  path: ["story", "show"],
  summary: "Print a story as Markdown (citations as footnotes, frozen as cited), or as JSON with its history",
  options: {
    story: { type: "string", description: "story id (required)" },
    version: { type: "string", description: "version number (default: the newest you may read)" },
    json: { type: "boolean", description: "print JSON (versions, citations and what changed since each was cited)" },
  },
  async run({ values }) {
    const story = await getStory(await cliContext(), need(values.story, "story"), wholeNumber("version", values.version));
    if (values.json) console.log(JSON.stringify(story, null, 2));
    else process.stdout.write(storyToMarkdown(story));
    return 0;
  },
};

export const storyExport: Command = {
  path: ["story", "export"],
  summary: "Write a story to a file: Markdown, standalone HTML, PDF (printed by Chromium) or DOCX",
  options: {
    story: { type: "string", description: "story id (required)" },
    format: { type: "string", description: "md | html | pdf | docx (default md)" },
    version: { type: "string", description: "version number (default: the newest you may read)" },
    paper: { type: "string", description: "a4 | letter, for PDF (default a4)" },
    out: { type: "string", description: "file to write (default: named after the title and version)" },
  },
  async run({ values }) {
    const [format, paper] = asUsage(() => [
      storyFormat((values.format as string | undefined) ?? null),
      paperOf((values.paper as string | undefined) ?? null),
    ]);
    const story = await getStory(await cliContext(), need(values.story, "story"), wholeNumber("version", values.version));
    const file = await exportStory(story, format, { paper });
    const out = typeof values.out === "string" ? values.out : file.filename;
    writeFileSync(out, file.body);
    console.log(`${out}: ${file.body.length.toLocaleString("en")} bytes (${format}${format === "pdf" ? `, ${paper}` : ""})`);
    return 0;
  },
};
