/** The standalone export's style: readable on screen, sharp on paper (A4 and Letter), no web fonts. */
export const STORY_PRINT_CSS = `
:root { color-scheme: light; }
body { font: 11pt/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #111; margin: 0; }
article { max-width: 46rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 20pt; margin: 0 0 .25rem; } h2 { font-size: 14pt; margin: 1.5rem 0 .5rem; break-after: avoid; }
h3 { font-size: 12pt; break-after: avoid; }
.byline { color: #555; margin: 0 0 1rem; font-size: 9.5pt; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: .5rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .4rem; text-align: left; vertical-align: top; }
tr { break-inside: avoid; }
code { font: 9.5pt ui-monospace, "DejaVu Sans Mono", monospace; background: #f3f3f3; padding: 0 .2rem; }
.cite-card { border: 1px solid #bbb; border-left: 4px solid #555; border-radius: 3px; padding: .35rem .6rem; margin: .5rem 0; break-inside: avoid; }
.cite-label { font-size: 8.5pt; color: #555; text-transform: uppercase; letter-spacing: .03em; }
.cite-headline { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 9.5pt; overflow-wrap: anywhere; }
.cite-details { font-size: 9pt; color: #333; overflow-wrap: anywhere; }
.cite-unknown { color: #a00; }
figure { margin: 1rem 0; break-inside: avoid; } figure img { width: 100%; height: auto; } figcaption { font-size: 9pt; color: #444; }
.evidence { border-top: 1px solid #999; margin-top: 2rem; }
@page { margin: 18mm 16mm 20mm; }
@media print { article { margin: 0; max-width: none; padding: 0; } a { color: inherit; } }
`;
