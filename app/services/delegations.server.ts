/**
 * Samverkan (docs/decisions/060): "municipality A handles area X for municipality B" as rows a
 * portal-wide administrator creates and ends. Officer scoping reads only the rows not ended
 * (app/auth/guards.server.ts). An ended row stays, so the demo seed, which inserts a pair only
 * when it is absent, cannot bring an ended delegation back on restart.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { areaDelegation, municipality } from "../../db/schema/index";
import { AREAS } from "~/domain/areas";
import { adminMunicipalities } from "~/auth/guards.server";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { audit } from "~/platform/audit.server";
import type { FormResult } from "./taxa.server";

const DelegationFormSchema = z
  .object({
    municipalityId: z.coerce.number().int().positive("municipality"),
    area: z.enum(AREAS, { message: "area" }),
    handledByMunicipalityId: z.coerce.number().int().positive("municipality"),
  })
  .refine((d) => d.municipalityId !== d.handledByMunicipalityId, {
    message: "same",
    path: ["handledByMunicipalityId"],
  });
type DelegationForm = z.output<typeof DelegationFormSchema>;

export const DELEGATION_FIELDS = ["municipalityId", "area", "handledByMunicipalityId"] as const;

export function parseDelegationForm(form: FormData): FormResult<DelegationForm> {
  const raw = Object.fromEntries(
    DELEGATION_FIELDS.map((k) => {
      const v = form.get(k);
      return [k, typeof v === "string" ? v.slice(0, 40) : ""];
    }),
  );
  const parsed = DelegationFormSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<string, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "municipalityId");
    const code = issue.message === "same" || issue.message === "area" ? issue.message : "municipality";
    errors[field] ??= `admin-catalogue:delegations.errors.${code}`;
  }
  return { ok: false, errors };
}

type DelegationRow = typeof areaDelegation.$inferSelect;

/** Every delegation, current ones first. Portal-wide information: which municipality handles what. */
export function listDelegations(): DelegationRow[] {
  return db()
    .select()
    .from(areaDelegation)
    .orderBy(asc(areaDelegation.endedAt), asc(areaDelegation.municipalityId), asc(areaDelegation.area))
    .all();
}

const isPortalAdmin = (actor: SessionUser) => adminMunicipalities(actor, "users.admin") === null;

/**
 * Starts a delegation. Only a portal-wide administrator may (it moves cases between two
 * municipalities' officers). Refused while the pair already has a current delegation: ending it
 * first keeps the change of hands explicit in the audit log.
 */
export function createDelegation(input: {
  actor: SessionUser;
  value: DelegationForm;
}): "saved" | "forbidden" | "unknownMunicipality" | "alreadyDelegated" {
  if (!isPortalAdmin(input.actor)) return "forbidden";
  const { municipalityId, area, handledByMunicipalityId } = input.value;
  const known = db().select({ id: municipality.id }).from(municipality).all();
  if (![municipalityId, handledByMunicipalityId].every((id) => known.some((m) => m.id === id)))
    return "unknownMunicipality";
  const existing = db()
    .select()
    .from(areaDelegation)
    .where(and(eq(areaDelegation.municipalityId, municipalityId), eq(areaDelegation.area, area)))
    .get();
  if (existing && existing.endedAt === null) return "alreadyDelegated";
  let id: number;
  if (existing) {
    db()
      .update(areaDelegation)
      .set({ handledByMunicipalityId, endedAt: null })
      .where(eq(areaDelegation.id, existing.id))
      .run();
    id = existing.id;
  } else {
    id = db()
      .insert(areaDelegation)
      .values({ municipalityId, area, handledByMunicipalityId })
      .returning({ id: areaDelegation.id })
      .get().id;
  }
  audit({
    actor: input.actor,
    action: "delegation.created",
    subjectType: "area_delegation",
    subjectId: String(id),
    municipalityId,
    details: {
      area,
      before: existing
        ? { handledByMunicipalityId: existing.handledByMunicipalityId, endedAt: existing.endedAt }
        : null,
      after: { handledByMunicipalityId, endedAt: null },
    },
  });
  return "saved";
}

/** Ends a current delegation: the municipality's own officers handle the area again. */
export function endDelegation(input: { actor: SessionUser; id: number }): "saved" | "forbidden" | "notFound" {
  if (!isPortalAdmin(input.actor)) return "forbidden";
  const existing = db()
    .select()
    .from(areaDelegation)
    .where(and(eq(areaDelegation.id, input.id), isNull(areaDelegation.endedAt)))
    .get();
  if (!existing) return "notFound";
  const endedAt = new Date().toISOString();
  db().update(areaDelegation).set({ endedAt }).where(eq(areaDelegation.id, existing.id)).run();
  audit({
    actor: input.actor,
    action: "delegation.ended",
    subjectType: "area_delegation",
    subjectId: String(existing.id),
    municipalityId: existing.municipalityId,
    details: {
      area: existing.area,
      before: { handledByMunicipalityId: existing.handledByMunicipalityId, endedAt: null },
      after: { handledByMunicipalityId: existing.handledByMunicipalityId, endedAt },
    },
  });
  return "saved";
}
