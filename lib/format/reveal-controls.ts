// Log text is attacker-controlled, and invisible formatting characters make it lie on screen:
// a right-to-left override shows "evil\u202Eexe.txt" as "eviltxt.exe" (the "Trojan Source"
// trick), zero-width characters make two different names look equal. Shown, they become a
// visible ⟨U+XXXX⟩; stored, they stay as they were (raw is evidence).

// Bidi embeddings, overrides, isolates and marks; zero-width spaces and joiners; word joiner
// and invisible operators; the byte-order mark; the Arabic letter mark.
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The text with each invisible formatting character written out as ⟨U+XXXX⟩ (no text, as is). */
export function revealControls<T extends string | null | undefined>(text: T): T {
  if (typeof text !== "string") return text;
  return text.replace(INVISIBLE, (c) => `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}⟩`) as T;
}
