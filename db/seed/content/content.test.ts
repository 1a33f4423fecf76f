import { describe, expect, it } from "vitest";
import { seedAuthorities } from "./authorities";
import { seedLifeEvents } from "./life-events";
import type { Bilingual } from "./types";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Municipal service slugs and form ids the life-event guides are allowed to reference. */
const ALLOWED_SERVICE_SLUGS = new Set([
  "forskola",
  "pedagogisk-omsorg",
  "fritidshem",
  "skolval-forskoleklass",
  "byte-av-skola",
  "skolskjuts",
  "bygglov-nybyggnad",
  "bygglov-tillbyggnad",
  "attefallsatgard",
  "enskilt-avlopp",
  "vatten-och-avlopp",
  "avfall-och-sophamtning",
  "bostadsanpassningsbidrag",
  "hemtjanst",
  "fardtjanst",
  "ekonomiskt-bistand",
  "serveringstillstand",
  "livsmedelsregistrering",
  "naringslivsradgivning",
  "bibliotek",
  "allman-handling",
]);
const ALLOWED_FORM_IDS = new Set([
  "felanmalan-gata-park",
  "begaran-allman-handling",
  "bygglov-ansokan",
  "forskola-ansokan",
  "skolval-ansokan",
  "anmalan-enskilt-avlopp",
  "anmalan-varmepump",
]);

const REQUIRED_AUTHORITY_SLUGS = [
  "lansstyrelsen-vastra-gotaland",
  "vastra-gotalandsregionen",
  "vardguiden-1177",
  "skatteverket",
  "forsakringskassan",
  "arbetsformedlingen",
  "csn",
  "lantmateriet",
  "boverket",
  "polisen",
  "transportstyrelsen",
  "bolagsverket",
  "migrationsverket",
  "naturvardsverket",
  "skolverket",
  "socialstyrelsen",
  "livsmedelsverket",
  "pensionsmyndigheten",
  "verksamt",
  "konsumentverket",
  "trafikverket",
  "your-europe",
  "europa-eu",
];

const REQUIRED_LIFE_EVENT_SLUGS = [
  "flytta-till-dalsland",
  "vi-ska-fa-barn",
  "starta-foretag",
  "bygga-eget-hus",
  "nar-nagon-har-dott",
  "borja-skolan",
];

function expectBilingual(text: Bilingual, where: string) {
  expect(typeof text.sv, `${where}.sv`).toBe("string");
  expect(typeof text.en, `${where}.en`).toBe("string");
  expect(text.sv.trim(), `${where}.sv is empty`).not.toBe("");
  expect(text.en.trim(), `${where}.en is empty`).not.toBe("");
  expect(text.sv, `${where}.sv has surrounding whitespace`).toBe(text.sv.trim());
  expect(text.en, `${where}.en has surrounding whitespace`).toBe(text.en.trim());
}

function allAuthorityUrls(): { where: string; url: string }[] {
  return seedAuthorities.flatMap((a) => [
    { where: `${a.slug}.url`, url: a.url },
    ...a.services.map((s, i) => ({ where: `${a.slug}.services[${i}].url`, url: s.url })),
  ]);
}

function hostMatches(host: string, domain: string) {
  return host === domain || host.endsWith(`.${domain}`);
}

describe("seed authorities", () => {
  it("has at least 15 authorities", () => {
    expect(seedAuthorities.length).toBeGreaterThanOrEqual(15);
  });

  it("has unique, well-formed slugs", () => {
    const slugs = seedAuthorities.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug, slug).toMatch(SLUG);
  });

  it("includes every required authority", () => {
    const slugs = new Set(seedAuthorities.map((a) => a.slug));
    for (const slug of REQUIRED_AUTHORITY_SLUGS) expect(slugs.has(slug), slug).toBe(true);
  });

  it("covers county, state and EU levels", () => {
    const levels = new Set(seedAuthorities.map((a) => a.level));
    expect([...levels].sort()).toEqual(["county", "eu", "state"]);
  });

  it("has non-empty Swedish and English texts", () => {
    for (const a of seedAuthorities) {
      expectBilingual(a.name, `${a.slug}.name`);
      expectBilingual(a.description, `${a.slug}.description`);
      a.services.forEach((s, i) => {
        expectBilingual(s.title, `${a.slug}.services[${i}].title`);
        expectBilingual(s.description, `${a.slug}.services[${i}].description`);
      });
    }
  });

  it("has 2-4 services per authority", () => {
    for (const a of seedAuthorities) {
      expect(a.services.length, a.slug).toBeGreaterThanOrEqual(2);
      expect(a.services.length, a.slug).toBeLessThanOrEqual(4);
    }
  });

  it("uses only https URLs that parse", () => {
    for (const { where, url } of allAuthorityUrls()) {
      let parsed: URL | undefined;
      expect(() => (parsed = new URL(url)), where).not.toThrow();
      expect(parsed!.protocol, where).toBe("https:");
      expect(parsed!.hostname, where).not.toBe("");
      expect(url, `${where} has whitespace`).not.toMatch(/\s/);
    }
  });

  it("links to the expected official hosts", () => {
    const hosts = allAuthorityUrls().map(({ url }) => new URL(url).hostname);
    for (const domain of ["skatteverket.se", "forsakringskassan.se", "lansstyrelsen.se", "europa.eu"]) {
      expect(
        hosts.some((h) => hostMatches(h, domain)),
        `no URL on ${domain}`,
      ).toBe(true);
    }
  });

  it("uses the given home pages for Länsstyrelsen and Your Europe", () => {
    const bySlug = new Map(seedAuthorities.map((a) => [a.slug, a]));
    expect(bySlug.get("lansstyrelsen-vastra-gotaland")?.url).toBe("https://www.lansstyrelsen.se/vastra-gotaland");
    expect(bySlug.get("your-europe")?.url).toBe("https://europa.eu/youreurope/");
  });

  it("puts EU authorities on europa.eu hosts", () => {
    for (const a of seedAuthorities.filter((x) => x.level === "eu")) {
      expect(hostMatches(new URL(a.url).hostname, "europa.eu"), a.slug).toBe(true);
    }
  });
});

describe("seed life events", () => {
  const authoritySlugs = new Set(seedAuthorities.map((a) => a.slug));

  it("has at least 5 life events", () => {
    expect(seedLifeEvents.length).toBeGreaterThanOrEqual(5);
  });

  it("has unique, well-formed slugs", () => {
    const slugs = seedLifeEvents.map((e) => e.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug, slug).toMatch(SLUG);
  });

  it("includes every required guide", () => {
    const slugs = new Set(seedLifeEvents.map((e) => e.slug));
    for (const slug of REQUIRED_LIFE_EVENT_SLUGS) expect(slugs.has(slug), slug).toBe(true);
  });

  it("marks every guide as example content", () => {
    for (const e of seedLifeEvents) expect(e.example, e.slug).toBe(true);
  });

  it("has 5-9 steps per guide, mixing the municipality and other authorities", () => {
    for (const e of seedLifeEvents) {
      expect(e.steps.length, e.slug).toBeGreaterThanOrEqual(5);
      expect(e.steps.length, e.slug).toBeLessThanOrEqual(9);
      const kinds = new Set(e.steps.map((s) => s.actor.kind));
      expect(kinds.has("municipality"), `${e.slug} has no municipal step`).toBe(true);
      expect(kinds.has("authority"), `${e.slug} has no authority step`).toBe(true);
    }
  });

  it("has non-empty Swedish and English texts", () => {
    for (const e of seedLifeEvents) {
      expectBilingual(e.title, `${e.slug}.title`);
      expectBilingual(e.summary, `${e.slug}.summary`);
      e.steps.forEach((s, i) => {
        expectBilingual(s.title, `${e.slug}.steps[${i}].title`);
        expectBilingual(s.body, `${e.slug}.steps[${i}].body`);
      });
    }
  });

  it("references only existing authorities", () => {
    for (const e of seedLifeEvents) {
      e.steps.forEach((s, i) => {
        if (s.actor.kind === "authority") {
          expect(authoritySlugs.has(s.actor.authoritySlug), `${e.slug}.steps[${i}]: ${s.actor.authoritySlug}`).toBe(
            true,
          );
        }
      });
    }
  });

  it("references only known municipal services and forms", () => {
    for (const e of seedLifeEvents) {
      e.steps.forEach((s, i) => {
        if (s.actor.kind !== "municipality") return;
        if (s.actor.serviceSlug !== undefined) {
          expect(ALLOWED_SERVICE_SLUGS.has(s.actor.serviceSlug), `${e.slug}.steps[${i}]: ${s.actor.serviceSlug}`).toBe(
            true,
          );
        }
        if (s.actor.formId !== undefined) {
          expect(ALLOWED_FORM_IDS.has(s.actor.formId), `${e.slug}.steps[${i}]: ${s.actor.formId}`).toBe(true);
        }
      });
    }
  });

  it("has unique step titles within each guide", () => {
    for (const e of seedLifeEvents) {
      const titles = e.steps.map((s) => s.title.sv);
      expect(new Set(titles).size, e.slug).toBe(titles.length);
    }
  });
});
