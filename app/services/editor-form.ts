import {
  BILINGUAL_FIELDS,
  PLAIN_FIELDS,
  VARIANT_FIELDS,
  VARIANT_PLAIN_FIELDS,
  type ContentType,
  type EditorErrors,
  type FormValues,
} from "./editor-fields";

/** Reading and checking the editor's forms: fields, variant, schedule (pure; errors are editor keys). */

// ------------------------------------------------------------------ validation

export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Reads and checks the item's fields from a form. Errors are editor-namespace i18n keys. */
export function parseItemForm(type: ContentType, form: FormData): { values: FormValues; errors: EditorErrors } {
  const values: FormValues = {};
  const errors: EditorErrors = {};
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : "";
  };
  for (const f of BILINGUAL_FIELDS[type]) {
    for (const lang of ["Sv", "En"] as const) {
      const name = `${f.name}${lang}`;
      const value = text(name);
      values[name] = value;
      if (value.length > f.max) errors[name] = "errors.tooLong";
      else if (f.kind === "line" && /\n/.test(value)) errors[name] = "errors.oneLine";
    }
    if (!f.optional && !values[`${f.name}Sv`]) errors[`${f.name}Sv`] = `errors.required.${f.name}`;
  }
  for (const f of PLAIN_FIELDS[type]) {
    const value = text(f.name);
    values[f.name] = value;
    if (value.length > f.max) errors[f.name] = "errors.tooLong";
    else if (f.kind === "email" && value && !EMAIL.test(value)) errors[f.name] = "errors.email";
  }
  values.owner = text("owner");
  if (!values.owner) errors.owner = "errors.required.owner";
  else if (values.owner.length > 200) errors.owner = "errors.tooLong";
  values.reviewBy = text("reviewBy");
  if (!values.reviewBy) errors.reviewBy = "errors.required.reviewBy";
  else if (!validDate(values.reviewBy)) errors.reviewBy = "errors.date";
  return { values, errors };
}

export function parseVariantForm(form: FormData): { values: FormValues; errors: EditorErrors } {
  const values: FormValues = {};
  const errors: EditorErrors = {};
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : "";
  };
  for (const f of VARIANT_FIELDS) {
    for (const lang of ["Sv", "En"] as const) {
      const name = `${f.name}${lang}`;
      const value = text(name);
      values[name] = value;
      if (value.length > f.max) errors[name] = "errors.tooLong";
    }
  }
  for (const f of VARIANT_PLAIN_FIELDS) {
    const value = text(f.name);
    values[f.name] = value;
    if (value.length > f.max) errors[f.name] = "errors.tooLong";
    else if (f.kind === "email" && value && !EMAIL.test(value)) errors[f.name] = "errors.email";
  }
  return { values, errors };
}

/** `datetime-local` input (Swedish wall-clock time) → ISO instant; "" → null; undefined when invalid. */
export function stockholmLocalToIso(value: string): string | null | undefined {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0] = m.slice(1).map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const offset = (at: number) => {
    const w = wallClock(at);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - at;
  };
  const instant = guess - offset(guess - offset(guess));
  const iso = new Date(instant);
  return Number.isNaN(iso.getTime()) ? undefined : iso.toISOString();
}

/** ISO instant → `datetime-local` value in Swedish time. */
export function isoToStockholmLocal(iso: string | null): string {
  if (!iso) return "";
  const w = wallClock(new Date(iso).getTime());
  const two = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

export function parseSchedule(form: FormData): {
  publishAt: string | null;
  unpublishAt: string | null;
  errors: EditorErrors;
} {
  const errors: EditorErrors = {};
  const read = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  const publishAt = stockholmLocalToIso(read("publishAt"));
  const unpublishAt = stockholmLocalToIso(read("unpublishAt"));
  if (publishAt === undefined) errors.publishAt = "errors.dateTime";
  if (unpublishAt === undefined) errors.unpublishAt = "errors.dateTime";
  if (publishAt && unpublishAt && unpublishAt <= publishAt) errors.unpublishAt = "errors.unpublishBeforePublish";
  return { publishAt: publishAt ?? null, unpublishAt: unpublishAt ?? null, errors };
}

export function wallClock(at: number): Record<"year" | "month" | "day" | "hour" | "minute", number> {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Stockholm",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, Number(p.value)]),
  );
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}
