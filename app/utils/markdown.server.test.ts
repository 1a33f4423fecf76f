import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("Markdown is rendered and sanitised on the server", () => {
  it("renders headings (from h2), lists, emphasis and links", () => {
    const html = renderMarkdown(
      "# Titel\n\n## Avgift\n\n- **ett**\n- *två*\n\n[Skatteverket](https://www.skatteverket.se)",
    );
    expect(html).toContain("<h2>Titel</h2>");
    expect(html).toContain("<h2>Avgift</h2>");
    expect(html).toContain("<li><strong>ett</strong></li>");
    expect(html).toContain('<a href="https://www.skatteverket.se" rel="noopener noreferrer">Skatteverket</a>');
  });

  it.each([
    ["<script>alert(1)</script>", /<script/i],
    ['<img src="x" onerror="alert(1)">', /<img|onerror/i],
    ["[klicka](javascript:alert(1))", /javascript:/i],
    ['<a href="https://x.se" onclick="alert(1)">x</a>', /onclick/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ["<style>body{display:none}</style>", /<style/i],
    ['<p style="position:fixed">x</p>', /style=/i],
    ["[x](//evil.example)", /evil\.example/],
    ["<svg><script>alert(1)</script></svg>", /<svg|<script/i],
  ])("removes %j", (input, forbidden) => {
    expect(renderMarkdown(input)).not.toMatch(forbidden);
  });

  it("keeps mailto and tel links, and relative links inside the portal", () => {
    expect(renderMarkdown("[mejla](mailto:a@b.se) [ring](tel:0532170000) [blankett](/blanketter/x)")).toMatch(
      /href="mailto:a@b.se".*href="tel:0532170000".*href="\/blanketter\/x"/,
    );
  });

  it("returns an empty string for empty input", () => {
    expect(renderMarkdown("")).toBe("");
    expect(renderMarkdown(null)).toBe("");
  });
});
