import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "../client";
import { decisionBody, decisionTemplate, delegationHolder, delegationPoint, municipality } from "../schema/index";
import { AREAS } from "../../app/domain/areas";
import { DEFAULT_BODIES, DEFAULT_DELEGATION_POINTS, DEFAULT_TEMPLATES } from "../../app/domain/decisions";

/**
 * Decisions per case type (decision 077) as reference data, in every mode: each municipality ×
 * area gets its deciding body and appeal route, a template per outcome and a delegation point
 * held by its officers, when it has none. Idempotent, and never over what an admin changed at
 * /admin/beslut (a row that exists is left alone).
 */
export function seedDecisionReferenceData(db: DB) {
  db.transaction((tx) => {
    for (const m of tx.select({ id: municipality.id }).from(municipality).all()) {
      for (const area of AREAS) {
        const d = DEFAULT_BODIES[area];
        tx.insert(decisionBody)
          .values({ municipalityId: m.id, area, bodySv: d.body.sv, bodyEn: d.body.en, appealRoute: d.appealRoute })
          .onConflictDoNothing()
          .run();
        // Per law (decision 106): a law the municipality × area has no template of gets its defaults
        // (riksfärdtjänst's pair reaches an installation seeded before it), never over an edited row.
        for (const law of new Set(DEFAULT_TEMPLATES[area].map((t) => t.law ?? null))) {
          const scope = and(
            eq(decisionTemplate.municipalityId, m.id),
            eq(decisionTemplate.area, area),
            law === null ? isNull(decisionTemplate.law) : eq(decisionTemplate.law, law),
          );
          if (tx.select({ id: decisionTemplate.id }).from(decisionTemplate).where(scope).get()) continue;
          for (const t of DEFAULT_TEMPLATES[area].filter((d) => (d.law ?? null) === law))
            tx.insert(decisionTemplate)
              .values({
                municipalityId: m.id,
                area,
                outcome: t.outcome,
                nameSv: t.name.sv,
                nameEn: t.name.en,
                textSv: t.text.sv,
                textEn: t.text.en,
                appealRoute: t.appealRoute,
                law: t.law ?? null,
              })
              .run();
        }
        const hasPoint = tx
          .select({ id: delegationPoint.id })
          .from(delegationPoint)
          .where(and(eq(delegationPoint.municipalityId, m.id), eq(delegationPoint.area, area)))
          .get();
        if (!hasPoint) {
          const p = DEFAULT_DELEGATION_POINTS[area];
          const created = tx
            .insert(delegationPoint)
            .values({ municipalityId: m.id, area, code: p.code, titleSv: p.title.sv, titleEn: p.title.en })
            .returning({ id: delegationPoint.id })
            .get();
          tx.insert(delegationHolder).values({ pointId: created.id, role: "officer" }).run();
        }
      }
    }
  });
}
