import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Editors write Markdown; residents get HTML rendered and sanitised on the server
 * (docs/decisions/011). `marked` renders, `sanitize-html` keeps an allow-list of tags and
 * attributes: no scripts, styles, iframes, images, event handlers or javascript: URLs.
 * Headings start at h2 (the page's h1 is the title).
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "abbr",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], th: ["scope"], abbr: ["title"], ol: ["start"] },
  allowedSchemes: ["https", "http", "mailto", "tel"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    h1: "h2",
    h5: "h4",
    h6: "h4",
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? "");
      return { tagName, attribs: external ? { ...attribs, rel: "noopener noreferrer" } : attribs };
    },
  },
};

/** Markdown → safe HTML for `dangerouslySetInnerHTML`. */
export function renderMarkdown(markdown: string | null | undefined): string {
  if (!markdown) return "";
  const html = marked.parse(markdown.slice(0, 200_000)) as string;
  return sanitizeHtml(html, SANITIZE);
}
