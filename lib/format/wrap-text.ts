/**
 * Breaks a label into at most maxLines lines of roughly px each (~charPx a character), at a space
 * or after - _ / . \ (file names and paths break there), so a name is read whole; only a last line
 * that still does not fit is cut, with an ellipsis.
 */
export function wrapText(text: string, px: number, charPx = 6.3, maxLines = 2): string[] {
  const max = Math.max(4, Math.floor(px / charPx));
  const lines: string[] = [];
  let rest = text;
  while (rest.length > max && lines.length < maxLines - 1) {
    let cut = max;
    for (let i = max; i > max / 3; i--) {
      if (" -_/.\\".includes(rest[i - 1] as string)) {
        cut = i;
        break;
      }
    }
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  lines.push(rest.length > max ? `${rest.slice(0, max - 1)}…` : rest);
  return lines;
}
