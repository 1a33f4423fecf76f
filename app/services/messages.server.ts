import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { caseTable, message, messageAttachment } from "../../db/schema/index";
import { db } from "~/db.server";
import { commitDurably } from "~/db-durable.server";
import { inIds } from "~/db-prepared.server";
import { getVisibleCase, type ResidentViewer } from "./case-access.server";
import { decrypt, encrypt } from "~/platform/crypto.server";
import { caseRecipients, kickNotificationDelivery, recordNotification } from "./notifications.server";
import { checkUpload, displayName, uploadsDir, type UploadRules } from "./uploads.server";
import {
  publishPendingFile,
  readStoredFile,
  removePendingFile,
  writeAllOrNone,
  writePendingFile,
} from "./file-store.server";

/**
 * Messages between an applicant and the officer, two-way, with attachments. The back office
 * (feat/permits) calls `sendMessageToApplicant` and `listMessages({ caseId, audience: "staff" })`
 * after its own `requireStaff(request, "case.read" | "case.handle", scope)` for the case;
 * residents reach the same messages only through a case they may see.
 */

export const MESSAGE_MAX_LENGTH = 5_000;
export const MESSAGE_UPLOAD_RULES: UploadRules = {
  maxBytes: 10 * 1024 * 1024,
  accept: ["application/pdf", "image/jpeg", "image/png", "text/plain"],
};
export const MESSAGE_MAX_FILES = 3;

export interface NewMessageFile {
  name: string;
  bytes: Uint8Array;
}

export interface MessageView {
  id: number;
  sender: "applicant" | "officer";
  body: string;
  createdAt: string;
  readAt: string | null;
  attachments: { publicId: string; name: string; size: number; mime: string }[];
}

export type MessageError = { field: "body" | "files"; code: string };

export class MessageRejected extends Error {
  constructor(readonly errors: MessageError[]) {
    super("message rejected");
  }
}

/** Checks a message before anything is written; throws MessageRejected with field codes. */
async function checkMessage(body: string, files: NewMessageFile[]) {
  const errors: MessageError[] = [];
  const text = body.trim();
  if (!text) errors.push({ field: "body", code: "required" });
  else if (text.length > MESSAGE_MAX_LENGTH) errors.push({ field: "body", code: "tooLong" });
  if (files.length > MESSAGE_MAX_FILES) errors.push({ field: "files", code: "tooMany" });
  const checked: { file: NewMessageFile; mime: string }[] = [];
  for (const file of files.slice(0, MESSAGE_MAX_FILES)) {
    const result = await checkUpload(file.bytes, MESSAGE_UPLOAD_RULES);
    if (!result.ok) errors.push({ field: "files", code: result.code });
    else checked.push({ file, mime: result.mime });
  }
  if (errors.length > 0) throw new MessageRejected(errors);
  return { text, checked };
}

/** The rows of a message and its attachments (their files already durable); inside the caller's transaction. */
function insertMessageRows(input: {
  caseId: number;
  sender: "applicant" | "officer";
  authorPersonId: number | null;
  authorStaffId: number | null;
  text: string;
  files: { file: NewMessageFile; mime: string; storedName: string }[];
  now: Date;
}): number {
  const d = db();
  const row = d
    .insert(message)
    .values({
      caseId: input.caseId,
      sender: input.sender,
      authorPersonId: input.authorPersonId,
      authorStaffId: input.authorStaffId,
      body: encrypt(input.text),
      createdAt: input.now.toISOString(),
    })
    .returning({ id: message.id })
    .get();
  for (const f of input.files) {
    d.insert(messageAttachment)
      .values({
        publicId: randomBytes(16).toString("base64url"),
        messageId: row.id,
        originalName: displayName(f.file.name),
        storedName: f.storedName,
        size: f.file.bytes.byteLength,
        mime: f.mime,
        sha256: createHash("sha256").update(f.file.bytes).digest("hex"),
      })
      .run();
  }
  return row.id;
}

/**
 * A message sent by a person, who waits for it (docs/decisions/150): its files are written ahead
 * of their rows under their pending names and made durable on libuv's threads (decision 137);
 * then the rows (and, with `notifyRecipients`, the notification) commit in one transaction whose
 * fsync runs off the event loop (`commitDurably`, 146); only after it are the files given their
 * names and the caller answered. A kill at any point leaves no named file without its row and
 * no row without its bytes (pending files of committed rows are published at start-up).
 */
async function sendMessage(
  input: Omit<Parameters<typeof insertMessageRows>[0], "files"> & {
    files: { file: NewMessageFile; mime: string }[];
    notifyRecipients?: () => string[];
    /** More rows of the same commit (the route's audit row, decision 163). */
    alsoInCommit?: () => void;
  },
): Promise<number> {
  const dir = uploadsDir();
  const stored = await writeAllOrNone(
    input.files.map(async (f) => {
      const storedName = randomBytes(16).toString("hex");
      await writePendingFile(dir, storedName, f.file.bytes, { randomName: true });
      return { ...f, storedName };
    }),
    (f) => removePendingFile(dir, f.storedName),
  );
  let deliveries = 0;
  let id: number;
  try {
    id = await commitDurably(() => {
      const messageId = insertMessageRows({ ...input, files: stored });
      if (input.notifyRecipients)
        deliveries = recordNotification({
          recipients: input.notifyRecipients(),
          caseId: input.caseId,
          kind: "message",
          now: input.now,
        });
      input.alsoInCommit?.();
      return messageId;
    });
  } catch (error) {
    // Rolled back: the pending files are nobody's. Committed but its fsync failed: the rows name
    // them, so they stay pending (readable; published by the next start-up or clean-up).
    for (const f of stored) if (!hasAttachmentRow(f.storedName)) removePendingFile(dir, f.storedName);
    throw error;
  }
  for (const f of stored) publishPendingFile(dir, f.storedName);
  if (deliveries > 0) kickNotificationDelivery();
  return id;
}

function hasAttachmentRow(storedName: string): boolean {
  return (
    db()
      .select({ id: messageAttachment.id })
      .from(messageAttachment)
      .where(eq(messageAttachment.storedName, storedName))
      .get() !== undefined
  );
}

/**
 * Everyone on the resident side of a case, as register hmacs: the parties recorded at
 * submission (applicant, co-guardians) and the applicant's person row.
 */
export function residentRecipients(caseId: number): string[] {
  return caseRecipients(caseId);
}

/**
 * For the back office: the officer writes to the applicant. The caller has already checked
 * requireStaff(request, "case.handle", scope of the case). Notifies the applicant's side.
 */
export async function sendMessageToApplicant(input: {
  caseId: number;
  staffUserId: number;
  body: string;
  files?: NewMessageFile[];
  /** False when the status change that goes with the message has already notified (decision 079). */
  notify?: boolean;
  now?: Date;
  /** Written in the message's commit (the officer's audit row, decision 163). */
  alsoInCommit?: () => void;
}): Promise<{ id: number }> {
  const { text, checked } = await checkMessage(input.body, input.files ?? []);
  const exists = db().select({ id: caseTable.id }).from(caseTable).where(eq(caseTable.id, input.caseId)).get();
  if (!exists) throw new Error(`No case ${input.caseId}`);
  const id = await sendMessage({
    caseId: input.caseId,
    sender: "officer",
    authorPersonId: null,
    authorStaffId: input.staffUserId,
    text,
    files: checked,
    now: input.now ?? new Date(),
    // The applicant's side is told in the message's commit (decision 150).
    ...(input.notify !== false ? { notifyRecipients: () => residentRecipients(input.caseId) } : {}),
    alsoInCommit: input.alsoInCommit,
  });
  return { id };
}

/**
 * A message to the applicant from the municipality's case-management system (the callback,
 * docs/decisions/034): shown on Mina sidor as from the administration, with no staff author.
 * Synchronous so that it can share the callback's transaction; the caller notifies after commit.
 */
export function insertSystemMessageToApplicant(input: { caseId: number; body: string; now: Date }): number {
  const text = input.body.trim();
  if (!text || text.length > MESSAGE_MAX_LENGTH)
    throw new MessageRejected([{ field: "body", code: text ? "tooLong" : "required" }]);
  return insertMessageRows({
    caseId: input.caseId,
    sender: "officer",
    authorPersonId: null,
    authorStaffId: null,
    text,
    files: [],
    now: input.now,
  });
}

/** The resident writes to the officer in a case they may see; undefined when they may not. */
export async function sendMessageToOfficer(input: {
  reference: string;
  viewer: ResidentViewer;
  body: string;
  files?: NewMessageFile[];
  now?: Date;
}): Promise<{ id: number; caseId: number } | undefined> {
  const c = getVisibleCase({ reference: input.reference, viewer: input.viewer });
  if (!c) return undefined;
  const { text, checked } = await checkMessage(input.body, input.files ?? []);
  const id = await sendMessage({
    caseId: c.id,
    sender: "applicant",
    authorPersonId: input.viewer.personId,
    authorStaffId: null,
    text,
    files: checked,
    now: input.now ?? new Date(),
  });
  return { id, caseId: c.id };
}

function toViews(caseId: number): MessageView[] {
  const rows = db()
    .select()
    .from(message)
    .where(eq(message.caseId, caseId))
    .orderBy(asc(message.createdAt), asc(message.id))
    .all();
  const files = rows.length
    ? db()
        .select()
        .from(messageAttachment)
        .where(
          inArray(
            messageAttachment.messageId,
            rows.map((r) => r.id),
          ),
        )
        .all()
    : [];
  return rows.map((r) => ({
    id: r.id,
    sender: r.sender as MessageView["sender"],
    body: decrypt(r.body),
    createdAt: r.createdAt,
    readAt: r.readAt,
    attachments: files
      .filter((f) => f.messageId === r.id)
      .map((f) => ({ publicId: f.publicId, name: f.originalName, size: f.size, mime: f.mime })),
  }));
}

export type ListMessagesInput =
  /** The caller has checked requireStaff for this case. */
  | { caseId: number; audience: "staff"; markReadAt?: Date }
  | { reference: string; audience: "resident"; viewer: ResidentViewer; markReadAt?: Date };

/**
 * Messages of a case, oldest first. Opening them marks the other side's messages as read
 * (markReadAt). For residents returns undefined when the case is not theirs.
 */
export function listMessages(input: ListMessagesInput): MessageView[] | undefined {
  let caseId: number;
  if (input.audience === "staff") caseId = input.caseId;
  else {
    const c = getVisibleCase({ reference: input.reference, viewer: input.viewer });
    if (!c) return undefined;
    caseId = c.id;
  }
  if (input.markReadAt) {
    const fromOtherSide = input.audience === "staff" ? "applicant" : "officer";
    db()
      .update(message)
      .set({ readAt: input.markReadAt.toISOString() })
      .where(and(eq(message.caseId, caseId), eq(message.sender, fromOtherSide), isNull(message.readAt)))
      .run();
  }
  return toViews(caseId);
}

/** A message attachment for download, only within a case the viewer may see (or for staff after their guard). */
export function getMessageAttachment(
  input:
    | { publicId: string; reference: string; audience: "resident"; viewer: ResidentViewer }
    | { publicId: string; caseId: number; audience: "staff" },
) {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(input.publicId)) return undefined;
  let caseId: number;
  if (input.audience === "staff") caseId = input.caseId;
  else {
    const c = getVisibleCase({ reference: input.reference, viewer: input.viewer });
    if (!c) return undefined;
    caseId = c.id;
  }
  const row = db()
    .select({ a: messageAttachment })
    .from(messageAttachment)
    .innerJoin(message, eq(message.id, messageAttachment.messageId))
    .where(and(eq(messageAttachment.publicId, input.publicId), eq(message.caseId, caseId)))
    .get();
  if (!row) return undefined;
  return {
    name: row.a.originalName,
    mime: row.a.mime,
    size: row.a.size,
    bytes: readStoredFile(uploadsDir(), row.a.storedName),
  };
}

/** Unread officer messages across the viewer's cases (for "waiting for me"). */
export function unreadOfficerMessages(caseIds: number[]): Map<number, number> {
  if (caseIds.length === 0) return new Map();
  const rows = db()
    .select({ caseId: message.caseId })
    .from(message)
    .where(and(inIds(message.caseId, caseIds), eq(message.sender, "officer"), isNull(message.readAt)))
    .all();
  const out = new Map<number, number>();
  for (const r of rows) out.set(r.caseId, (out.get(r.caseId) ?? 0) + 1);
  return out;
}
