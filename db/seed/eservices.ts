import { and, eq } from "drizzle-orm";
import type { DB } from "../client";
import { eserviceDefinition } from "../schema/index";
import { definitionDocuments } from "../../forms/definitions/index";

/**
 * The seed documents (forms/seed/*.json, listed in forms/definitions/index.ts) written into the
 * e-service table (decisions 070, 075): reference data, so in every mode. A form that already has
 * any row (a designer's version, a retired one) is left alone: a seed never overwrites an edit.
 * A seed whose version is newer than every row of its form (a flagship moved onto the engine,
 * decision 089) is published as that new version: the published one is retired, so drafts started
 * on it finish on it. Returns how many forms were written.
 */
export function seedEserviceDefinitions(database: DB): number {
  let written = 0;
  database.transaction((tx) => {
    for (const doc of definitionDocuments) {
      const id = doc.definition.id;
      const versions = tx
        .select({ version: eserviceDefinition.version })
        .from(eserviceDefinition)
        .where(eq(eserviceDefinition.formId, id))
        .all();
      if (versions.some((r) => r.version >= doc.definition.version)) continue;
      const now = new Date().toISOString();
      if (versions.length > 0)
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
