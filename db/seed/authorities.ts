import { and, eq, gte } from "drizzle-orm";
import type { DB } from "../client";
import { authority, authorityService, externalLink, lifeEvent, lifeEventStep } from "../schema/index";
import { seedAuthorities } from "./content/authorities";
import { seedLifeEvents } from "./content/life-events";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/**
 * Authorities, their services and the external-link registry: real reference data, also in
 * production (docs/decisions/041). Idempotent: authorities upsert by slug / url (no one edits
 * them in the portal). Link-check results (status, dates, broken flag) are never reset by a
 * re-seed, so a restart does not hide a broken link.
 */
export function seedAuthorityRegistry(tx: Tx) {
  seedAuthorities.forEach((a, position) => {
    const values = {
      slug: a.slug,
      level: a.level,
      position,
      nameSv: a.name.sv,
      nameEn: a.name.en,
      descriptionSv: a.description.sv,
      descriptionEn: a.description.en,
      url: a.url,
    };
    const row = tx
      .insert(authority)
      .values(values)
      .onConflictDoUpdate({ target: authority.slug, set: values })
      .returning({ id: authority.id })
      .get();
    registerLink(tx, a.url, `authority:${a.slug}`);
    a.services.forEach((s, i) => {
      const serviceValues = {
        authorityId: row.id,
        position: i,
        titleSv: s.title.sv,
        titleEn: s.title.en,
        descriptionSv: s.description.sv,
        descriptionEn: s.description.en,
        url: s.url,
      };
      tx.insert(authorityService)
        .values(serviceValues)
        .onConflictDoUpdate({ target: [authorityService.authorityId, authorityService.position], set: serviceValues })
        .run();
      registerLink(tx, s.url, `authority:${a.slug}`);
    });
    tx.delete(authorityService)
      .where(and(eq(authorityService.authorityId, row.id), gte(authorityService.position, a.services.length)))
      .run();
  });
}

/** The example life-event guides (demo and test only). */
export function seedExampleLifeEvents(tx: Tx) {
  // Guides are edited in /redaktor: the seed inserts a guide (with its steps) only when its
  // slug is absent and never touches an existing one, so a restart never undoes an editor's
  // change (docs/decisions/035).
  seedLifeEvents.forEach((e, position) => {
    const values = {
      slug: e.slug,
      position,
      titleSv: e.title.sv,
      titleEn: e.title.en,
      summarySv: e.summary.sv,
      summaryEn: e.summary.en,
      example: e.example,
    };
    const row = tx
      .insert(lifeEvent)
      .values(values)
      .onConflictDoNothing({ target: lifeEvent.slug })
      .returning({ id: lifeEvent.id })
      .get();
    if (!row) return;
    e.steps.forEach((s, i) => {
      tx.insert(lifeEventStep)
        .values({
          lifeEventId: row.id,
          position: i,
          titleSv: s.title.sv,
          titleEn: s.title.en,
          bodySv: s.body.sv,
          bodyEn: s.body.en,
          actorKind: s.actor.kind,
          serviceSlug: s.actor.kind === "municipality" ? (s.actor.serviceSlug ?? null) : null,
          formId: s.actor.kind === "municipality" ? (s.actor.formId ?? null) : null,
          authoritySlug: s.actor.kind === "authority" ? s.actor.authoritySlug : null,
        })
        .run();
    });
  });
}

/** Adds a URL to the link registry once; keeps any earlier check result. */
export function registerLink(tx: Tx | DB, url: string, source: string) {
  tx.insert(externalLink).values({ url, source }).onConflictDoNothing({ target: externalLink.url }).run();
}

/** Both, as the demo seed runs them (also used by tests that restore the guides). */
export function seedAuthoritiesAndLifeEvents(tx: Tx) {
  seedAuthorityRegistry(tx);
  seedExampleLifeEvents(tx);
}
