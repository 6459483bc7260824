/** One XML element: its name as written (prefix included), attributes and children in order. */
export type XmlElement = { name: string; attrs: Record<string, string>; children: XmlNode[] };
export type XmlNode = XmlElement | string;

/** Why a piece of text is not one well-formed element. */
export class XmlError extends Error {
  override name = "XmlError";
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const SPACE = /\s*/y;
const ATTR = /([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; anything else is an error, not text. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&([^;&\s]{0,32});?/g, (whole, body: string) => {
    if (!whole.endsWith(";")) throw new XmlError(`"&" not starting an entity near "${whole.slice(0, 20)}"`);
    const named = PREDEFINED[body];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(body);
    if (!m) throw new XmlError(`unknown entity "&${body};"`);
    const code = m[1] !== undefined ? Number.parseInt(m[1], 16) : Number(m[2]);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new XmlError(`invalid character reference "&${body};"`);
    return String.fromCodePoint(code);
  });
}

/** The name after its namespace prefix: "auto-ns2:Data" → "Data". */
export function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

/**
 * Parses text holding exactly one element (plus whitespace, comments and processing instructions
 * around it). Strict where a broken export shows: unbalanced or mismatched tags, stray "&", "<" in
 * attribute values, text after the element. A DOCTYPE is refused: event logs never carry one, and
 * refusing it rules out entity expansion.
 */
export function parseXmlElement(text: string): XmlElement {
  let pos = 0;
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];

  const skipUntil = (token: string, what: string) => {
    const end = text.indexOf(token, pos);
    if (end === -1) throw new XmlError(`unterminated ${what}`);
    pos = end + token.length;
  };

  while (pos < text.length) {
    const lt = text.indexOf("<", pos);
    const top = stack.at(-1);
    const chunk = text.slice(pos, lt === -1 ? text.length : lt);
    if (chunk !== "") {
      if (top) top.children.push(decodeEntities(chunk));
      else if (chunk.trim() !== "") throw new XmlError(root ? "text after the element" : "text before the element");
    }
    if (lt === -1) break;
    pos = lt;
    if (text.startsWith("<!--", pos)) skipUntil("-->", "comment");
    else if (text.startsWith("<?", pos)) skipUntil("?>", "processing instruction");
    else if (text.startsWith("<![CDATA[", pos)) {
      const end = text.indexOf("]]>", pos);
      if (end === -1) throw new XmlError("unterminated CDATA section");
      if (!top) throw new XmlError("CDATA outside the element");
      top.children.push(text.slice(pos + 9, end));
      pos = end + 3;
    } else if (text.startsWith("<!", pos)) throw new XmlError("DOCTYPE or declaration inside an event");
    else if (text.startsWith("</", pos)) {
      NAME.lastIndex = pos + 2;
      const name = NAME.exec(text)?.[0];
      const close = text.indexOf(">", pos);
      if (!name || close === -1 || text.slice(pos + 2 + name.length, close).trim() !== "") throw new XmlError("malformed end tag");
      if (!top) throw new XmlError(`</${name}> without a start tag`);
      if (top.name !== name) throw new XmlError(`</${name}> closes <${top.name}>`);
      stack.pop();
      if (stack.length === 0) root = top;
      pos = close + 1;
    } else {
      if (root) throw new XmlError("a second element after the first");
      const { element, selfClosed } = readStartTag();
      if (top) top.children.push(element);
      if (!selfClosed) stack.push(element);
      else if (!top) root = element;
    }
  }
  if (stack.length > 0) throw new XmlError(`<${stack.at(-1)?.name}> is not closed`);
  if (!root) throw new XmlError("no element");
  return root;

  function readStartTag(): { element: XmlElement; selfClosed: boolean } {
    NAME.lastIndex = pos + 1;
    const name = NAME.exec(text)?.[0];
    if (!name) throw new XmlError(`"<" not starting a tag near "${text.slice(pos, pos + 20)}"`);
    pos += 1 + name.length;
    const element: XmlElement = { name, attrs: {}, children: [] };
    for (;;) {
      SPACE.lastIndex = pos;
      const spaced = (SPACE.exec(text)?.[0].length ?? 0) > 0;
      pos = SPACE.lastIndex;
      if (text.startsWith("/>", pos) || text.startsWith(">", pos)) break;
      ATTR.lastIndex = pos;
      const m = spaced ? ATTR.exec(text) : null;
      if (!m?.[1]) throw new XmlError(`malformed attribute in <${name}>`);
      if (m[1] in element.attrs) throw new XmlError(`attribute "${m[1]}" repeated in <${name}>`);
      // XML normalises literal whitespace in attribute values to spaces; references (&#xD;) survive.
      element.attrs[m[1]] = decodeEntities((m[2] ?? m[3] ?? "").replace(/[\t\n\r]/g, " "));
      pos = ATTR.lastIndex;
    }
    const selfClosed = text.startsWith("/>", pos);
    pos += selfClosed ? 2 : 1;
    return { element, selfClosed };
  }
}
