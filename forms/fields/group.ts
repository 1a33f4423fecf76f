import { todayInSweden } from "../format";
import { errorKey } from "../keys";
import type { FieldValue, GroupChildField, GroupField, GroupItemValue, ScalarValue } from "../types";
import { conditionHolds } from "../visibility";
import {
  errorKeys,
  type FieldModule,
  fullContext,
  type Issue,
  isBlank,
  isPlainObject,
  issuesFrom,
  ok,
  ownKeys,
  type PdfField,
  type PdfValues,
  type RawValue,
  ruleSchema,
} from "./module";
// Only used inside functions: the registry imports this module too.
import { getFieldModule } from "./registry";

/** Hard ceiling on items, whatever the definition says (bounded input). */
export const GROUP_MAX_CEILING = 50;

function codes(field: GroupField): string[] {
  return ["invalid", "unknownField", ...(effectiveMin(field) > 0 ? ["group.tooFew"] : []), "group.tooMany"];
}

/** A required group needs at least one item. */
export function effectiveMin(field: GroupField): number {
  return Math.max(field.min, field.required ? 1 : 0);
}

function groupMax(field: GroupField): number {
  return Math.min(field.max, GROUP_MAX_CEILING);
}

const childModule = (child: GroupChildField) => getFieldModule(child.type) as FieldModule;

/**
 * Repeating set of questions ("add another"). Posted as `name[0].child`, `name[1].child`, …
 * (compound children: `name[0].child.street`). Indexes may have gaps (a removed item);
 * items are kept in index order and items left completely empty are dropped, so an
 * unused blank row never blocks the person.
 */
export const groupModule: FieldModule<GroupField, GroupItemValue[]> = {
  type: "group",
  schema(field, partialCtx) {
    return ruleSchema<GroupItemValue[]>((input) => {
      const ctx = fullContext(partialCtx, todayInSweden);
      const list = input === undefined || input === null ? [] : input;
      const min = effectiveMin(field);
      if (!Array.isArray(list)) return { ok: false, issues: [{ key: errorKey("invalid") }] };
      if (list.length > groupMax(field)) {
        return { ok: false, issues: [{ key: errorKey("group.tooMany"), params: { max: groupMax(field) } }] };
      }
      const names = new Set(field.fields.map((c) => c.name));
      const issues: Issue[] = [];
      const items: GroupItemValue[] = [];
      list.forEach((item, index) => {
        if (!isPlainObject(item)) {
          issues.push({ key: errorKey("invalid"), path: [index] });
          return;
        }
        const unknown = Object.keys(item).filter((k) => !names.has(k));
        if (unknown.length > 0) {
          issues.push({ key: errorKey("unknownField"), params: { fields: unknown.slice(0, 10) }, path: [index] });
          return;
        }
        const out: GroupItemValue = {};
        const lookup = (name: string): FieldValue | undefined => (names.has(name) ? out[name] : ctx.lookup(name));
        for (const child of field.fields) {
          if (!conditionHolds(child.showIf, lookup)) continue;
          const result = childModule(child)
            .schema(child, { ...ctx, lookup })
            .safeParse(item[child.name]);
          if (!result.success) issues.push(...issuesFrom(result.error, [index, child.name]));
          else if (result.data !== undefined) out[child.name] = result.data as ScalarValue;
        }
        items.push(out);
      });
      if (issues.length > 0) return { ok: false, issues };
      if (items.length < min) return { ok: false, issues: [{ key: errorKey("group.tooFew"), params: { min } }] };
      return ok(items.length > 0 ? items : undefined);
    });
  },
  fromFormData(field, raw) {
    if (raw === undefined) return [];
    // The form-data reader builds arrays for `name[i]`; anything else is left for the schema to reject.
    if (!Array.isArray(raw)) return raw;
    const byName = new Map(field.fields.map((c) => [c.name, c] as const));
    const items: unknown[] = [];
    for (const rawItem of raw) {
      if (rawItem === undefined) continue; // a gap left by a removed item
      if (!isPlainObject(rawItem)) {
        items.push(rawItem);
        continue;
      }
      const item: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(rawItem)) {
        const child = byName.get(key);
        item[key] = child ? childModule(child).fromFormData(child, value as RawValue) : value;
      }
      if (!isBlank(item)) items.push(item);
    }
    return items;
  },
  toFormEntries: (field, value, name) =>
    (value ?? []).flatMap((item, i) =>
      field.fields.flatMap((child) =>
        childModule(child).toFormEntries(child, item[child.name], `${name}[${i}].${child.name}`),
      ),
    ),
  defaultValue(field) {
    const blank = () =>
      Object.fromEntries(field.fields.map((c) => [c.name, childModule(c).defaultValue(c)])) as GroupItemValue;
    return Array.from({ length: effectiveMin(field) }, blank);
  },
  toText(field, value, t) {
    return (value ?? [])
      .map((item, i) => {
        const parts = field.fields
          .map((c) => (item[c.name] === undefined ? "" : childModule(c).toText(c, item[c.name], t)))
          .filter((text) => text !== "");
        return `${t(field.itemLabelKey, { number: i + 1 })}: ${parts.join(", ")}`;
      })
      .join("\n");
  },
  pdf: {
    /** As many rows as the group allows at most, like a paper form. */
    fields(field, name) {
      const out: PdfField[] = [];
      for (let i = 0; i < groupMax(field); i++) {
        for (const child of field.fields) {
          for (const pdfField of childModule(child).pdf.fields(child, `${name}_${i}_${child.name}`)) {
            out.push({ ...pdfField, item: { labelKey: field.itemLabelKey, number: i + 1 } });
          }
        }
      }
      return out;
    },
    values(field, value, t, name) {
      const out: PdfValues = {};
      (value ?? []).slice(0, groupMax(field)).forEach((item, i) => {
        for (const child of field.fields) {
          Object.assign(out, childModule(child).pdf.values(child, item[child.name], t, `${name}_${i}_${child.name}`));
        }
      });
      return out;
    },
  },
  errorCodes: codes,
  keys: (field) => [
    ...ownKeys(field),
    field.itemLabelKey,
    field.addLabelKey,
    ...errorKeys(codes(field)),
    ...field.fields.flatMap((c) => childModule(c).keys(c)),
  ],
};
