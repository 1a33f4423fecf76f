import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { count, sql } from "drizzle-orm";
import { maskEntry } from "../../app/services/diarium-rules";
import type { DB } from "../client";
import { administration, caseReferenceCounter, diariumEntry, municipality } from "../schema/index";
import { generateDiarium } from "./content/diarium";

function caseTypeTitles(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const lng of ["sv", "en"]) {
    const json = JSON.parse(readFileSync(resolve("public/locales", lng, "diarium.json"), "utf8")) as {
      caseTypes: Record<string, string>;
    };
    for (const [k, v] of Object.entries(json.caseTypes)) (out[k] ??= []).push(v);
  }
  return out;
}

/**
 * Fills an empty register with the generated history (one transaction, a few thousand rows)
 * and moves the reference counters past it, so new cases continue the numbering.
 */
export function seedDiarium(db: DB) {
  const existing = db.select({ n: count() }).from(diariumEntry).get();
  if ((existing?.n ?? 0) > 0) return;
  const municipalities = db.select().from(municipality).all();
  const admins = db.select().from(administration).all();
  const titles = caseTypeTitles();
  db.transaction((tx) => {
    const numbers = new Map<string, number>();
    const rows = generateDiarium().map((e) => {
      const m = municipalities.find((x) => x.slug === e.municipality);
      const a = admins.find((x) => x.municipalityId === m?.id && x.slug === e.administration);
      if (!m || !a) throw new Error(`Seed diarium: no ${e.municipality}/${e.administration}`);
      const key = `${m.id}:${e.year}`;
      const n = (numbers.get(key) ?? 0) + 1;
      numbers.set(key, n);
      const reference = `${m.code}-${e.year}-${String(n).padStart(6, "0")}`;
      const masked = maskEntry({ ...e, administrationSlug: a.slug });
      const searchText = [
        reference,
        ...(titles[e.caseType] ?? [e.caseType]),
        masked.subject ?? "",
        masked.party.kind === "organisation" ? masked.party.name : "",
        m.name,
        a.nameSv,
        a.nameEn,
      ]
        .join(" ")
        .replace(/\s+/g, " ")
        .trim()
        .toLowerCase();
      return {
        caseId: null,
        reference,
        municipalityId: m.id,
        administrationId: a.id,
        caseType: e.caseType,
        area: e.area,
        sensitivity: e.sensitivity,
        subject: e.subject,
        partyKind: e.partyKind,
        partyName: e.partyName,
        status: e.status,
        registeredAt: e.registeredAt,
        searchText,
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      tx.insert(diariumEntry)
        .values(rows.slice(i, i + 500))
        .run();
    for (const [key, lastNumber] of numbers) {
      const [municipalityId, year] = key.split(":").map(Number) as [number, number];
      tx.insert(caseReferenceCounter)
        .values({ municipalityId, year, lastNumber })
        .onConflictDoUpdate({
          target: [caseReferenceCounter.municipalityId, caseReferenceCounter.year],
          set: { lastNumber: sql`max(${caseReferenceCounter.lastNumber}, ${lastNumber})` },
        })
        .run();
    }
  });
}
