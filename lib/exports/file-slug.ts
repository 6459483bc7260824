/** An incident's title as the start of a download's file name: lower case, letters and digits, hyphens. */
export function fileSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "incident"
  );
}
