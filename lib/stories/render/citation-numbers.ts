import { citedIds } from "../story-markdown";

/** Each citation's number in the text: by first use, counting only citations the story holds. */
export function citationNumbers(body: string, known: { id: string }[]): Map<string, number> {
  const ids = new Set(known.map((c) => c.id));
  const numbers = new Map<string, number>();
  for (const id of citedIds(body)) if (ids.has(id)) numbers.set(id, numbers.size + 1);
  return numbers;
}
