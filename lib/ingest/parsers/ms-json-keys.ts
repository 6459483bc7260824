/**
 * The keys of the objects found at `depth` (1 = top-level objects, 2 = objects in a top-level
 * array, 3 = in `{"value":[…]}`), read from text that may stop anywhere: a portal download is
 * pretty-printed, so its first record alone can be longer than the 64-line sample, and
 * JSON.parse would see nothing.
 */
export function keysAtDepth(text: string, depth: number): string[] {
  const keys = new Set<string>();
  const n = text.length;
  let level = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      if (j >= n) break;
      if (level === depth) {
        let k = j + 1;
        while (k < n && /\s/.test(text.charAt(k))) k++;
        if (text.charCodeAt(k) === 0x3a) keys.add(jsonString(text.slice(i + 1, j)));
      }
      i = j + 1;
      continue;
    }
    if (c === 0x7b || c === 0x5b) level++;
    else if (c === 0x7d || c === 0x5d) level--;
    i++;
  }
  return [...keys];
}

function jsonString(raw: string): string {
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
