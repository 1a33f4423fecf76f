import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { TextAreaField, TextField } from "./FormErrors";

async function render(node: React.ReactNode): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    lng: "en",
    resources: { en: { auth: { errors: { prefix: "Error:", tooLong: "Too long" } } } },
    defaultNS: "auth",
  });
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
}

describe("TextAreaField", () => {
  it("labels the textarea and names its hint and error exactly as TextField does", async () => {
    const area = await render(
      <TextAreaField name="f" label="Certificate" hint="PEM" error="errors.tooLong" rows={6} />,
    );
    const input = await render(<TextField name="f" label="Certificate" hint="PEM" error="errors.tooLong" />);
    expect(area).toContain('<label for="f">Certificate</label>');
    expect(area).toContain('<textarea id="f" name="f" rows="6"');
    expect(area).toContain('aria-invalid="true" aria-describedby="f-hint f-error"');
    expect(area).toContain('<span class="visually-hidden">Error: </span>Too long');
    // Everything before the control (wrapper, label, hint, error) is the single-line field's markup.
    const before = (html: string, tag: string) => html.slice(0, html.indexOf(tag));
    expect(before(area, "<textarea")).toBe(before(input, "<input"));
    expect(before(area, "<textarea")).toContain('<div class="field field--error">');
  });

  it("without an error the textarea is not marked invalid and describes only its hint", async () => {
    const html = await render(<TextAreaField name="key" label="Key" hint="Never shown again" />);
    expect(html).not.toContain("aria-invalid");
    expect(html).toContain('aria-describedby="key-hint"');
    // HTML attribute names are case-insensitive (React writes autoComplete as it is spelled).
    expect(html.toLowerCase()).toContain('spellcheck="false"');
    expect(html.toLowerCase()).toContain('autocomplete="off"');
    expect(html).toContain('<div class="field">');
  });
});
