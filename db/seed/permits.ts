import { count, eq, sql } from "drizzle-orm";
import type { DB } from "../client";
import {
  administration,
  caseDecision,
  caseEvent,
  caseReferenceCounter,
  caseTable,
  diariumEntry,
  municipality,
  permitCase,
  permitTaxa,
  property,
  supplementRequest,
} from "../schema/index";
import { exampleTaxa } from "../../app/services/permit-fees";
import { addDays, swedishDate } from "../../app/services/permit-clock";
import { organisations, properties, testPersons } from "./content/people";
import { MEASURE_TYPES, type MeasureType } from "../../forms/lib/building-permit";

const SEED_KEY_PREFIX = "seed-permit-";

/** Example kommunfaktor per example municipality (invented); an unknown municipality gets 1. */
const EXAMPLE_MUNICIPALITY_FACTORS: Readonly<Record<string, number>> = {
  bengtsfors: 0.9,
  "dals-ed": 0.85,
  fargelanda: 0.9,
  mellerud: 0.95,
  amal: 1.0,
};

function ownerOf(p: (typeof properties)[number]): { kind: string; name: string; orgnr: string | null } {
  if (p.owner.kind === "organisation") {
    const orgnr = p.owner.organisationsnummer;
    const o = organisations.find((x) => x.organisationsnummer === orgnr);
    return { kind: "organisation", name: o?.name ?? orgnr, orgnr };
  }
  const pnr = p.owner.personnummer;
  const person = testPersons.find((x) => x.personnummer === pnr);
  return { kind: "person", name: person ? `${person.givenName} ${person.familyName}` : "Okänd ägare", orgnr: null };
}

/**
 * Example properties and each municipality's example taxa (demo and test): inserted only when
 * absent, so a taxa an administrator has set is never put back to the example figures.
 */
export function seedPermitRegisters(db: DB) {
  const municipalities = db.select().from(municipality).all();
  db.transaction((tx) => {
    for (const p of properties) {
      const m = municipalities.find((x) => x.slug === p.municipality);
      if (!m) continue;
      const owner = ownerOf(p);
      const values = {
        designation: p.designation,
        municipalityId: m.id,
        street: p.address.street,
        postalCode: p.address.postalCode,
        town: p.address.town,
        areaM2: p.areaM2,
        detaljplan: p.detaljplan,
        use: p.use,
        ownerKind: owner.kind,
        ownerName: owner.name,
        ownerOrganisationsnummer: owner.orgnr,
        example: true,
      };
      tx.insert(property).values(values).onConflictDoNothing({ target: property.designation }).run();
    }
    for (const m of municipalities) {
      const config = JSON.stringify(exampleTaxa(EXAMPLE_MUNICIPALITY_FACTORS[m.slug] ?? 1));
      // Any row for the municipality, of any period, means someone has set its taxa: leave it.
      const has = tx
        .select({ id: permitTaxa.municipalityId })
        .from(permitTaxa)
        .where(eq(permitTaxa.municipalityId, m.id))
        .get();
      if (!has) tx.insert(permitTaxa).values({ municipalityId: m.id, config, example: true }).run();
    }
  });
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DESCRIPTIONS: Record<MeasureType, string> = {
  nybyggnad: "Nybyggnad av enbostadshus i ett plan med garage.",
  tillbyggnad: "Tillbyggnad av bostadshus med uterum.",
  "andrad-anvandning": "Ändrad användning från kontor till bostad.",
  fasadandring: "Byte av fasadmaterial och fönster.",
  rivningslov: "Rivning av ekonomibyggnad.",
  marklov: "Marklov för uppfyllnad av tomt.",
  attefall: "Attefallshus, komplementbostad 30 m².",
};
const PERSON_NAMES = [
  "Anna Berg",
  "Lars Olsson",
  "Eva Holm",
  "Per Dahl",
  "Ingrid Ek",
  "Mikael Strand",
  "Åsa Lund",
  "Göran Sjö",
];
const COMPANY_NAMES = [
  "Johanssons Bygg i Åmål AB",
  "Melleruds Bygg & Montage AB",
  "Bergs Snickeri & Bygg HB",
  "Plogen Fastigheter i Åmål AB",
];

/**
 * A history of building-permit cases per municipality (decided ones over the last ~18 months
 * and some still open), so the queue, the dashboard and /handlaggningstider have real rows to
 * work on. Anchored to the day of the first seeding and written once; deterministic otherwise.
 */
export function seedPermitHistory(db: DB, today: string = swedishDate(new Date())) {
  const done = db
    .select({ n: count() })
    .from(caseTable)
    .where(sql`${caseTable.idempotencyKey} like ${SEED_KEY_PREFIX + "%"}`)
    .get();
  if ((done?.n ?? 0) > 0) return;
  const municipalities = db.select().from(municipality).all();
  const admins = db.select().from(administration).where(eq(administration.slug, "samhallsbyggnad")).all();
  const rand = mulberry32(20261126);
  db.transaction((tx) => {
    let serial = 0;
    for (const m of municipalities) {
      const admin = admins.find((a) => a.municipalityId === m.id);
      if (!admin) continue;
      // Municipalities differ: some are quicker than others.
      const pace = { bengtsfors: 38, "dals-ed": 45, fargelanda: 52, mellerud: 41, amal: 34 }[m.slug] ?? 40;
      const total = 46;
      for (let i = 0; i < total; i++) {
        serial++;
        const open = i >= total - 7;
        const ageDays = open ? 3 + Math.floor(rand() * 85) : 60 + Math.floor(rand() * 480);
        const receivedOn = addDays(today, -ageDays);
        const measure = MEASURE_TYPES[Math.floor(rand() * MEASURE_TYPES.length)]!;
        const company = rand() < 0.35;
        const applicantName = company
          ? COMPANY_NAMES[Math.floor(rand() * COMPANY_NAMES.length)]!
          : PERSON_NAMES[Math.floor(rand() * PERSON_NAMES.length)]!;
        const withSupplement = rand() < 0.3;
        const supplementAnswerDays = 5 + Math.floor(rand() * 20);
        const completeFrom = withSupplement ? addDays(receivedOn, 7 + supplementAnswerDays) : receivedOn;
        const processing = Math.max(5, Math.round(pace * (0.5 + rand() * 1.1) + (rand() < 0.08 ? 40 : 0)));
        const decidedOn = open ? null : addDays(completeFrom, processing);
        const status = open
          ? withSupplement && ageDays < 20
            ? "awaiting_completion"
            : i % 2 === 0
              ? "received"
              : "in_progress"
          : "closed";
        const year = Number(receivedOn.slice(0, 4));
        const counter = tx
          .insert(caseReferenceCounter)
          .values({ municipalityId: m.id, year, lastNumber: 1 })
          .onConflictDoUpdate({
            target: [caseReferenceCounter.municipalityId, caseReferenceCounter.year],
            set: { lastNumber: sql`${caseReferenceCounter.lastNumber} + 1` },
          })
          .returning({ n: caseReferenceCounter.lastNumber })
          .get();
        const reference = `${m.code}-${year}-${String(counter.n).padStart(6, "0")}`;
        const at = `${receivedOn}T09:${String(10 + (i % 50)).padStart(2, "0")}:00.000Z`;
        const designation = `${m.name} Exempel ${1 + (i % 9)}:${10 + i}`;
        const data = {
          measureType: measure,
          propertyDesignation: designation,
          description: DESCRIPTIONS[measure],
          buildingArea: 40 + Math.floor(rand() * 120),
          grossFloorArea: 40 + Math.floor(rand() * 160),
          kontrollansvarig: null,
          applicant: company ? { kind: "organisation", name: applicantName } : { kind: "person", name: applicantName },
          attachments: [],
        };
        const row = tx
          .insert(caseTable)
          .values({
            reference,
            municipalityId: m.id,
            administrationId: admin.id,
            formId: "bygglov-ansokan",
            formVersion: 1,
            area: "bygglov",
            status: open && withSupplement && ageDays < 20 ? "awaiting_completion" : status,
            applicantPersonId: null,
            applicantOrganisationId: null,
            submittedByPersonId: null,
            contactEmail: null,
            data: JSON.stringify(data),
            sensitiveData: null,
            submitterKey: null,
            language: "sv",
            idempotencyKey: `${SEED_KEY_PREFIX}${serial}`,
            createdAt: at,
            updatedAt: at,
            decisionDueAt: null,
          })
          .returning({ id: caseTable.id })
          .get();
        tx.insert(caseEvent)
          .values({ caseId: row.id, fromStatus: null, toStatus: "received", actor: "applicant", createdAt: at })
          .run();
        tx.insert(permitCase)
          .values({ caseId: row.id, measureType: measure, propertyDesignation: designation, receivedOn })
          .run();
        if (withSupplement) {
          const requestedOn = addDays(receivedOn, 7);
          const answered = open && ageDays < 20 ? null : addDays(requestedOn, supplementAnswerDays);
          tx.insert(supplementRequest)
            .values({
              caseId: row.id,
              kind: "completeness",
              message: "Fasadritningarna saknar måttangivelser.",
              requestedKinds: JSON.stringify(["fasadritningar"]),
              requestedOn,
              dueOn: addDays(requestedOn, 21),
              answeredOn: answered,
              requestedBy: "staff:seed",
            })
            .run();
        }
        if (decidedOn) {
          tx.insert(caseEvent)
            .values({
              caseId: row.id,
              fromStatus: "in_progress",
              toStatus: "decided",
              actor: "staff:seed",
              createdAt: `${decidedOn}T13:00:00.000Z`,
            })
            .run();
          tx.insert(caseEvent)
            .values({
              caseId: row.id,
              fromStatus: "decided",
              toStatus: "closed",
              actor: "system",
              createdAt: `${decidedOn}T13:00:01.000Z`,
            })
            .run();
          tx.insert(caseDecision)
            .values({
              caseId: row.id,
              outcome: rand() < 0.9 ? "approved" : "rejected",
              decidedOn,
              text: "Beslut enligt plan- och bygglagen (exempeldata).",
              fee: null,
              documentName: "",
              decidedBy: "staff:seed",
              decidedByName: "Exempelhandläggare",
            })
            .run();
        }
        tx.insert(diariumEntry)
          .values({
            caseId: row.id,
            reference,
            municipalityId: m.id,
            administrationId: admin.id,
            caseType: "bygglov-ansokan",
            area: "bygglov",
            sensitivity: "personal",
            subject: null,
            partyKind: company ? "organisation" : "person",
            partyName: applicantName,
            status: decidedOn ? "closed" : status,
            registeredAt: at,
            searchText:
              `${reference} bygglov ${company ? applicantName.toLowerCase() : ""} ${m.name.toLowerCase()}`.trim(),
          })
          .onConflictDoNothing()
          .run();
      }
    }
  });
}
