import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * Every page and route handler under app/ as its URL pattern, with the methods each handler
 * exports: what the access tests walk, so a new route is covered (or fails them) without anyone
 * listing it by hand.
 */
export function routeTree(dir = path.join(process.cwd(), "app"), prefix = ""): { pages: string[]; handlers: Record<string, string[]> } {
  const pages: string[] = [];
  const handlers: Record<string, string[]> = {};
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      // Route groups, (name), add no segment.
      const sub = routeTree(full, prefix + (name.startsWith("(") ? "" : `/${name}`));
      pages.push(...sub.pages);
      Object.assign(handlers, sub.handlers);
    } else if (name === "page.tsx") pages.push(prefix || "/");
    else if (name === "route.ts") {
      const src = readFileSync(full, "utf8");
      handlers[prefix] = METHODS.filter((m) => new RegExp(`export (async function|const) ${m}\\b`).test(src));
    }
  }
  return { pages, handlers };
}
