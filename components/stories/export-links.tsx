/** The version as a file: Markdown, standalone HTML, PDF on A4 or Letter, Word. */
export function ExportLinks({ url, version }: { url: string; version: number }) {
  const href = (format: string, paper?: string) => `${url}/export?format=${format}&version=${version}${paper ? `&paper=${paper}` : ""}`;
  const link = "text-accent underline";
  return (
    <p className="text-sm">
      Export:{" "}
      <a className={link} href={href("md")}>
        Markdown
      </a>{" "}
      ·{" "}
      <a className={link} href={href("html")}>
        HTML
      </a>{" "}
      ·{" "}
      <a className={link} href={href("pdf", "a4")}>
        PDF (A4)
      </a>{" "}
      ·{" "}
      <a className={link} href={href("pdf", "letter")}>
        PDF (Letter)
      </a>{" "}
      ·{" "}
      <a className={link} href={href("docx")}>
        Word
      </a>
    </p>
  );
}
