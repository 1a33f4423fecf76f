import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { inflateRaw } from "node:zlib";
import { SignedXml } from "xml-crypto";
import { selfSignedCertificate, type KeyAndCertificate } from "./self-signed-certificate.server";
import { env } from "~/env.server";
import { xmlReader } from "~/platform/xml.server";

/**
 * A local SAML 2.0 identity provider for tests and the demo (docs/decisions/065): it reads an
 * AuthnRequest sent by HTTP-Redirect and builds a signed samlp:Response (xml-crypto, RSA-SHA256,
 * exclusive c14n) for the person the tester picked, as saml-core-2.0-os §2–3 and
 * saml-profiles-2.0-os §4.1.4.2 describe it: bearer SubjectConfirmation with Recipient and
 * InResponseTo, Conditions with NotBefore/NotOnOrAfter and AudienceRestriction, AuthnStatement
 * with SessionIndex and AuthnContextClassRef, attributes in an AttributeStatement. Its key and
 * certificate are made at start and live only in memory. It refuses to exist in production.
 * The options of `buildResponse` let tests make every kind of bad response.
 */
export interface TestSamlPerson {
  subject: string;
  email: string | null;
  displayName: string | null;
  groups: string[];
  /** Whether the person used a second factor: decides the AuthnContextClassRef. */
  mfa: boolean;
}

/** REFEDS MFA profile (https://refeds.org/profile/mfa): the class ref for two factors. */
export const TEST_SAML_MFA_CONTEXT = "https://refeds.org/profile/mfa";
/** saml-authn-context-2.0-os §3.4.2: password over TLS, one factor. */
export const TEST_SAML_PASSWORD_CONTEXT = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
/** The attribute names the test provider uses (ADFS group claim, eduPerson/inetOrgPerson OIDs). */
export const TEST_SAML_ATTRIBUTES = {
  groups: "http://schemas.xmlsoap.org/claims/Group",
  email: "urn:oid:0.9.2342.19200300.100.1.3",
  name: "urn:oid:2.16.840.1.113730.3.1.241",
} as const;

export interface ParsedAuthnRequest {
  id: string;
  issuer: string | null;
  acsUrl: string | null;
  relayState: string | null;
  requestedAuthnContext: string[];
}

export interface ResponseOptions {
  issuer?: string;
  audience?: string;
  /** false leaves out the bearer SubjectConfirmation altogether. */
  bearer?: boolean;
  /** null leaves the Recipient out of SubjectConfirmationData. */
  recipient?: string | null;
  issueInstant?: Date;
  notBefore?: Date;
  notOnOrAfter?: Date;
  assertionId?: string;
  /** What carries a signature: the assertion (default), the response, both or nothing. */
  sign?: "assertion" | "response" | "both" | "none";
  /** Sign with this key instead of the provider's own (a forgery). */
  signingKey?: KeyAndCertificate;
}

export interface ResponseInput {
  inResponseTo: string | null;
  acsUrl: string;
  audience: string;
  person: TestSamlPerson;
  options?: ResponseOptions;
}

export interface TestSamlIdp {
  entityId: string;
  certificatePem: string;
  parseAuthnRequest(query: URLSearchParams): Promise<ParsedAuthnRequest>;
  /** The base64 samlp:Response to post to the ACS as SAMLResponse. */
  buildResponse(input: ResponseInput): string;
}

const PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
const ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
const PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
const EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

const escapeXml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const newId = () => `_${randomBytes(20).toString("hex")}`;
/** SAML times are UTC without fractions (saml-core-2.0-os §1.3.3). */
const instant = (d: Date) => d.toISOString().slice(0, 19) + "Z";

function signElement(xml: string, element: "Assertion" | "Response", key: KeyAndCertificate): string {
  const signer = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: key.certificatePem,
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    canonicalizationAlgorithm: EXC_C14N,
  });
  const self = element === "Response" ? "/*[local-name(.)='Response']" : "//*[local-name(.)='Assertion']";
  signer.addReference({
    xpath: self,
    transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", EXC_C14N],
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
  });
  // The Signature follows the element's Issuer (saml-core-2.0-os schema order).
  signer.computeSignature(xml, { location: { reference: `${self}/*[local-name(.)='Issuer']`, action: "after" } });
  return signer.getSignedXml();
}

function attribute(name: string, values: string[]): string {
  if (values.length === 0) return "";
  const inner = values.map((v) => `<saml:AttributeValue>${escapeXml(v)}</saml:AttributeValue>`).join("");
  return `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">${inner}</saml:Attribute>`;
}

const parseXml = xmlReader({ removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: "@_" });

/** A provider with a fresh key; `entityId` is what the portal is configured to trust. */
export function createTestSamlIdp({
  entityId,
  key: given,
}: {
  entityId: string;
  key?: KeyAndCertificate;
}): TestSamlIdp {
  if (env().PORTAL_ENV === "production")
    throw new Error("The test SAML identity provider never runs with PORTAL_ENV=production.");
  // The demo keeps its key in DATA_DIR so that every process signs alike (test-saml.server.ts).
  const key = given ?? selfSignedCertificate("Dalsland test SAML IdP");

  return {
    entityId,
    certificatePem: key.certificatePem,

    async parseAuthnRequest(query) {
      const encoded = query.get("SAMLRequest");
      if (!encoded) throw new Error("no SAMLRequest");
      const xml = (await promisify(inflateRaw)(Buffer.from(encoded, "base64"))).toString("utf8");
      const doc = parseXml(xml) as { AuthnRequest?: Record<string, unknown> };
      const request = doc.AuthnRequest;
      if (!request || typeof request["@_ID"] !== "string") throw new Error("not an AuthnRequest");
      const issuer = request.Issuer;
      const issuerText =
        typeof issuer === "string" ? issuer : ((issuer as { "#text"?: string } | undefined)?.["#text"] ?? null);
      const context = (request.RequestedAuthnContext as { AuthnContextClassRef?: unknown } | undefined)
        ?.AuthnContextClassRef;
      const contexts = (Array.isArray(context) ? context : context === undefined ? [] : [context]).filter(
        (c): c is string => typeof c === "string",
      );
      const acs = request["@_AssertionConsumerServiceURL"];
      return {
        id: request["@_ID"],
        issuer: issuerText,
        acsUrl: typeof acs === "string" ? acs : null,
        relayState: query.get("RelayState"),
        requestedAuthnContext: contexts,
      };
    },

    buildResponse({ inResponseTo, acsUrl, audience, person, options = {} }) {
      const now = options.issueInstant ?? new Date();
      const notBefore = options.notBefore ?? new Date(now.getTime() - 5_000);
      const notOnOrAfter = options.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000);
      const issuer = escapeXml(options.issuer ?? entityId);
      const recipient = options.recipient === null ? "" : ` Recipient="${escapeXml(options.recipient ?? acsUrl)}"`;
      const replyTo = inResponseTo ? ` InResponseTo="${escapeXml(inResponseTo)}"` : "";
      const assertionId = options.assertionId ?? newId();
      const attributes = [
        attribute(TEST_SAML_ATTRIBUTES.email, person.email ? [person.email] : []),
        attribute(TEST_SAML_ATTRIBUTES.name, person.displayName ? [person.displayName] : []),
        attribute(TEST_SAML_ATTRIBUTES.groups, person.groups),
      ].join("");
      const assertion =
        `<saml:Assertion xmlns:saml="${ASSERTION}" ID="${assertionId}" Version="2.0" IssueInstant="${instant(now)}">` +
        `<saml:Issuer>${issuer}</saml:Issuer>` +
        `<saml:Subject><saml:NameID Format="${PERSISTENT}">${escapeXml(person.subject)}</saml:NameID>` +
        (options.bearer === false
          ? ""
          : `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
            `<saml:SubjectConfirmationData${replyTo} NotOnOrAfter="${instant(notOnOrAfter)}"${recipient}/>` +
            `</saml:SubjectConfirmation>`) +
        `</saml:Subject>` +
        `<saml:Conditions NotBefore="${instant(notBefore)}" NotOnOrAfter="${instant(notOnOrAfter)}">` +
        `<saml:AudienceRestriction><saml:Audience>${escapeXml(options.audience ?? audience)}</saml:Audience></saml:AudienceRestriction>` +
        `</saml:Conditions>` +
        `<saml:AuthnStatement AuthnInstant="${instant(now)}" SessionIndex="${newId()}">` +
        `<saml:AuthnContext><saml:AuthnContextClassRef>${person.mfa ? TEST_SAML_MFA_CONTEXT : TEST_SAML_PASSWORD_CONTEXT}</saml:AuthnContextClassRef></saml:AuthnContext>` +
        `</saml:AuthnStatement>` +
        (attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : "") +
        `</saml:Assertion>`;
      const signWith = options.signingKey ?? key;
      const sign = options.sign ?? "assertion";
      let xml =
        `<samlp:Response xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="${newId()}" Version="2.0" IssueInstant="${instant(now)}" Destination="${escapeXml(acsUrl)}"${replyTo}>` +
        `<saml:Issuer>${issuer}</saml:Issuer>` +
        `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
        assertion +
        `</samlp:Response>`;
      if (sign === "assertion" || sign === "both") xml = signElement(xml, "Assertion", signWith);
      if (sign === "response" || sign === "both") xml = signElement(xml, "Response", signWith);
      return Buffer.from(xml, "utf8").toString("base64");
    },
  };
}
