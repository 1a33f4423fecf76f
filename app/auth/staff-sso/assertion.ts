/** What a staff identity provider asserted, whatever the protocol. */
export interface SsoAssertion {
  subject: string; // OIDC sub or SAML NameID: the stable id at the provider
  email: string | null;
  displayName: string | null;
  groups: string[]; // directory groups
  authnContext: string[]; // OIDC: acr plus every amr value; SAML: AuthnContextClassRef
  sessionIndex: string | null; // OIDC sid or SAML SessionIndex, for logout
}
