/**
 * The property register as the services see it (decision 066, 068): look a designation up and
 * get the property, its municipality, address and owners, or "not found". Which register answers
 * is configuration (`PROPERTY_REGISTER`): Lantmäteriet's API (./lantmateriet.server.ts) or, in
 * demo and test only, the example properties (./property-register-demo.server.ts). A register
 * that does not answer throws `RegisterUnavailableError`, a malformed answer `RegisterAnswerError`
 * (app/platform/register-http.server.ts); the caller tells the resident.
 */
import type { PropertyDesignation } from "../../forms/lib/property-designation";
import { env } from "~/env.server";
import { createLantmaterietRegister } from "./lantmateriet.server";
import { createDemoPropertyRegister } from "./property-register-demo.server";

export type PropertyOwner =
  /** A private owner: the personnummer stays in the adapter; only its HMAC (decision 024) leaves it. */
  | { kind: "person"; name: string; personnummerHmac: string | null }
  | { kind: "organisation"; name: string; organisationsnummer: string };

export interface RegisterProperty {
  /** As the register writes it, normalised: "<kommun> <trakt> <block>:<enhet>". */
  designation: string;
  /** Lantmäteriet's objektidentitet (UUID) of the registerenhet. */
  objektidentitet: string;
  kind: "fastighet" | "samfallighet";
  /** Kommunkod (SCB, four digits) when the register gives one, and the municipality's name. */
  municipality: { code: string | null; name: string };
  address: { street: string; postalCode: string; town: string } | null;
  owners: PropertyOwner[];
  /** Inside a detaljplan; null when the register consulted does not say. */
  detaljplan: boolean | null;
}

export type PropertyLookup = { found: true; property: RegisterProperty } | { found: false };

export interface PropertyRegister {
  /** "Lantmäteriet" or "demo", for the audit trail. */
  readonly name: string;
  lookup(designation: PropertyDesignation): Promise<PropertyLookup>;
}

let chosen: PropertyRegister | null = null;

/** The configured register, made once per process; production never constructs the demo adapter. */
export function propertyRegister(): PropertyRegister {
  if (chosen) return chosen;
  const e = env();
  if (e.PROPERTY_REGISTER === "lantmateriet") {
    chosen = createLantmaterietRegister({
      baseUrl: e.LANTMATERIET_URL ?? "",
      tokenUrl: e.LANTMATERIET_TOKEN_URL ?? "",
      clientId: e.LANTMATERIET_CLIENT_ID ?? "",
      clientSecret: e.LANTMATERIET_CLIENT_SECRET ?? "",
    });
  } else {
    if (e.PORTAL_ENV === "production") throw new Error("PROPERTY_REGISTER=demo is refused in production");
    chosen = createDemoPropertyRegister();
  }
  return chosen;
}
