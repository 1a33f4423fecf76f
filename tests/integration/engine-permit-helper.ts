import { randomBytes } from "node:crypto";
import type { ResidentUser } from "~/auth/guards.server";
import { submitPermitAnswers } from "~/services/building-permits.server";
import { actingForOf, personOwnerKey } from "~/services/eservice-session.server";
import { storeUpload } from "~/services/uploads.server";

const PDF = (name: string) => Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

/**
 * Files a bygglov case the way the engine's `bygglov` submit handler does (decision 110: the
 * bygglov pages and their draft store are gone): drawings stored under the engine's owner key of
 * the person × party, the answers of bygglov-ansokan, sent unsigned (the signature is
 * engine-permit-signing.test's). Default: a façade change with one drawing.
 */
export async function fileEnginePermit(
  user: ResidentUser,
  answers: Record<string, unknown> & { fastighetsbeteckning: string },
  drawings: Record<string, string> = { fasadritningar: "fasad.pdf" },
  opts: { lang?: "sv" | "en"; now?: Date } = {},
) {
  const ownerKey = personOwnerKey(user.personId, actingForOf(user));
  const files = Object.fromEntries(
    Object.entries(drawings).map(([field, name]) => {
      const stored = storeUpload({
        bytes: PDF(name),
        mime: "application/pdf",
        originalName: name,
        ownerKey,
        formId: "bygglov-ansokan",
        field,
      });
      return [field, [stored]];
    }),
  );
  return submitPermitAnswers({
    user,
    lang: opts.lang ?? "sv",
    answers: {
      isOwner: true,
      measureType: "fasadandring",
      description: "Byte av fasadpanel och fönster på bostadshuset.",
      ...files,
      ...answers,
    } as never,
    ownerKey,
    idempotencyKey: randomBytes(8).toString("hex"),
    formVersion: 4,
    ...(opts.now ? { now: opts.now } : {}),
  });
}
