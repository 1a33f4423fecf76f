/**
 * How a step's form is posted (decision 188). A browser sends a form url-encoded unless the form
 * asks for multipart, and the server reads both. Multipart is needed for files only, and it is
 * the dearer of the two to read: in the portal, under the bench's walk, a multipart step post of
 * a few hundred bytes took ~140 µs to parse and the same post url-encoded ~13 µs.
 *
 * A url-encoded body has one bound for the whole post (MAX_URLENCODED_BYTES), where a multipart
 * body bounds each part. So a step posts url-encoded only when the longest post a browser can
 * make of it (every field at its longest, every character at its dearest encoding) stays well
 * under that bound; a step with a file, or one whose questions could together come near it (many
 * long text areas, a large repeating group), posts multipart as before.
 */
import { moduleFor } from "./fields/registry";
import type { Field, Step } from "./types";

/** The server refuses a url-encoded body above this (413): it carries text only (decision 040). */
export const MAX_URLENCODED_BYTES = 256 * 1024;

export const URLENCODED = "application/x-www-form-urlencoded";
export const MULTIPART = "multipart/form-data";

/** One UTF-16 unit percent-encoded: at most 9 bytes (a three-byte UTF-8 character, `%E2%82%AC`). */
const BYTES_PER_UNIT = 9;
/** A field whose module names no longest answer (a choice, yes/no, an address): this many units. */
const UNNAMED_LONGEST = 1_000;
/** A name as the form writes it (`witnesses[49].witnessName.street`), `=` and `&` included. */
const NAME_BYTES = 3 * 200;
/** The form's own entries: `_csrf`, `_action`, `_idempotency` and room to spare. */
const CONTROL_BYTES = 2_048;

/** The most bytes one field can add to a url-encoded post, or null when only multipart can carry it. */
function fieldCeiling(field: Field): number | null {
  switch (field.type) {
    case "file":
      return null;
    case "group": {
      let item = 0;
      for (const child of field.fields) item += fieldCeiling(child)!;
      return field.max * item;
    }
    case "multichoice":
      // One entry per ticked box.
      return field.options.reduce((sum, o) => sum + NAME_BYTES + o.value.length * BYTES_PER_UNIT, NAME_BYTES);
    default:
      return NAME_BYTES + (moduleFor(field).maxLength?.(field) ?? UNNAMED_LONGEST) * BYTES_PER_UNIT;
  }
}

/** The longest url-encoded post a browser can make of these fields, or null when they need multipart. */
export function urlencodedCeiling(fields: readonly Field[]): number | null {
  let sum = CONTROL_BYTES;
  for (const field of fields) {
    const bytes = fieldCeiling(field);
    if (bytes === null) return null;
    sum += bytes;
  }
  return sum;
}

/** The encoding a step's form asks for: url-encoded when its longest post stays under half the bound. */
export function stepEncType(step: Step): typeof URLENCODED | typeof MULTIPART {
  const ceiling = urlencodedCeiling(step.fields);
  return ceiling !== null && ceiling <= MAX_URLENCODED_BYTES / 2 ? URLENCODED : MULTIPART;
}
