/**
 * A strict, small XML 1.0 well-formedness checker and tree builder for the documents the portal
 * writes (feeds, sitemap): one root element, elements, attributes, text and character/entity
 * references, after an optional XML declaration. Anything else – comments, processing
 * instructions, CDATA, a DOCTYPE – is rejected rather than skipped, so the check errs on the
 * strict side. The repository has no XML parser dependency; the e2e test also parses the feeds
 * with Chromium's DOMParser.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = /[A-Za-z_][A-Za-z0-9_.:-]*/y;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export class XmlError extends Error {}

function isChar(cp: number) {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Decodes the references in character data; a bare `&` or an unknown or invalid reference is an error. */
function decode(raw: string, at: number): string {
  return raw.replace(/&([^;]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(";")) throw new XmlError(`bare & near offset ${at}`);
    if (body in PREDEFINED) return PREDEFINED[body]!;
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (!m) throw new XmlError(`unknown entity &${body}; near offset ${at}`);
    const cp = m[1] ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
    if (!isChar(cp)) throw new XmlError(`reference to a non-XML character near offset ${at}`);
    return String.fromCodePoint(cp);
  });
}

export function parseXmlStrict(xml: string): XmlElement {
  if (!CHAR.test(xml)) throw new XmlError("a character XML does not allow");
  let i = 0;
  const decl = /^<\?xml version="1\.0"(?: encoding="UTF-8")?\?>/.exec(xml);
  if (decl) i = decl[0].length;
  const skipSpace = () => {
    while (i < xml.length && /[ \t\r\n]/.test(xml[i]!)) i++;
  };
  const name = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml);
    if (!m) throw new XmlError(`name expected at offset ${i}`);
    i += m[0].length;
    return m[0];
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  skipSpace();
  while (i < xml.length) {
    if (xml.startsWith("</", i)) {
      i += 2;
      const n = name();
      skipSpace();
      if (xml[i] !== ">") throw new XmlError(`> expected at offset ${i}`);
      i++;
      const open = stack.pop();
      if (!open || open.name !== n) throw new XmlError(`</${n}> does not close <${open?.name ?? "nothing"}>`);
    } else if (xml[i] === "<") {
      if (/^<[!?]/.test(xml.slice(i, i + 2))) throw new XmlError(`unsupported markup at offset ${i}`);
      if (stack.length === 0 && root) throw new XmlError("a second root element");
      i++;
      const el: XmlElement = { name: name(), attrs: {}, children: [] };
      for (;;) {
        const before = i;
        skipSpace();
        if (xml.startsWith("/>", i) || xml[i] === ">") break;
        if (i === before) throw new XmlError(`space expected before an attribute at offset ${i}`);
        const a = name();
        skipSpace();
        if (xml[i] !== "=") throw new XmlError(`= expected at offset ${i}`);
        i++;
        skipSpace();
        const q = xml[i];
        if (q !== '"' && q !== "'") throw new XmlError(`quoted value expected at offset ${i}`);
        const end = xml.indexOf(q, i + 1);
        if (end < 0) throw new XmlError("unterminated attribute value");
        const raw = xml.slice(i + 1, end);
        if (raw.includes("<")) throw new XmlError(`< in an attribute value at offset ${i}`);
        if (a in el.attrs) throw new XmlError(`duplicate attribute ${a}`);
        el.attrs[a] = decode(raw, i);
        i = end + 1;
      }
      const selfClosing = xml.startsWith("/>", i);
      i += selfClosing ? 2 : 1;
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      else root = el;
      if (!selfClosing) stack.push(el);
    } else {
      const end = xml.indexOf("<", i);
      const raw = xml.slice(i, end < 0 ? xml.length : end);
      if (stack.length === 0) {
        if (raw.trim()) throw new XmlError(`text outside the root element at offset ${i}`);
      } else {
        if (raw.includes("]]>")) throw new XmlError(`]]> in text at offset ${i}`);
        stack[stack.length - 1]!.children.push(decode(raw, i));
      }
      i += raw.length;
    }
  }
  if (stack.length) throw new XmlError(`<${stack[stack.length - 1]!.name}> is not closed`);
  if (!root) throw new XmlError("no root element");
  return root;
}

/** Child elements named `name`. */
export const childrenNamed = (el: XmlElement, name: string) =>
  el.children.filter((c): c is XmlElement => typeof c !== "string" && c.name === name);
/** The first child element named `name`; throws when there is none. */
export function child(el: XmlElement, name: string): XmlElement {
  const c = childrenNamed(el, name)[0];
  if (!c) throw new XmlError(`<${el.name}> has no <${name}>`);
  return c;
}
/** The element's text content (all descendants). */
export const text = (el: XmlElement): string => el.children.map((c) => (typeof c === "string" ? c : text(c))).join("");
