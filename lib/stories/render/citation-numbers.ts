import { citedIds } from "../story-markdown";

/**
 * Each citation's number in the text, by first use, counting only citations the story holds:
 * figures in their own sequence (Figure 1, 2 …), every other citation in the notes' ([1], [2] …),
 * the same in the app and in every export.
 */
export function citationNumbers(body: string, known: { id: string; kind: string }[]): Map<string, number> {
  const kinds = new Map(known.map((c) => [c.id, c.kind]));
  const numbers = new Map<string, number>();
  let notes = 0;
  let figures = 0;
  for (const id of citedIds(body)) {
    const kind = kinds.get(id);
    if (kind === undefined) continue;
    numbers.set(id, kind === "figure" ? ++figures : ++notes);
  }
  return numbers;
}
