import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { authority, authorityService, externalLink, lifeEvent, lifeEventStep } from "../../db/schema/index";
import { seedAuthorities } from "../../db/seed/content/authorities";
import { seedLifeEvents } from "../../db/seed/content/life-events";
import { seed } from "../../db/seed/index";

describe("seeding authorities and life events", () => {
  const db = openDatabase(process.env.DATABASE_PATH!);

  it("creates every authority, service, guide and step once, however often it runs", () => {
    seed(db);
    seed(db);
    expect(db.select({ n: count() }).from(authority).get()?.n).toBe(seedAuthorities.length);
    const services = seedAuthorities.reduce((n, a) => n + a.services.length, 0);
    expect(db.select({ n: count() }).from(authorityService).get()?.n).toBe(services);
    expect(db.select({ n: count() }).from(lifeEvent).get()?.n).toBe(seedLifeEvents.length);
    const steps = seedLifeEvents.reduce((n, e) => n + e.steps.length, 0);
    expect(db.select({ n: count() }).from(lifeEventStep).get()?.n).toBe(steps);
  });

  it("registers every external address once", () => {
    const urls = new Set(seedAuthorities.flatMap((a) => [a.url, ...a.services.map((s) => s.url)]));
    expect(db.select({ n: count() }).from(externalLink).get()?.n).toBe(urls.size);
  });

  it("keeps link-check results when it runs again", () => {
    const url = seedAuthorities[0]!.url;
    db.update(externalLink).set({ broken: true, lastStatus: 404 }).where(eq(externalLink.url, url)).run();
    db.update(authority).set({ broken: true, lastStatus: 404 }).where(eq(authority.url, url)).run();
    seed(db);
    expect(db.select().from(externalLink).where(eq(externalLink.url, url)).get()).toMatchObject({
      broken: true,
      lastStatus: 404,
    });
    expect(db.select().from(authority).where(eq(authority.url, url)).get()).toMatchObject({
      broken: true,
      lastStatus: 404,
    });
  });

  it("stores the steps of a guide in their order with who does them", () => {
    const guide = db.select().from(lifeEvent).where(eq(lifeEvent.slug, "flytta-till-dalsland")).get()!;
    const steps = db
      .select()
      .from(lifeEventStep)
      .where(eq(lifeEventStep.lifeEventId, guide.id))
      .orderBy(lifeEventStep.position)
      .all();
    expect(steps[0]).toMatchObject({ actorKind: "authority", authoritySlug: "migrationsverket", serviceSlug: null });
    expect(steps[1]).toMatchObject({ actorKind: "municipality", serviceSlug: "forskola", formId: "forskola-ansokan" });
  });
});
