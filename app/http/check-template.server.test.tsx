import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formDefinitions, formExamples } from "../../forms/definitions/index";
import { checkYourAnswers } from "../../forms/flow";
import { fieldDomId } from "../../forms/form-data";
import { translatorFor } from "../../forms/keys";
import { createI18n } from "~/i18n/i18n.server";
import { CheckAnswerRows } from "~/components/form/CheckAnswerRows";
import { checkAnswerRowsHtml, checkTemplateEligible } from "./check-template.server";
import { startTemplate, startTemplateKey } from "./start-template.server";

// Decision 145: the check page's template writes the answer rows itself. They must be what React
// renders for `CheckAnswerRows` (the route's own component) byte for byte, for every form's
// example in both languages, with and without the municipality row. The server also compares
// them with the live page before it keeps a template (and tests/e2e/check-template.spec.ts
// compares whole pages).

type Props = Parameters<typeof CheckAnswerRows>[0];

function propsFor(defId: string, lang: "sv" | "en", municipality: Props["municipality"], changeHref: string | null) {
  const def = formDefinitions.find((d) => d.id === defId)!;
  const i18n = createI18n(lang);
  const t = translatorFor(i18n.getFixedT(lang, "forms") as never);
  // As loadCheckAnswers makes them.
  const rows = checkYourAnswers(def, formExamples[defId]!, t, {
    href: (stepId, field) => `/blanketter/${def.id}/${stepId}#${fieldDomId(field)}`,
  }).map((r) => ({ ...r, label: t(r.labelKey) }));
  return {
    rows,
    municipality,
    municipalityChangeHref: changeHref,
    change: i18n.getFixedT(lang, "forms")("common.change"),
    municipalityLabel: i18n.getFixedT(lang, "eservice")("form.municipality.label"),
  } satisfies Props;
}

const withExamples = formDefinitions.filter((d) => formExamples[d.id]);

describe("the check page's answer rows written by the template", () => {
  it("covers the forms", () => {
    expect(withExamples.length).toBeGreaterThan(10);
  });

  for (const def of withExamples)
    for (const lang of ["sv", "en"] as const)
      it(`are React's rows for ${def.id}'s example (${lang})`, () => {
        for (const [municipality, href] of [
          ["Åmål", `/blanketter/${def.id}/${def.steps[0]!.id}#field-kommun`],
          ["Dals-Ed", null],
          [null, null],
        ] as const) {
          const props = propsFor(def.id, lang, municipality, href);
          expect(props.rows.length).toBeGreaterThan(0);
          const ours = checkAnswerRowsHtml(props);
          expect(ours).not.toBeNull();
          expect(ours).toBe(renderToString(<CheckAnswerRows {...props} />));
        }
      });

  it("escape what React escapes, in texts and links", () => {
    const hostile = `<script>alert("x")</script> & 'y' > ä \u2028 \n z`;
    const props: Props = {
      rows: [
        { fieldName: "a", label: hostile, text: hostile, changeHref: `/x?a="b"&c='d'<e>` },
        { fieldName: "b", label: "Namn", text: "Karin\nLund", changeHref: "/y#field-b" },
      ],
      municipality: hostile,
      municipalityChangeHref: `/m?x="&"`,
      change: "Ändra & 'so'",
      municipalityLabel: "Kommun <b>",
    };
    const ours = checkAnswerRowsHtml(props);
    expect(ours).toBe(renderToString(<CheckAnswerRows {...props} />));
    expect(ours).not.toContain("<script>");
  });

  it("are not written when a text is empty (React writes no separator then): the page is rendered live", () => {
    const props = propsFor("felanmalan-gata-park", "sv", null, null);
    expect(checkAnswerRowsHtml({ ...props, rows: [{ ...props.rows[0]!, text: "" }] })).toBeNull();
    expect(checkAnswerRowsHtml({ ...props, rows: [{ ...props.rows[0]!, label: "" }] })).toBeNull();
  });
});

const KEY = "a".repeat(43);
const SEED = "b".repeat(43);

describe("which check-page requests a template may answer", () => {
  it("only a GET of a form's check page by a browser with its key, without query, other cookies or Authorization", () => {
    const ok = checkTemplateEligible(
      "GET",
      "/blanketter/felanmalan-gata-park/kontrollera",
      `eservice=${KEY}; csrf=${SEED}`,
      undefined,
    );
    expect(ok).toMatchObject({ seed: SEED, browserKey: KEY, id: "felanmalan-gata-park" });
    expect(ok!.key).not.toContain(KEY);
    expect(ok!.key).not.toContain(SEED);
    const lang = checkTemplateEligible(
      "GET",
      "/blanketter/felanmalan-gata-park/kontrollera",
      `lang=en; eservice=${KEY}`,
      undefined,
    );
    expect(lang).toMatchObject({ seed: null });
    expect(lang!.key).not.toBe(ok!.key);
    for (const [method, url, cookie, auth] of [
      ["POST", "/blanketter/f/kontrollera", `eservice=${KEY}`, undefined],
      ["GET", "/blanketter/f/kontrollera?lang=en", `eservice=${KEY}`, undefined],
      ["GET", "/blanketter/f/kontrollera", `csrf=${SEED}`, undefined],
      ["GET", "/blanketter/f/kontrollera", undefined, undefined],
      ["GET", "/blanketter/f/kontrollera", `eservice=${KEY}; __session=x`, undefined],
      ["GET", "/blanketter/f/kontrollera", `eservice=${KEY}; eservice=${KEY}`, undefined],
      ["GET", "/blanketter/f/kontrollera", `eservice=short`, undefined],
      ["GET", "/blanketter/f/kontrollera", `eservice=${KEY}`, "Bearer x"],
      ["GET", "/blanketter/f/fel", `eservice=${KEY}`, undefined],
    ] as const)
      expect(checkTemplateEligible(method, url, cookie, auth), `${method} ${url} ${cookie}`).toBeNull();
  });
});

describe("a form's start redirect from a template", () => {
  const csp = "default-src 'self'; script-src 'nonce-N'";
  const live = [
    "X-Request-Id",
    "id-1",
    "Content-Security-Policy",
    csp,
    "X-Cache",
    "miss",
    "location",
    "/blanketter/f/fel",
  ];

  it("keys by path and cookie names, never by a cookie's value, and not a query", () => {
    const a = startTemplateKey("GET", "/blanketter/f", `eservice=${KEY}; csrf=${SEED}`, undefined);
    const b = startTemplateKey("GET", "/blanketter/f", `eservice=${"c".repeat(43)}; csrf=${"d".repeat(43)}`, undefined);
    expect(a).not.toBeNull();
    expect(a).toBe(b);
    expect(startTemplateKey("GET", "/blanketter/f", undefined, undefined)).not.toBe(
      startTemplateKey("GET", "/blanketter/f", "", undefined),
    );
    expect(startTemplateKey("GET", "/blanketter/f", "lang=en", undefined)).not.toBe(a);
    expect(startTemplateKey("GET", "/blanketter/f?diarienummer=1", undefined, undefined)).toBeNull();
    expect(startTemplateKey("GET", "/blanketter/f.pdf", undefined, undefined)).toBeNull();
    expect(startTemplateKey("GET", "/blanketter/f", "__session=x", undefined)).toBeNull();
    expect(startTemplateKey("GET", "/blanketter/f", undefined, "Basic x")).toBeNull();
    expect(startTemplateKey("HEAD", "/blanketter/f", undefined, undefined)).toBeNull();
  });

  it("keeps the live header list with the id's and CSP's places, X-Cache saying template", () => {
    const t = startTemplate(live, "id-1", csp, "/blanketter/f/fel");
    expect(t).toEqual({
      head: [
        "X-Request-Id",
        "id-1",
        "Content-Security-Policy",
        csp,
        "X-Cache",
        "template",
        "location",
        "/blanketter/f/fel",
      ],
      idSlot: 1,
      cspSlot: 3,
    });
  });

  it("refuses an answer that is not exactly the vouched redirect", () => {
    expect(startTemplate(live, "id-2", csp, "/blanketter/f/fel")).toBeNull();
    expect(startTemplate(live, "id-1", "other", "/blanketter/f/fel")).toBeNull();
    expect(startTemplate(live, "id-1", csp, "/blanketter/f/plats")).toBeNull();
    expect(startTemplate([...live, "Set-Cookie", "a=b"], "id-1", csp, "/blanketter/f/fel")).toBeNull();
    expect(startTemplate([...live, "Content-Length", "3"], "id-1", csp, "/blanketter/f/fel")).toBeNull();
    expect(startTemplate([...live, "location", "/x"], "id-1", csp, "/blanketter/f/fel")).toBeNull();
    expect(startTemplate(live.slice(2), "id-1", csp, "/blanketter/f/fel")).toBeNull();
  });
});
