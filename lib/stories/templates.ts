/**
 * Story templates: typed sections with help text. A section's heading is a Markdown `##` line;
 * its help is an HTML comment under it, which the preview and every export leave out. The draft
 * from the evidence (draft-from-evidence.ts) fills the sections whose `fill` it knows.
 */

export const AUDIENCES = {
  postmortem: "Post-mortem",
  lessons: "Lessons learned",
  notice: "Customer or regulator notice",
  update: "Internal update",
} as const;
export type Audience = keyof typeof AUDIENCES;

/** What the draft from the evidence can write into a section. */
export type SectionFill = "summary" | "impact" | "timeline" | "unknowns" | "detection" | "response" | "sources" | "actions";

export type TemplateSection = { key: string; heading: string; help: string; fill?: SectionFill };
export type StoryTemplate = { key: string; name: string; audience: Audience; sections: TemplateSection[] };

const s = (key: string, heading: string, help: string, fill?: SectionFill): TemplateSection => ({ key, heading, help, fill });

export const TEMPLATES: readonly StoryTemplate[] = [
  {
    key: "postmortem",
    name: "Post-mortem",
    audience: "postmortem",
    sections: [
      s("summary", "Summary", "What happened, in three or four plain sentences a newcomer understands.", "summary"),
      s("impact", "Impact", "Who and what was affected, how many, for how long. Counts, not adjectives.", "impact"),
      s("timeline", "Timeline", "The chain of events, each row cited to its evidence. Times in the incident's zone.", "timeline"),
      s(
        "root-cause",
        "Root cause and trigger",
        "The conditions that made it possible, and what set it off. Say how sure you are, and why.",
      ),
      s("contributing", "Contributing factors", "A list, not one cause: each factor that made it likelier, worse or slower to find."),
      s("detection", "Detection", "How and when it was noticed, by whom or what, and how long after it began.", "detection"),
      s("response", "Response and recovery", "What was done to contain, eradicate and recover, and when.", "response"),
      s("went-well", "What went well", "Practices and tools that helped."),
      s("went-wrong", "What went wrong", "Where process, tooling or communication failed."),
      s("lucky", "Where we got lucky", "What limited the damage that we cannot count on next time."),
      s(
        "unknowns",
        "Unknowns and evidence gaps",
        "What the evidence cannot say: gaps, inferred steps, open hypotheses, with their confidence and how it changed.",
        "unknowns",
      ),
      s("actions", "Action items", "Each with a type (prevent, mitigate, detect, process), an owner and a due date.", "actions"),
      s("appendix", "Appendix: evidence and sources", "Every source with its sha256 and the time it covers.", "sources"),
    ],
  },
  {
    key: "review-board",
    name: "Review-board report",
    audience: "postmortem",
    sections: [
      s("summary", "Summary", "The incident and the board's conclusion in one paragraph.", "summary"),
      s("timeline", "Timeline", "The chain of events, cited.", "timeline"),
      s("findings", "Findings", "Numbered findings, each with the evidence it rests on and how sure the board is."),
      s("recommendations", "Recommendations", "Numbered, each tied to the findings it answers.", "actions"),
      s("unknowns", "What remains unknown", "What the evidence could not establish.", "unknowns"),
      s("appendix", "Appendix: evidence and sources", "Sources with sha256.", "sources"),
    ],
  },
  {
    key: "customer-notice",
    name: "Customer notice",
    audience: "notice",
    sections: [
      s("what-happened", "What happened", "Plain words; no internal names.", "summary"),
      s("what-information", "What information was involved", "The data affected, by kind and count.", "impact"),
      s("what-we-are-doing", "What we are doing", "Containment and remediation done and planned.", "response"),
      s("what-you-can-do", "What you can do", "Concrete steps for the reader."),
      s("contact", "For more information", "Who to contact, and how."),
    ],
  },
  {
    key: "lessons",
    name: "Lessons learned",
    audience: "lessons",
    sections: [
      s("summary", "What happened", "Briefly, for people who were not there.", "summary"),
      s("lessons", "Lessons", "Each lesson, what it changes, and who owns that change."),
      s("unknowns", "Open questions", "What we still do not know.", "unknowns"),
      s("actions", "Action items", "Owned and dated.", "actions"),
    ],
  },
  { key: "blank", name: "Blank", audience: "update", sections: [] },
];

export function templateByKey(key: string): StoryTemplate | undefined {
  return TEMPLATES.find((t) => t.key === key);
}

/** A template's sections as Markdown, each heading with its help as a comment, ready to write in. */
export function templateBody(template: StoryTemplate): string {
  return template.sections.map((x) => `## ${x.heading}\n\n<!-- ${x.help} -->\n\n`).join("");
}
