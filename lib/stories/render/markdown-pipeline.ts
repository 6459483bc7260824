import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { remarkCitations } from "./remark-citations";

/**
 * The plugins every rendering of a story's Markdown uses, in the app and in every export: GitHub
 * Markdown (tables, lists), citations, and the sanitizer. Raw HTML in the text is never rendered
 * (remark-rehype drops it) and the sanitizer removes what else could run: `javascript:` links,
 * event handlers, unknown elements.
 */
export const REMARK_PLUGINS = [remarkGfm, remarkCitations];
export const REHYPE_PLUGINS = [rehypeSanitize];
