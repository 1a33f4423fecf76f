// Just enough HTML reading for the instruments (links, forms, headings), without a DOM.
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function attrs(tag) {
  const out = {};
  for (const m of tag.matchAll(/([:\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    if (m.index === 0) continue; // the tag name
    out[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

/** Same-origin links (<a href>) resolved against `base`, without fragments. */
export function internalLinks(html, base) {
  const origin = new URL(base).origin;
  const out = new Set();
  for (const m of html.matchAll(/<a\s[^<>]*>/gi)) {
    const href = attrs(m[0]).href;
    if (!href || href.startsWith("mailto:") || href.startsWith("tel:") || href.startsWith("javascript:")) continue;
    let url;
    try {
      url = new URL(href, base);
    } catch {
      continue;
    }
    if (url.origin !== origin) continue;
    url.hash = "";
    out.add(url.href);
  }
  return [...out];
}

/** Every <form> with its method, action, enctype and fields (inputs, selects, textareas, buttons). */
export function forms(html, base) {
  const out = [];
  for (const m of html.matchAll(FORM)) out.push(readForm(m, base));
  return out;
}

/**
 * `forms(html, base).find((f) => f.method === method)`, reading only as far as that form: the
 * other forms' fields are not parsed, nor the page after it (the walker's every page, decision 158).
 */
export function firstForm(html, base, method) {
  const re = new RegExp(FORM.source, FORM.flags);
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    const open = attrs(m[0].slice(0, m[0].indexOf(">") + 1));
    if ((open.method ?? "get").toLowerCase() === method) return readForm(m, base, open);
  }
  return undefined;
}

const FORM = /<form\b[^>]*>([\s\S]*?)<\/form>/gi;

function readForm(m, base, a = attrs(m[0].slice(0, m[0].indexOf(">") + 1))) {
  const inner = m[1];
  const fields = [];
  for (const t of inner.matchAll(
    /<(input|button)\b[^>]*>|<select\b[^>]*>([\s\S]*?)<\/select>|<textarea\b[^>]*>([\s\S]*?)<\/textarea>/gi,
  )) {
    const tagName = t[0].slice(1, t[0].search(/[\s>]/)).toLowerCase();
    const fa = attrs(t[0].slice(0, t[0].indexOf(">") + 1));
    if (tagName === "select") {
      const options = [...t[2].matchAll(/<option\b[^>]*>/gi)].map((o) => attrs(o[0]).value ?? "");
      fields.push({ tag: "select", name: fa.name, required: "required" in fa, options });
    } else if (tagName === "textarea") {
      fields.push({
        tag: "textarea",
        name: fa.name,
        required: "required" in fa,
        value: decodeEntities(t[3] ?? ""),
        maxlength: fa.maxlength,
      });
    } else {
      fields.push({
        tag: tagName,
        type: (fa.type ?? (tagName === "button" ? "submit" : "text")).toLowerCase(),
        name: fa.name,
        value: fa.value ?? "",
        required: "required" in fa,
        checked: "checked" in fa,
        maxlength: fa.maxlength,
        formnovalidate: "formnovalidate" in fa,
      });
    }
  }
  return {
    method: (a.method ?? "get").toLowerCase(),
    action: new URL(a.action ?? "", base).href,
    enctype: a.enctype ?? "application/x-www-form-urlencoded",
    role: a.role,
    fields,
  };
}

export function htmlLang(html) {
  return /<html\b[^>]*\blang="([^"]*)"/i.exec(html)?.[1];
}

export function countH1(html) {
  return (html.match(/<h1[\s>]/gi) ?? []).length;
}

/** External scripts and module preloads a page makes the browser load. */
export function scriptUrls(html, base) {
  const out = new Set();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)) out.add(new URL(decodeEntities(m[1]), base).href);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const a = attrs(m[0]);
    if (a.rel === "modulepreload" && a.href) out.add(new URL(a.href, base).href);
  }
  return [...out];
}

export function inlineScriptBytes(html) {
  let n = 0;
  for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) n += Buffer.byteLength(m[1]);
  return n;
}
