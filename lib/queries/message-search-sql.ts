// Postgres's text-search parser reads `<…>` as an HTML/XML tag and drops it, with what looks
// like its attributes: `<script>alert(1)</script>` indexed nothing findable, nor did an EVTX
// `<Data Name='TargetUserName'>`. Log text is not markup, so angle brackets are read as spaces,
// in the indexed document and in the query alike. The expression must match the GIN index's
// (migration 20261124050000_message_search) for the index to be used.

/** The full-text document of a message column, exactly as the events GIN index holds it. */
export function messageDocument(column: string): string {
  return `to_tsvector('simple', translate(${column}, '<>', '  '))`;
}

/** A condition: the message column matches a web-search style query (quotes, OR, -word). */
export function messageMatches(column: string, queryParam: string): string {
  return `${messageDocument(column)} @@ websearch_to_tsquery('simple', translate(${queryParam}, '<>', '  '))`;
}
