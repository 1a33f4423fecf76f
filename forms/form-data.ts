/**
 * The naming convention of the plain (no-JavaScript) form post, and the reader that turns
 * its entries into a tree the field modules can coerce.
 *
 *   text, number, date, email …   `name`                      one value
 *   choice (radio or select)      `name` = option value
 *   yesno                         `name` = "yes" | "no"       (a lone checkbox posting "on" = yes)
 *   multichoice                   `name` = option value, once per ticked box (the key repeats)
 *   address                       `name.street`, `name.postalCode`, `name.town`
 *   file                          `name` = File (one entry per file, `multiple` allowed);
 *                                 `name` = "<upload id>" keeps an earlier upload
 *   group ("add another")         `name[0].child`, `name[1].child` … (0-based; gaps allowed)
 *                                 compound child: `name[0].child.street`
 *   control values                anything starting with "_" (`_csrf`, `_action`) is not an
 *                                 answer: returned apart, never validated
 *   "add another" without JS      a submit button `_action=add:<group>` or
 *                                 `_action=remove:<group>:<index>` (see `groupAction`): the
 *                                 route re-renders the step with a row more or less instead
 *                                 of moving on
 *
 * `name.0.child` is read like `name[0].child`, because that is the name react-hook-form's
 * `register` gives group inputs; `inputName` writes the bracket form.
 *
 * Error paths and DOM ids use the dotted form: "witnesses.0.witnessName",
 * id "field-witnesses-0-witnessName" (see `fieldDomId`).
 */
import { rawLengthCeiling, type RawObject, type RawValue } from "./fields/module";
import { TEXTAREA_MAX_CEILING } from "./fields/textarea";

export type FormEntry = [string, FormDataEntryValue];
export type FormEntries = Iterable<FormEntry>;

/** Bounds that keep a hostile post from costing much. */
export const MAX_ENTRIES = 2_000;
export const MAX_NAME_LENGTH = 200;
/**
 * No posted string is kept longer than this, whatever its name: the raw ceiling of the
 * longest field there is. Cut to one more character, so it stays "too long" (decision 040).
 */
export const MAX_VALUE_LENGTH = rawLengthCeiling(TEXTAREA_MAX_CEILING);
/** Group indexes must be below this (also bounds sparse arrays). */
export const MAX_INDEX = 100;

const IDENT = /^[a-zA-Z][a-zA-Z0-9]*$/;

export type PathSegment = string | number;

/** "witnesses[0].address.street" → ["witnesses", 0, "address", "street"]; null if malformed. */
export function parseInputName(name: string): PathSegment[] | null {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return null;
  const segments: PathSegment[] = [];
  // "[" cannot occur inside an index token, so no token scans past the next bracket (linear).
  const tokens = name.match(/[^.[\]]+|\[[^[\]]*\]|\./g);
  if (!tokens || tokens.join("") !== name) return null;
  let expectName = true; // after start or "."
  let previous: "start" | "dot" | "name" | "index" = "start";
  for (const token of tokens) {
    if (token === ".") {
      if (previous === "start" || previous === "dot") return null;
      previous = "dot";
      expectName = true;
      continue;
    }
    if (token.startsWith("[")) {
      if (previous !== "name" && previous !== "index") return null;
      const index = token.slice(1, -1);
      if (!/^\d{1,3}$/.test(index) || Number(index) >= MAX_INDEX) return null;
      segments.push(Number(index));
      previous = "index";
      expectName = false;
      continue;
    }
    if (!expectName) return null;
    if (/^\d+$/.test(token) && previous === "dot") {
      if (token.length > 3 || Number(token) >= MAX_INDEX) return null;
      segments.push(Number(token));
    } else if (IDENT.test(token)) {
      segments.push(token);
    } else {
      return null;
    }
    previous = "name";
    expectName = false;
  }
  if (previous === "dot" || typeof segments[0] !== "string") return null;
  return segments;
}

/** ["witnesses", 0, "witnessName"] → "witnesses[0].witnessName" (the name attribute). */
export function inputName(path: readonly PathSegment[] | string): string {
  const segments = typeof path === "string" ? path.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : path;
  return segments.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/** "witnesses.0.witnessName" → "field-witnesses-0-witnessName" (id of the input, error links). */
export function fieldDomId(path: string): string {
  const id = path.replace(/[.[\]]+/g, "-");
  let end = id.length;
  while (end > 0 && id[end - 1] === "-") end--; // not /-+$/, which backtracks on a run of dashes
  return `field-${id.slice(0, end)}`;
}

export interface FormDataTree {
  /** Answers arranged by path. Objects have no prototype (no `__proto__` tricks). */
  values: RawObject;
  /** `_`-prefixed entries (CSRF token, which button was pressed …). Last one wins. */
  control: Record<string, string>;
  /** Names that are malformed or clash with another name's shape. */
  rejected: string[];
  /** More than MAX_ENTRIES entries were posted; the rest were not read. */
  truncated: boolean;
}

function node(): RawObject {
  return Object.create(null) as RawObject;
}

/**
 * Arranges form entries by the naming convention above. Never throws. A repeated name
 * becomes an array of its values in post order.
 */
export function readFormEntries(entries: FormEntries): FormDataTree {
  const values = node();
  const control = Object.create(null) as Record<string, string>;
  const rejected: string[] = [];
  const indexed = new WeakSet<RawValue[]>();
  let count = 0;
  let truncated = false;
  for (const entry of entries as Iterable<unknown>) {
    if (++count > MAX_ENTRIES) {
      truncated = true;
      break;
    }
    // Entries may come from anywhere (a JSON array too): check their shape.
    if (!Array.isArray(entry) || entry.length !== 2) {
      rejected.push("?");
      continue;
    }
    const [name, posted] = entry as [unknown, unknown];
    const value =
      typeof posted === "string" && posted.length > MAX_VALUE_LENGTH ? posted.slice(0, MAX_VALUE_LENGTH + 1) : posted;
    if (typeof name !== "string" || (typeof value !== "string" && !isBlobLike(value))) {
      rejected.push(typeof name === "string" ? name.slice(0, MAX_NAME_LENGTH) : "?");
      continue;
    }
    if (name.startsWith("_")) {
      if (typeof value === "string" && name.length <= MAX_NAME_LENGTH) control[name] = value;
      continue;
    }
    const path = parseInputName(name);
    if (!path || !place(values, path, value as string | Blob, indexed)) rejected.push(name.slice(0, MAX_NAME_LENGTH));
  }
  return { values, control, rejected, truncated };
}

type Container = RawObject | RawValue[];

/**
 * Two kinds of arrays appear: those made for `[i]` segments (group items, in `indexed`)
 * and those collecting a repeated name's values. A name that would mix them, or put a
 * value where another name put a branch, is refused.
 */
function place(root: RawObject, path: PathSegment[], value: string | Blob, indexed: WeakSet<RawValue[]>): boolean {
  let container: Container = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const isIndex = typeof key === "number";
    if (isIndex !== (Array.isArray(container) && indexed.has(container))) return false;
    const existing = getOwn(container, key);
    if (i === path.length - 1) {
      if (existing === undefined) setOwn(container, key, value);
      else if (Array.isArray(existing) && !indexed.has(existing)) existing.push(value);
      else if (typeof existing === "string" || isBlobLike(existing)) setOwn(container, key, [existing, value]);
      else return false;
      return true;
    }
    const wantIndexed = typeof path[i + 1] === "number";
    if (existing === undefined) {
      const child: Container = wantIndexed ? [] : node();
      if (Array.isArray(child)) indexed.add(child);
      setOwn(container, key, child);
      container = child;
    } else if (wantIndexed && Array.isArray(existing) && indexed.has(existing)) {
      container = existing;
    } else if (!wantIndexed && isTreeNode(existing)) {
      container = existing;
    } else {
      return false;
    }
  }
  return false;
}

function isBlobLike(value: unknown): boolean {
  return typeof Blob !== "undefined" && value instanceof Blob;
}

function isTreeNode(value: unknown): value is RawObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isBlobLike(value);
}

function getOwn(container: Container, key: PathSegment): RawValue {
  if (Array.isArray(container)) return typeof key === "number" ? container[key] : undefined;
  return Object.prototype.hasOwnProperty.call(container, key) ? container[key as string] : undefined;
}

function setOwn(container: Container, key: PathSegment, value: RawValue): void {
  if (Array.isArray(container)) container[key as number] = value;
  else container[key as string] = value;
}

export type GroupAction = { kind: "add"; group: string } | { kind: "remove"; group: string; index: number };

/** Reads the "add another" / "remove" buttons of a no-JS group (`_action` control value). */
export function groupAction(control: Record<string, string>): GroupAction | null {
  const action = control._action;
  if (action === undefined) return null;
  const add = /^add:([a-zA-Z][a-zA-Z0-9]*)$/.exec(action);
  if (add) return { kind: "add", group: add[1]! };
  const remove = /^remove:([a-zA-Z][a-zA-Z0-9]*):(\d{1,2})$/.exec(action);
  if (remove) return { kind: "remove", group: remove[1]!, index: Number(remove[2]) };
  return null;
}
