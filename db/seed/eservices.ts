import { and, desc, eq } from "drizzle-orm";
import type { DB } from "../client";
import { eserviceDefinition } from "../schema/index";
import { definitionDocuments } from "../../forms/definitions/index";

/**
 * The seed documents (forms/seed/*.json, listed in forms/definitions/index.ts) written into the
 * e-service table (decisions 070, 075): reference data, so in every mode. A seed never overwrites a
 * row: a form whose rows all have lower versions than its seed document gets the seed published as
 * a new version (the published one retires, drafts started on it finish on it; decision 090), and
 * a form with a row of the seed's version or later (a designer's draft or edit) is left alone.
 * Returns how many forms were written.
 */
export function seedEserviceDefinitions(database: DB): number {
  let written = 0;
  database.transaction((tx) => {
    for (const doc of definitionDocuments) {
      const id = doc.definition.id;
      const latest = tx
        .select({ version: eserviceDefinition.version })
        .from(eserviceDefinition)
        .where(eq(eserviceDefinition.formId, id))
        .orderBy(desc(eserviceDefinition.version))
        .get();
      if (latest && latest.version >= doc.definition.version) continue;
      const now = new Date().toISOString();
      if (latest)
        tx.update(eserviceDefinition)
          .set({ status: "retired", updatedAt: now })
          .where(and(eq(eserviceDefinition.formId, id), eq(eserviceDefinition.status, "published")))
          .run();
      tx.insert(eserviceDefinition)
        .values({
          formId: id,
          version: doc.definition.version,
          status: "published",
          // Without the example answer: it is test data (invented people, example.se addresses) and the
          // table is reference data in production too. Tests and previews take it from forms/seed.
          document: JSON.stringify({ ...doc, example: {} }),
          municipalityId: null,
          administrationId: null,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
          publishedAt: now,
        })
        .run();
      written++;
    }
  });
  return written;
}
