/**
 * The register settings a production configuration must hold (decision 066): the real client
 * of each authority's register. Tests that start or load a production configuration spread this
 * in; nothing here is contacted at start-up.
 */
export const PRODUCTION_REGISTERS = {
  POPULATION_REGISTER: "navet",
  NAVET_URL: "https://navet.skatteverket.example.se/navet",
  NAVET_ORG_NR: "2120001637",
  NAVET_ORDER_ID: "00000236-FO01-0001",
  NAVET_CLIENT_CERT_FILE: "/etc/dalsland-portal/navet-client.pem",
  NAVET_CLIENT_KEY_FILE: "/etc/dalsland-portal/navet-client.key",
  PROPERTY_REGISTER: "lantmateriet",
  LANTMATERIET_URL: "https://api.lantmateriet.example.se/distribution/produkter",
  LANTMATERIET_TOKEN_URL: "https://apimanager.lantmateriet.example.se/oauth2/token",
  LANTMATERIET_CLIENT_ID: "dalsland-portal",
  LANTMATERIET_CLIENT_SECRET: "lm-secret-from-the-operator",
  COMPANY_REGISTER: "bolagsverket",
  BOLAGSVERKET_URL: "https://gw.api.bolagsverket.example.se/vardefulla-datamangder/v1",
  BOLAGSVERKET_TOKEN_URL: "https://portal.api.bolagsverket.example.se/oauth2/token",
  BOLAGSVERKET_CLIENT_ID: "dalsland-portal",
  BOLAGSVERKET_CLIENT_SECRET: "bv-secret-from-the-operator",
  // Not a register, but production also asks for its SMS gateway explicitly (decision 079).
  SMS_GATEWAY: "46elks",
  SMS_GATEWAY_USER: "u0123456789abcdef",
  SMS_GATEWAY_PASSWORD: "sms-secret-from-the-operator",
} as const;
