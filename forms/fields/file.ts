import { formatBytes } from "../format";
import type { FileField, FileValue } from "../types";
import { errorKeys, type FieldModule, type Issue, isBlob, isPlainObject, ok, ownKeys, ruleSchema } from "./module";
import { errorKey } from "../keys";

const NAME_MAX = 255;
const TYPE_MAX = 100;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
const FILE_KEYS = new Set(["name", "size", "type", "id", "blob"]);
const CODES = ["file.required", "invalid", "file.missing", "file.tooMany", "file.empty", "file.tooLarge", "file.type"];

/** Short names people recognise, for "upload a file of type PDF, JPG or PNG". */
const TYPE_NAMES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPG",
  "image/png": "PNG",
  "image/heic": "HEIC",
  "image/heif": "HEIF",
  "image/tiff": "TIFF",
  "image/*": "JPG, PNG",
  "application/msword": "DOC",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.ms-excel": "XLS",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/vnd.oasis.opendocument.text": "ODT",
  "text/plain": "TXT",
  "image/vnd.dwg": "DWG",
  "application/acad": "DWG",
};

export function describeTypes(accept: string[]): string {
  return [...new Set(accept.map((type) => TYPE_NAMES[type] ?? type))].join(", ");
}

export function typeAccepted(accept: string[], type: string): boolean {
  const mime = type.toLowerCase();
  return accept.some((a) => (a.endsWith("/*") ? mime.startsWith(a.slice(0, -1)) : a === mime));
}

function checkFile(field: FileField, item: unknown, index: number): Issue[] {
  const at = (code: string, params?: Record<string, unknown>): Issue[] => [
    { key: errorKey(code), path: [index], ...(params ? { params } : {}) },
  ];
  if (!isPlainObject(item) || Object.keys(item).some((k) => !FILE_KEYS.has(k))) return at("invalid");
  const { name, size, type, id, blob } = item;
  if (id !== undefined && (typeof id !== "string" || !ID_PATTERN.test(id))) return at("invalid");
  // A kept upload that the server could not find among the saved answers has no name.
  if (name === undefined && typeof id === "string") return at("file.missing");
  if (typeof name !== "string" || name.length === 0 || name.length > NAME_MAX) return at("invalid");
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) return at("invalid");
  if (typeof type !== "string" || type.length > TYPE_MAX) return at("invalid");
  if (blob !== undefined && !isBlob(blob)) return at("invalid");
  if (size === 0) return at("file.empty", { name });
  if (size > field.maxBytes) return at("file.tooLarge", { name, max: formatBytes(field.maxBytes) });
  if (!typeAccepted(field.accept, type)) return at("file.type", { name, types: describeTypes(field.accept) });
  return [];
}

/**
 * Uploads. The no-JS post sends the chosen files under the field name (`<input type="file"
 * name="photos" multiple>`; an empty input posts a nameless, empty file, which is ignored)
 * and keeps earlier uploads with hidden inputs carrying their ids (`name="photos"
 * value="<id>"`); `parseSubmission` swaps those ids for the saved file records.
 * The MIME type is the browser's claim: the server must check the content before storing.
 */
export const fileModule: FieldModule<FileField, FileValue[]> = {
  type: "file",
  schema(field) {
    return ruleSchema<FileValue[]>((input) => {
      const list = input === undefined || input === null ? [] : input;
      if (!Array.isArray(list)) return { ok: false, issues: [{ key: errorKey("invalid") }] };
      if (list.length === 0)
        return field.required ? { ok: false, issues: [{ key: errorKey("file.required") }] } : ok(undefined);
      if (list.length > field.maxFiles)
        return { ok: false, issues: [{ key: errorKey("file.tooMany"), params: { max: field.maxFiles } }] };
      const issues = list.flatMap((item, index) => checkFile(field, item, index));
      if (issues.length > 0) return { ok: false, issues };
      return ok(list.map((item) => copyFile(item as FileValue)));
    });
  },
  fromFormData(_field, raw) {
    if (raw === undefined) return [];
    const list = Array.isArray(raw) ? raw : [raw];
    const out: unknown[] = [];
    for (const item of list) {
      if (isBlob(item)) {
        const name = "name" in item && typeof item.name === "string" ? item.name : "";
        if (name === "" && item.size === 0) continue; // the empty file input
        out.push({ name, size: item.size, type: item.type, blob: item });
      } else if (typeof item === "string") {
        if (item !== "") out.push({ id: item });
      } else if (item !== undefined) {
        out.push(item);
      }
    }
    return out;
  },
  /** Only stored uploads can be posted again (by id); a fresh upload has to be chosen again. */
  toFormEntries: (_field, value, name) =>
    (value ?? []).flatMap((f): [string, string][] => (f.id ? [[name, f.id]] : [])),
  defaultValue: () => [],
  toText: (_field, value) => (value ?? []).map((f) => f.name).join(", "),
  pdf: {
    fields: (field, name) => [{ name, kind: "multiline", labelKey: field.labelKey, attachment: true }],
    values: (_field, value, _t, name) => (value === undefined ? {} : { [name]: value.map((f) => f.name).join("\n") }),
  },
  errorCodes: () => CODES,
  keys: (field) => [...ownKeys(field), ...errorKeys(CODES)],
};

function copyFile(item: FileValue): FileValue {
  return {
    name: item.name,
    size: item.size,
    type: item.type,
    ...(item.id !== undefined ? { id: item.id } : {}),
    ...(item.blob !== undefined ? { blob: item.blob } : {}),
  };
}
