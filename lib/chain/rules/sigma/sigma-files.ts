import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The Sigma YAML files the arguments name: files as given, folders searched recursively for
 * .yml and .yaml (sorted, so a load is repeatable). A path that does not exist is an error that
 * names it, not a stack trace.
 */
export function sigmaFiles(args: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(p);
    }
  };
  for (const arg of args) {
    let isDir: boolean;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      throw new Error(`${arg}: no such file or folder`);
    }
    if (isDir) walk(arg);
    else out.push(arg);
  }
  return out;
}
