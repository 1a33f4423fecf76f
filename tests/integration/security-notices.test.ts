import { eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { staffUser } from "../../db/schema/index";
import { DEV_STAFF_PASSWORD, seedStaffUsers } from "../../db/seed/content/staff";
import { changePassword, checkTotp, enrolmentFor, resetStaffUser } from "~/auth/staff.server";
import { db, prepareDatabase } from "~/db.server";
import { resetEnvForTests } from "~/env.server";
import { drainReceiptMails } from "~/platform/mail.server";
import { startSmtpCapture, type SmtpCapture } from "./smtp-harness";

// ASVS 2.2.3, 2.5.5, 2.8.5: a staff member is mailed (real SMTP on 127.0.0.1, as in
// review-reminders.test.ts) after a password change or reset, a new authenticator app and a
// refused replayed code; the mail names the event and the time, never a secret.

let server: SmtpCapture;

beforeAll(async () => {
  server = await startSmtpCapture();
  process.env.SMTP_URL = server.url;
  resetEnvForTests();
  prepareDatabase();
});
afterAll(async () => {
  await server.close();
  delete process.env.SMTP_URL;
  resetEnvForTests();
});
beforeEach(() => {
  server.mails.length = 0;
});

const row = (username: string) => db().select().from(staffUser).where(eq(staffUser.username, username)).get()!;

async function mails(count: number): Promise<ParsedMail[]> {
  await drainReceiptMails();
  for (let i = 0; i < 50 && server.mails.length < count; i++) await new Promise((r) => setTimeout(r, 20));
  return server.mails;
}

function expectNoSecrets(mail: ParsedMail, secrets: string[]) {
  for (const secret of secrets) expect(mail.text ?? "").not.toContain(secret);
  expect(mail.text ?? "").not.toMatch(/https?:\/\//);
}

describe("security notices to staff (ASVS 2.2.3, 2.5.5, 2.8.5)", () => {
  it("a password change is mailed to the staff member, without the password", async () => {
    const next = "ett nytt och långt lösenord vid Vänern";
    expect(await changePassword(row("handlaggare.amal").id, DEV_STAFF_PASSWORD, next)).toMatchObject({ ok: true });
    const [mail] = await mails(1);
    expect(server.mails).toHaveLength(1);
    expect(mail!.to && !Array.isArray(mail!.to) && mail!.to.text).toBe(row("handlaggare.amal").email);
    expect(mail!.subject).toBe("Ditt lösenord har bytts");
    expect(mail!.text).toContain("Var det inte du?");
    expectNoSecrets(mail!, [next, DEV_STAFF_PASSWORD]);
  });

  it("an admin's reset and the new authenticator app at the next login are mailed, without the temporary password or secret", async () => {
    const user = row("redaktor.portal");
    const temporary = await resetStaffUser(user.id);
    const { secret } = await enrolmentFor(user.id);
    const code = new OTPAuth.TOTP({
      secret: OTPAuth.Secret.fromBase32(secret),
      digits: 6,
      period: 30,
      algorithm: "SHA1",
    }).generate();
    expect(checkTotp(user.id, code, "en")).toEqual({ ok: true });
    await mails(2);
    expect(server.mails.map((m) => m.subject).sort()).toEqual([
      "A new one-time code app is connected",
      "Ditt konto har återställts",
    ]);
    for (const mail of server.mails) expectNoSecrets(mail, [temporary, secret, code]);
  });

  it("a replayed one-time code is refused, logged and mailed", async () => {
    const seeded = seedStaffUsers.find((u) => u.username === "admin.portal")!;
    const user = row("admin.portal");
    const code = new OTPAuth.TOTP({
      secret: OTPAuth.Secret.fromBase32(seeded.totpSecret!),
      digits: 6,
      period: 30,
      algorithm: "SHA1",
    }).generate();
    expect(checkTotp(user.id, code)).toEqual({ ok: true });
    expect(server.mails).toHaveLength(0);
    expect(checkTotp(user.id, code)).toMatchObject({ ok: false });
    const [mail] = await mails(1);
    expect(mail!.subject).toBe("En engångskod användes två gånger");
    expect(mail!.text).toContain("Inloggningen nekades");
    expectNoSecrets(mail!, [code, seeded.totpSecret!]);
    // A plainly wrong code is a failure, not a replay: no mail.
    server.mails.length = 0;
    expect(checkTotp(user.id, "000000")).toMatchObject({ ok: false });
    await mails(1);
    expect(server.mails).toHaveLength(0);
  });
});
