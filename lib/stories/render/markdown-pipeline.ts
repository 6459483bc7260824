import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { remarkCitations } from "./remark-citations";

/**
 * GitHub's sanitizing schema without images: a story's pictures are its figures (frozen, drawn
 * from the evidence); an image the text points at would be fetched by every reader's browser (or
 * by the server, for a relative address such as an export).
 */
const STORY_SCHEMA = { ...defaultSchema, tagNames: (defaultSchema.tagNames ?? []).filter((t) => t !== "img") };

/**
 * The plugins every rendering of a story's Markdown uses, in the app and in every export: GitHub
 * Markdown (tables, lists), citations, and the sanitizer. Raw HTML in the text is never rendered
 * (remark-rehype drops it) and the sanitizer removes what else could run or load: `javascript:`
 * links, event handlers, images, unknown elements.
 */
export const REMARK_PLUGINS = [remarkGfm, remarkCitations];
export const REHYPE_PLUGINS: [typeof rehypeSanitize, typeof STORY_SCHEMA][] = [[rehypeSanitize, STORY_SCHEMA]];
