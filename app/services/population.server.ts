import { eq } from "drizzle-orm";
import { person } from "../../db/schema/index";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { decrypt, hmacIndex } from "~/platform/crypto.server";
import { RegisterAnswerError, RegisterUnavailableError } from "~/platform/register-http.server";
import { demoPopulationRegister } from "./population-demo.server";
import { navetPopulationRegister } from "./population-navet.server";
import type {
  Address,
  LookupPurpose,
  PopulationRecord,
  PopulationRegister,
  RegisterPerson,
} from "./population-register";

/**
 * The population register (folkbokföringen) as the services see it (decisions 024, 046, 067).
 * Every function is async: the real register (Skatteverket's Navet) answers over the network.
 * Which adapter answers is chosen once from POPULATION_REGISTER (decision 066): the demo adapter
 * over the example people, or the Navet client. The portal names persons by
 * hmacIndex(personnummer); the register is asked by personnummer, so an HMAC is turned back into
 * a number by (1) the demo adapter's own index, (2) the numbers the register itself named in an
 * answer during the last hour (children, custodians; numbers only, no names or addresses), or
 * (3) the encrypted number of a resident who has logged in. Nothing the register answers is
 * cached: each call asks again (decision 067).
 */
export const REGISTER_SOURCE = "folkbokforingen-testregister";

export type { LookupPurpose, RegisterPerson };

export interface RegisterChild extends RegisterPerson {
  /** The custodial guardians' hmacs (one may live in another household). */
  custody: string[];
  householdKey: string;
}

export interface RegisterHousehold {
  key: string;
  /** A municipality slug (run-time data, decision 056). */
  municipality: string;
  /** Null when anyone in the household has protected personal data: the address is then never shown. */
  address: Address | null;
  guardians: RegisterPerson[];
  children: RegisterChild[];
}

let chosen: PopulationRegister | undefined;

function register(): PopulationRegister {
  chosen ??= env().POPULATION_REGISTER === "navet" ? navetPopulationRegister() : demoPopulationRegister();
  return chosen;
}

/** For tests: answer with this adapter (undefined: choose from the environment again). */
export function usePopulationRegisterForTests(adapter: PopulationRegister | undefined): void {
  chosen = adapter;
  named.clear();
}

/**
 * The register did not answer usefully (no answer, time-out, 5xx, malformed): the page tells the
 * resident and keeps what they typed; nothing is guessed (decision 066).
 */
export function registerIsDown(error: unknown): boolean {
  return error instanceof RegisterUnavailableError || error instanceof RegisterAnswerError;
}

const NAMED_FOR_MS = 60 * 60_000;
/** HMAC → personnummer of persons the register named in an answer (see the module comment). */
const named = new Map<string, { personnummer: string; until: number }>();

function remember(personnummer: string): void {
  const now = Date.now();
  named.set(hmacIndex(personnummer), { personnummer, until: now + NAMED_FOR_MS });
  if (named.size > 10_000) for (const [k, v] of named) if (v.until <= now) named.delete(k);
}

function identityNumberOf(hmac: string): string | undefined {
  const fromAdapter = register().identityNumberOf?.(hmac);
  if (fromAdapter) return fromAdapter;
  const hit = named.get(hmac);
  if (hit && hit.until > Date.now()) return hit.personnummer;
  const row = db()
    .select({ enc: person.personnummerEncrypted })
    .from(person)
    .where(eq(person.personnummerHmac, hmac))
    .get();
  return row ? decrypt(row.enc) : undefined;
}

async function record(personnummer: string, purpose: LookupPurpose): Promise<PopulationRecord | null> {
  const r = await register().personpost(personnummer, purpose);
  if (r) for (const n of [...r.custodians, ...r.childrenInCustody, ...(r.household?.guardians ?? [])]) remember(n);
  return r;
}

async function recordOf(hmac: string, purpose: LookupPurpose): Promise<PopulationRecord | null> {
  const pnr = identityNumberOf(hmac);
  return pnr ? record(pnr, purpose) : null;
}

async function childOf(personnummer: string, purpose: LookupPurpose): Promise<RegisterChild | null> {
  const r = await record(personnummer, purpose);
  if (!r) return null;
  return {
    ...r.person,
    custody: r.custodians.map((c) => hmacIndex(c)),
    householdKey: r.household?.key ?? r.person.hmac,
  };
}

/** The person by personnummer (at login, before the portal has a row for them). */
export async function personByNumber(
  personnummer: string,
  purpose: LookupPurpose,
): Promise<RegisterPerson | undefined> {
  return (await record(personnummer, purpose))?.person;
}

export async function registerPerson(hmac: string, purpose: LookupPurpose): Promise<RegisterPerson | undefined> {
  return (await recordOf(hmac, purpose))?.person;
}

/**
 * Whether the register marks the person as protected (sekretessmarkering or skyddad
 * folkbokföring). Asked at login and at case creation (docs/decisions/046).
 */
export async function isProtectedIdentity(hmac: string, purpose: LookupPurpose): Promise<boolean> {
  return ((await registerPerson(hmac, purpose))?.protectedIdentity ?? null) !== null;
}

/** Children the person has custody of, wherever they live (a parent abroad shares custody of Noah). */
export async function childrenInCustodyOf(hmac: string, purpose: LookupPurpose): Promise<RegisterChild[]> {
  const r = await recordOf(hmac, purpose);
  if (!r) return [];
  const children = await Promise.all(r.childrenInCustody.map((c) => childOf(c, purpose)));
  return children.filter((c): c is RegisterChild => c !== null);
}

/** One child, only if the guardian has custody: the scoped look-up every route uses. */
export async function getChildOfGuardian(
  input: { guardianHmac: string; childHmac: string },
  purpose: LookupPurpose,
): Promise<RegisterChild | undefined> {
  const r = await recordOf(input.guardianHmac, purpose);
  const pnr = r?.childrenInCustody.find((c) => hmacIndex(c) === input.childHmac);
  return (pnr && (await childOf(pnr, purpose))) || undefined;
}

/** The household the person is registered in, if any. */
export async function householdOf(hmac: string, purpose: LookupPurpose): Promise<RegisterHousehold | undefined> {
  const r = await recordOf(hmac, purpose);
  const h = r?.household;
  if (!r || !h) return undefined;
  const guardianRecords = await Promise.all(
    h.guardians.map(async (g) => (g === r.person.personnummer ? r : await record(g, purpose))),
  );
  const guardians = guardianRecords.map((g) => g?.person);
  // The household's children: those in a guardian's custody registered in the same household.
  const childPnrs = new Set<string>();
  for (const g of guardianRecords) for (const c of g?.childrenInCustody ?? []) childPnrs.add(c);
  if (!h.guardians.includes(r.person.personnummer)) childPnrs.add(r.person.personnummer);
  const children = (await Promise.all([...childPnrs].map((c) => childOf(c, purpose)))).filter(
    (c): c is RegisterChild => c !== null && c.householdKey === h.key,
  );
  return {
    key: h.key,
    municipality: h.municipality,
    // Nobody in a household with a protected member gets its address from the portal (decision 046).
    address: [...guardians, ...children].some((m) => m?.protectedIdentity) ? null : h.address,
    guardians: guardians.filter((g): g is RegisterPerson => g !== undefined),
    children,
  };
}
