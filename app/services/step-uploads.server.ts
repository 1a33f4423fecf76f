import { describeTypes } from "../../forms/fields/file";
import { formatBytes } from "../../forms/format";
import { errorKey } from "../../forms/keys";
import type { FieldErrors, FileField, FileValue, FormValues } from "../../forms/types";
import { audit } from "~/platform/audit.server";
import { prepared } from "~/db-prepared.server";
import { withoutWaitingForDisk } from "~/db-durable.server";
import { writeAllOrNone } from "./file-store.server";
import {
  checkUpload,
  checkUploadQuota,
  dropUploadFile,
  publishUploadFile,
  recordUpload,
  writeUploadFile,
} from "./uploads.server";

export interface StepUploads {
  /** Per field handled: the kept uploads and the new ones now stored, in posted order; refused files left out. */
  lists: Record<string, FileValue[]>;
  /** Content checks (`<field>.<index>`) and the quota (`<field>`) that refused files. */
  errors: FieldErrors;
  /** Draft uploads of the handled fields that the post no longer keeps: deleted once the draft is saved. */
  replaced: string[];
  /** The fields where new files were stored. */
  storedIn: string[];
  /** `alongside` ran inside the rows' transaction: what it wrote committed with them (decision 161). */
  committedAlongside: boolean;
}

/**
 * better-sqlite3's own transaction (BEGIN IMMEDIATE, COMMIT, as every transaction of the portal,
 * decision 173; a savepoint when nested), made once per connection.
 */
const inTransaction = () =>
  prepared("uploads.transaction", (d) => d.$client.transaction(<T>(write: () => T): T => write()).immediate) as <T>(
    write: () => T,
  ) => T;

/**
 * The file part of a step post (decision 123). Each new file (one with its bytes) is checked by
 * its content on its own; those that pass are stored together if the owner's quotas take them
 * all (the quota is one answer for the post: above it nothing is stored), each one encrypted and
 * made durable off the event loop under a pending name, then recorded and audited in one commit,
 * then given its name (decision 137). A file refused by its content never keeps the others from
 * being stored, so a post refused for any reason keeps the files that were fine.
 *
 * `alongside`, when given, runs inside the rows' transaction, after them, with the fields' lists
 * as they are stored, but only when every new file was stored (no content check and no quota
 * refused one) and there was at least one: the step's working copy then commits with its files'
 * rows, one commit instead of two (decision 161). A throw rolls the rows back and removes the
 * pending files. When it did not run, `committedAlongside` is false and the caller saves as before.
 */
export async function storeStepUploads(
  owner: { ownerKey: string; formId: string },
  fields: FileField[],
  posted: Record<string, FileValue[] | undefined>,
  saved: FormValues,
  alongside?: (lists: Record<string, FileValue[]>) => void,
): Promise<StepUploads> {
  const errors: FieldErrors = {};
  const lists: Record<string, (FileValue | null)[]> = {};
  const checked: { field: FileField; index: number; bytes: Uint8Array; mime: string; name: string }[] = [];
  for (const f of fields) {
    const list = posted[f.name] ?? [];
    lists[f.name] = [...list];
    for (const [index, file] of list.entries()) {
      if (!file.blob) continue;
      const bytes = new Uint8Array(await file.blob.arrayBuffer());
      const check = await checkUpload(bytes, f);
      if (check.ok) {
        checked.push({ field: f, index, bytes, mime: check.mime, name: file.name });
        continue;
      }
      errors[`${f.name}.${index}`] = {
        key: errorKey(check.code),
        params: { name: file.name.slice(0, 100), types: describeTypes(f.accept) },
      };
      lists[f.name]![index] = null;
    }
  }
  // Files the post drops from its fields (replaced or left out) do not count against the draft.
  const replaced = fields.flatMap((f) => {
    const kept = new Set((posted[f.name] ?? []).map((x) => x.id).filter(Boolean));
    return ((saved[f.name] as FileValue[] | undefined) ?? [])
      .map((x) => x.id)
      .filter((id): id is string => Boolean(id) && !kept.has(id));
  });
  // The files are written first, off the event loop, under their pending names; the quota check
  // and the rows follow in one synchronous stretch, so two posts of one owner cannot both pass
  // the quota while their files are written (decision 137).
  const written = await writeAllOrNone(
    checked.map((i) => writeUploadFile(i.bytes)),
    dropUploadFile,
  );
  let quota: ReturnType<typeof checkUploadQuota>;
  let committedAlongside = false;
  try {
    quota = checkUploadQuota({
      ownerKey: owner.ownerKey,
      formId: owner.formId,
      incoming: checked.map((i) => i.bytes.byteLength),
      replacing: replaced,
    });
    if (quota) {
      errors[checked[0]!.field.name] ??= {
        key: errorKey(quota.code),
        params: { max: quota.code === "file.quotaDraftBytes" ? formatBytes(quota.max) : quota.max },
      };
      for (const item of checked) lists[item.field.name]![item.index] = null;
      written.forEach(dropUploadFile);
    } else if (checked.length > 0) {
      // The rows and their audit rows commit together, like the working copy they belong to,
      // without waiting for the disk (decision 121); their files were durable before.
      withoutWaitingForDisk(() =>
        inTransaction()(() => {
          for (const [n, item] of checked.entries()) {
            const stored = recordUpload(
              {
                bytes: item.bytes,
                mime: item.mime,
                originalName: item.name,
                ownerKey: owner.ownerKey,
                formId: owner.formId,
                field: item.field.name,
              },
              written[n]!,
            );
            lists[item.field.name]![item.index] = stored;
            audit({
              actor: null,
              action: "upload.stored",
              subjectType: "case_attachment",
              subjectId: stored.id,
              details: { formId: owner.formId, field: item.field.name, size: stored.size, type: stored.type },
            });
          }
          if (alongside && Object.keys(errors).length === 0) {
            alongside(storedLists(lists));
            committedAlongside = true;
          }
        }),
      );
    }
  } catch (error) {
    written.forEach(dropUploadFile);
    throw error;
  }
  // The rows have committed: only now do the files get their names. A kill before this line
  // leaves pending files with rows, which the next start-up publishes (finishPendingUploads).
  if (!quota) written.forEach(publishUploadFile);
  const storedIn = quota ? [] : [...new Set(checked.map((i) => i.field.name))];
  return { lists: storedLists(lists), errors, replaced, storedIn, committedAlongside };
}

/** Each field's files with the refused ones left out. */
function storedLists(lists: Record<string, (FileValue | null)[]>): Record<string, FileValue[]> {
  const out: Record<string, FileValue[]> = {};
  for (const [name, list] of Object.entries(lists)) out[name] = list.filter((x): x is FileValue => x !== null);
  return out;
}
