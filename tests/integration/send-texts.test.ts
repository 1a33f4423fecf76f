import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { administration, municipality } from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { env, resetEnvForTests } from "~/env.server";
import { definitionDocuments, formDefinitions } from "../../forms/definitions/index";
import { optionLabel } from "../../forms/fields/choice";
import { translatorFor } from "../../forms/keys";
import { scopeFields } from "../../forms/schema";
import type { FormDefinition, FormValues } from "../../forms/types";
import { getFixedT, setDefinitionTexts, textTemplate, translatedOnce } from "~/i18n/i18n.server";
import { drainReceiptMails, receiptTexts, sendReceiptMail, type ReceiptMail } from "~/platform/mail.server";
import { envelopeOf, messageIdFor } from "~/platform/mail-thread.mjs";
import { buildSearchText, caseTypeTitles, diariumSearchText } from "~/services/diarium-text.server";
import { maskEntry } from "~/services/diarium-rules";
import { diariumSubject } from "~/services/forms.server";
import { startSmtpCapture, type SmtpCapture } from "./smtp-harness";

/**
 * Decision 151: what the send translated and looked up on every send is translated once per
 * language and prepared once per connection, with the same texts, the same mail bytes (ids and
 * dates aside) and the same diarium search text as before.
 */
let smtp: SmtpCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  resetEnvForTests();
  prepareDatabase();
});

afterAll(async () => {
  await drainReceiptMails();
  await smtp.close();
});

/** The receipt's texts as sendReceiptMail made them before 151: i18next on every send. */
function receiptTextsBefore(mail: Omit<ReceiptMail, "to">) {
  const t = getFixedT(mail.lang, "eservice");
  const params = {
    reference: mail.reference,
    form: mail.formTitle,
    municipality: mail.municipality,
    days: mail.processingDays,
    url: mail.receiptUrl,
  };
  return {
    subject: t("mail.subject", params),
    text: [
      t("mail.greeting"),
      "",
      t("mail.body", params),
      "",
      t("mail.next", params),
      "",
      ...(mail.receiptText ? [mail.receiptText, ""] : []),
      t("mail.link", params),
      "",
      t("mail.signature"),
    ].join("\n"),
  };
}

const mails: ReceiptMail[] = [
  {
    to: "anna@example.se",
    reference: "AML-2026-000901",
    formTitle: "Felanmälan gata och park",
    municipality: "Åmål",
    processingDays: 5,
    receiptUrl: "https://portal.example.se/blanketter/felanmalan-gata-park/kvitto/AML-2026-000901",
    lang: "sv",
  },
  {
    to: "cilla@example.se",
    reference: "FBG-2026-000002",
    formTitle: "Report a street fault",
    municipality: "Färgelanda",
    processingDays: 14,
    receiptUrl: "https://portal.example.se/blanketter/felanmalan-gata-park/kvitto/FBG-2026-000002",
    receiptText: "Call us if it is urgent.",
    lang: "en",
  },
  {
    to: "bo@example.se",
    reference: "MEL-2026-000017",
    // Values that look like i18next syntax are put in as they are, never read again.
    formTitle: "Report {{reference}} $t(mail.greeting) & <b>",
    municipality: "Mellerud {{days}}",
    processingDays: 0,
    receiptUrl: "https://portal.example.se/x?a=1&b={{url}}",
    receiptText: "Ring oss på 0530-180 00 om det brådskar.",
    lang: "en",
  },
];

const withoutIdsAndDates = (message: string) =>
  message
    .split("\r\n")
    .filter((line) => !/^(Message-ID|Date): /.test(line))
    .join("\r\n");

describe("texts translated once (decision 151)", () => {
  it("the receipt's subject and text are what i18next made on every send, in both languages", () => {
    for (const mail of mails) expect(receiptTexts(mail)).toEqual(receiptTextsBefore(mail));
  });

  it("the receipt mail over SMTP has the same bytes as before, ids and dates aside", async () => {
    const compose = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
    for (const mail of mails) {
      const before = smtp.raw.length;
      expect(await sendReceiptMail(mail)).toBe(true);
      expect(smtp.raw.length).toBe(before + 1);
      const expected = await compose.sendMail({
        from: env().MAIL_FROM,
        to: mail.to,
        ...receiptTextsBefore(mail),
        headers: { "X-Case-Reference": mail.reference },
      });
      expect(withoutIdsAndDates(smtp.raw.at(-1)!.replace(/\r\n$/, ""))).toBe(
        withoutIdsAndDates((expected.message as Buffer).toString("utf8").replace(/\r\n$/, "")),
      );
      // The Message-ID is made here (decision 188): nodemailer's shape and its sender's domain.
      const id = /^Message-ID: (.*)$/m.exec(smtp.raw.at(-1)!)?.[1];
      const nodemailers = /^Message-ID: (.*)$/m.exec((expected.message as Buffer).toString("utf8"))?.[1];
      expect(id).toMatch(/^<[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@[^>]+>$/);
      expect(id!.split("@")[1]).toBe(nodemailers!.split("@")[1]);
    }
  });

  it("the envelope given to nodemailer (160) is the one it makes of the headers: same envelope, message and Message-ID domain (the id made by messageIdFor, decision 188)", async () => {
    const compose = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
    const senders = [
      env().MAIL_FROM,
      "Dalslands kommuner <noreply@dalsland.example>",
      "a@b.se",
      '"Å, Ä" <x@Exämple.se>',
      "nobody",
    ];
    const recipients = [
      "anna@example.se",
      "Anna@EXAMPLE.se",
      "a,b@c.se",
      "a;b@c.se",
      "x<y@z.se",
      '"q"@r.se',
      "å@ä.se",
      "a@b@c.se",
      "plain",
    ];
    for (const from of senders)
      for (const to of recipients) {
        const message = {
          from,
          to,
          subject: "Ärende",
          text: "Hej",
          headers: { "X-Case-Reference": "BEN-2026-000001" },
        };
        const envelope = envelopeOf(from, to);
        const [plain, given] = await Promise.all([
          compose.sendMail(message),
          compose.sendMail({ ...message, envelope, messageId: messageIdFor(envelope.from) }),
        ]);
        expect(given.envelope).toEqual(plain.envelope);
        const text = (info: typeof plain) => (info.message as Buffer).toString("utf8");
        expect(withoutIdsAndDates(text(given))).toBe(withoutIdsAndDates(text(plain)));
        const domain = (info: typeof plain) => /^Message-ID: <[^@>]*@([^>]*)>/m.exec(text(info))?.[1];
        expect(domain(given)).toBe(domain(plain));
        expect(domain(plain)).toBeTruthy();
      }
  });

  it("translatedOnce and textTemplate give getFixedT's texts, and follow the e-services' texts when they change", () => {
    const title = "felanmalan-gata-park.title";
    for (const lang of ["sv", "en"] as const) {
      expect(translatedOnce(lang, "forms", title)).toBe(getFixedT(lang, "forms")(title));
      expect(translatedOnce(lang, "forms", "no-such-form.receipt", "")).toBe("");
      expect(translatedOnce(lang, "diarium", "caseTypes.no-such-type", "no-such-type")).toBe("no-such-type");
      const names = ["reference", "form", "municipality", "days", "url"] as const;
      for (const params of [
        {
          reference: "R-1",
          form: "Felanmälan",
          municipality: "Bengtsfors",
          days: 12,
          url: "https://x.example/k?a=1&b=2",
        },
        { reference: "R-1", form: "{{reference}}", municipality: "$t(mail.greeting)", days: 0, url: "$&" },
      ])
        for (const key of ["mail.subject", "mail.body", "mail.next", "mail.link"])
          expect(textTemplate(lang, "eservice", key, names)(params)).toBe(getFixedT(lang, "eservice")(key, params));
    }
    const original = translatedOnce("sv", "forms", title);
    // A published change of the e-service's texts makes a new instance: the next text is the new one.
    const changed = definitionDocuments.map((d) =>
      d.definition.id === "felanmalan-gata-park"
        ? { ...d, texts: { ...d.texts, sv: { ...d.texts.sv, title: "Ändrad titel" } } }
        : d,
    );
    try {
      setDefinitionTexts(changed);
      expect(getFixedT("sv", "forms")(title)).toBe("Ändrad titel");
      expect(translatedOnce("sv", "forms", title)).toBe("Ändrad titel");
    } finally {
      setDefinitionTexts(definitionDocuments);
    }
    expect(translatedOnce("sv", "forms", title)).toBe(original);
  });

  it("the diarium search text is what the look-ups and translations made before", () => {
    const m = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!;
    const a = db().select().from(administration).where(eq(administration.municipalityId, m.id)).all();
    expect(a.length).toBeGreaterThan(0);
    for (const adm of a) {
      for (const sensitivity of ["public", "personal", "secret"]) {
        const entry = {
          reference: "AML-2026-000777",
          caseType: "felanmalan-gata-park",
          sensitivity,
          area: "allmant",
          subject: "Torggatan 1, trasig gatlykta",
          partyKind: "organisation",
          partyName: "Åmåls Bygg AB",
          municipalityId: m.id,
          administrationId: adm.id,
        };
        const masked = maskEntry({ ...entry, administrationSlug: adm.slug });
        const titles = (["sv", "en"] as const).map((lng) =>
          getFixedT(lng, "diarium")("caseTypes.felanmalan-gata-park", { defaultValue: "felanmalan-gata-park" }),
        );
        expect(caseTypeTitles("felanmalan-gata-park")).toEqual(titles);
        expect(diariumSearchText(entry)).toBe(
          buildSearchText({
            reference: entry.reference,
            titles,
            subject: masked.subject,
            organisation: masked.party.kind === "organisation" ? masked.party.name : null,
            municipality: m.name,
            administration: [adm.nameSv, adm.nameEn],
          }),
        );
      }
    }
  });

  /** The diarium subject as diariumSubject made it before 154: i18next for the template and the options, per send. */
  function subjectBefore(def: FormDefinition, answers: FormValues, lang: "sv" | "en"): string | null {
    if (typeof def.diarium !== "object") return null;
    const t = translatorFor(getFixedT(lang, "forms") as never);
    const fields = scopeFields(def, "all") ?? [];
    const values: Record<string, string> = {};
    for (const name of def.diarium.subject.answers) {
      const field = fields.find((f) => f.name === name);
      const answer = answers[name];
      if (typeof answer !== "string" || !answer.trim()) return null;
      values[name] = field?.type === "choice" ? optionLabel(field.options, answer, t) : answer;
    }
    return t(def.diarium.subject.template, { ...values, interpolation: { escapeValue: false } }).trim() || null;
  }

  it("the diarium subject (154, a template and option texts translated once) is the text i18next gave on every send", () => {
    const withSubject = formDefinitions.filter((d) => typeof d.diarium === "object");
    expect(withSubject.length).toBeGreaterThan(2);
    let compared = 0;
    for (const def of withSubject) {
      if (typeof def.diarium !== "object") continue;
      const fields = scopeFields(def, "all") ?? [];
      const names = def.diarium.subject.answers;
      // Every option of a choice, and free texts, including ones holding interpolation syntax.
      const candidates = (name: string): string[] => {
        const field = fields.find((f) => f.name === name);
        const free = ["Torggatan 1", " x ", "", "  ", "{{category}}", "$t(forms:common.yes)", "a $& b", "åäö {x}"];
        return field?.type === "choice" ? [...field.options.map((o) => o.value), "no-such-option", ""] : free;
      };
      for (const lang of ["sv", "en"] as const)
        for (const [i, name] of names.entries())
          for (const value of candidates(name)) {
            const answers: FormValues = Object.fromEntries(
              names.map((n) => [n, n === name ? value : (candidates(n).find((c) => c.trim()) ?? "x")]),
            );
            expect(diariumSubject(def, answers, lang), `${def.id} ${lang} ${i} ${value}`).toBe(
              subjectBefore(def, answers, lang),
            );
            compared++;
          }
    }
    expect(compared).toBeGreaterThan(50);
    expect(
      diariumSubject(
        formDefinitions.find((d) => d.id === "felanmalan-gata-park")!,
        { category: "gatubelysning" },
        "en",
      ),
    ).toBe("Street lighting");
  });

  it("a template that is not plain {{name}}s (a format) goes through i18next on every call, with the same text", () => {
    const def = formDefinitions.find((d) => d.id === "felanmalan-gata-park")!;
    if (typeof def.diarium !== "object") throw new Error("felanmalan-gata-park has a diarium subject");
    const key = "felanmalan-gata-park.diarium.subject";
    const names = ["category", "nr"] as const;
    const withFormat = (text: string) =>
      definitionDocuments.map((d) =>
        d.definition.id === "felanmalan-gata-park"
          ? { ...d, texts: { ...d.texts, en: { ...d.texts.en, diarium: { subject: text } } } }
          : d,
      );
    try {
      for (const text of [
        "Nr {{nr, number}}: {{category}}",
        "{{category}} ({{nr, number(minimumFractionDigits: 1)}})",
      ]) {
        setDefinitionTexts(withFormat(text));
        for (const params of [
          { category: "Gatubelysning", nr: "12" },
          { category: "Park", nr: "3" },
        ])
          expect(textTemplate("en", "forms", key, names, "v")(params)).toBe(getFixedT("en", "forms")(key, params));
        // The format is really applied (a marker-filled template would not have done it).
        expect(getFixedT("en", "forms")(key, { category: "P", nr: "3" })).not.toContain("{{");
      }
    } finally {
      setDefinitionTexts(definitionDocuments);
    }
  });
});
