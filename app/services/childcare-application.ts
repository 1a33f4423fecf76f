import { z } from "zod";

/**
 * The answers of a childcare application as the server accepts them. Shared by the route
 * (parsing a plain form post, JS on or off) and the service. Error codes map to
 * childcare:apply.errors.<field>.<code>.
 */
export const CARE_KINDS = ["forskola", "pedagogisk-omsorg", "fritidshem"] as const;
export const FRITIDSHEM_REASONS = ["work", "studies", "child-needs"] as const;

export const ChildcareApplicationSchema = z.object({
  child: z.string().min(1, "required").max(100, "required"),
  careKind: z.enum(CARE_KINDS, { error: "required" }),
  unit1: z.coerce.number({ error: "required" }).int("required").positive("required"),
  unit2: z.coerce.number().int().positive().optional(),
  unit3: z.coerce.number().int().positive().optional(),
  desiredStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "invalid"),
  hoursPerWeek: z.coerce.number({ error: "invalid" }).int("invalid").min(1, "range").max(60, "range"),
  reason: z.enum(FRITIDSHEM_REASONS).optional(),
  specialNeeds: z.string().max(2000, "tooLong").optional(),
  monthlyIncome: z.coerce
    .number({ error: "invalid" })
    .int("invalid")
    .min(0, "invalid")
    .max(10_000_000, "invalid")
    .optional(),
  contactEmail: z.email({ error: "invalid" }).max(200, "invalid").optional(),
});
export type ChildcareApplicationInput = z.infer<typeof ChildcareApplicationSchema>;

export type FieldErrors = Record<string, string>;

/** Form fields → typed answers or field error codes. Empty strings count as "not given". */
export function parseChildcareApplication(
  form: Record<string, unknown>,
): { ok: true; value: ChildcareApplicationInput } | { ok: false; errors: FieldErrors } {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form)) {
    if (typeof v !== "string") continue;
    const trimmed = v.trim();
    if (trimmed !== "") raw[k] = k === "contactEmail" ? trimmed.toLowerCase() : trimmed;
  }
  const parsed = ChildcareApplicationSchema.safeParse(raw);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "child");
      if (!errors[field])
        errors[field] =
          raw[field] === undefined && issue.code !== "custom"
            ? "required"
            : issue.message.match(/^[a-zA-Z]+$/)
              ? issue.message
              : "invalid";
    }
    return { ok: false, errors };
  }
  const v = parsed.data;
  const units = [v.unit1, v.unit2, v.unit3].filter((u): u is number => u !== undefined);
  if (new Set(units).size !== units.length) errors.unit2 = "duplicate";
  if (v.careKind === "fritidshem" && !v.reason) errors.reason = "required";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: v };
}

export function rankedUnits(v: ChildcareApplicationInput): number[] {
  return [v.unit1, v.unit2, v.unit3].filter((u): u is number => u !== undefined);
}
