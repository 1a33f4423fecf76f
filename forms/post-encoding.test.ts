import { describe, expect, it } from "vitest";
import { formDefinitions, getFormDefinition } from "./definitions/index";
import { MAX_URLENCODED_BYTES, MULTIPART, stepEncType, URLENCODED, urlencodedCeiling } from "./post-encoding";
import type { Field, Step } from "./types";

const base = { labelKey: "forms.x.label", required: false } as const;
const text = (name: string, maxLength?: number): Field => ({ type: "text", name, ...base, maxLength });
const area = (name: string, maxLength?: number): Field => ({ type: "textarea", name, ...base, maxLength });
const step = (fields: Field[]): Step => ({ id: "s", titleKey: "forms.x.title", fields });

/** The bytes a browser sends for these entries url-encoded (what `URLSearchParams` writes). */
const encodedBytes = (entries: [string, string][]) => Buffer.byteLength(new URLSearchParams(entries).toString());

describe("a step's post encoding (decision 188)", () => {
  it("posts a step with a file as multipart, and one of short questions url-encoded", () => {
    const file: Field = { type: "file", name: "photo", ...base, maxBytes: 1_000_000, maxFiles: 1, accept: ["image/*"] };
    expect(stepEncType(step([text("a"), file]))).toBe(MULTIPART);
    expect(urlencodedCeiling([file])).toBeNull();
    expect(stepEncType(step([text("a"), area("b"), { type: "yesno", name: "c", ...base }]))).toBe(URLENCODED);
  });

  it("counts the longest post, so that two of the longest text areas go multipart and one does not", () => {
    expect(stepEncType(step([area("a", 10_000)]))).toBe(URLENCODED);
    expect(stepEncType(step([area("a", 10_000), area("b", 10_000)]))).toBe(MULTIPART);
  });

  it("counts a repeating group at its most items", () => {
    const group = (max: number): Field => ({
      type: "group",
      name: "witnesses",
      ...base,
      fields: [
        { type: "text", name: "name", ...base },
        { type: "personnummer", name: "pnr", ...base },
      ],
      min: 0,
      max,
      itemLabelKey: "forms.x.item",
      addLabelKey: "forms.x.add",
    });
    expect(stepEncType(step([group(5)]))).toBe(URLENCODED);
    expect(stepEncType(step([group(50)]))).toBe(MULTIPART);
    expect(urlencodedCeiling([group(10)])).toBeGreaterThan(urlencodedCeiling([group(5)])!);
  });

  it("is never less than what a browser sends for every field at its longest in the dearest characters", () => {
    const fields = [text("title", 500), area("description", 10_000), text("short", 20)];
    const longest: [string, string][] = [
      ["_csrf", "x".repeat(120)],
      ["_action", "continue"],
      // € is three bytes of UTF-8, nine percent-encoded; a line break is sent as CR LF.
      ["title", "€".repeat(500)],
      ["description", "€".repeat(10_000)],
      ["short", "\n".repeat(20).replaceAll("\n", "\r\n")],
    ];
    const sent = encodedBytes(longest);
    expect(sent).toBeGreaterThan(90_000);
    expect(urlencodedCeiling(fields)).toBeGreaterThanOrEqual(sent);
    // A step url-encoded at its limit still posts under the server's bound.
    expect(stepEncType(step(fields))).toBe(URLENCODED);
    expect(sent).toBeLessThan(MAX_URLENCODED_BYTES);
  });

  it("keeps every step of the e-services with an upload multipart, and url-encodes the rest of the bench's form", () => {
    for (const def of formDefinitions)
      for (const s of def.steps)
        if (s.fields.some((f) => f.type === "file")) expect(stepEncType(s), `${def.id}/${s.id}`).toBe(MULTIPART);
    const walked = getFormDefinition("felanmalan-gata-park")!;
    const kinds = walked.steps.map((s) => stepEncType(s));
    expect(kinds).toContain(MULTIPART);
    expect(kinds.filter((k) => k === URLENCODED).length).toBeGreaterThanOrEqual(2);
  });
});
