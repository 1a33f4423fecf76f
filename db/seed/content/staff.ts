/**
 * Staff accounts for development and tests ONLY (never seeded when PORTAL_ENV=production).
 * Everyone has the password DEV_STAFF_PASSWORD and a fixed TOTP secret (base32, SHA-1,
 * 6 digits, 30 s) so that tests can compute codes; both are public and worthless.
 * Documented in docs/dev-accounts.md.
 */
import { AREAS, type Area } from "../../../app/domain/areas";
import type { AdministrationSlug, MunicipalitySlug } from "./types";

export const DEV_STAFF_PASSWORD = "Dalsland-test-2026";

export type SeedRole =
  | { role: "officer"; municipality: MunicipalitySlug; area: Area }
  /** Beredare (decision 077): handles and drafts decisions, holds no decision right. */
  | { role: "preparer"; municipality: MunicipalitySlug; area: Area }
  | { role: "editor"; municipality: MunicipalitySlug; administration: AdministrationSlug }
  /** Contributor (skribent): drafts for the administration, never publishes. */
  | { role: "contributor"; municipality: MunicipalitySlug; administration: AdministrationSlug }
  /** E-service designer (decision 075): builds and publishes the administration's e-services. */
  | { role: "designer"; municipality: MunicipalitySlug; administration: AdministrationSlug }
  /** Portal-wide editor: shared services and every municipality's content. */
  | { role: "editor"; municipality: null; administration: null }
  | { role: "admin"; municipality: MunicipalitySlug | null };

export interface SeedStaffUser {
  username: string;
  name: string;
  municipality: MunicipalitySlug | null;
  /** null: not enrolled yet (enrols with a QR code at first login). */
  totpSecret: string | null;
  mustChangePassword?: boolean;
  roles: SeedRole[];
}

const perMunicipality: Array<
  [
    MunicipalitySlug,
    string,
    { officer: string; editor: string; admin: string },
    { officer: string; editor: string; admin: string },
  ]
> = [
  [
    "bengtsfors",
    "Bengtsfors",
    { officer: "Ingrid Holm", editor: "Per Lund", admin: "Malin Sjöberg" },
    {
      officer: "7NIWNRFLYFH6CJMFR5KESLVMT4V7P3QE",
      editor: "O7EHNWM243H6LQAP34EQVDPTWZJ2VTZT",
      admin: "IVDIG6OF4CBL3NM7XKT3WNZB6PM3EBI6",
    },
  ],
  [
    "dals-ed",
    "Dals-Ed",
    { officer: "Gustav Ek", editor: "Hanna Strand", admin: "Nils Wallin" },
    {
      officer: "6FNCEGBUORNCQFU755YJNQD33YQVGRYC",
      editor: "EEAKWOQPJXGN3XQ4KFWXM774OGHPDBAM",
      admin: "7UAFTFQOQTD4JKEQ3DGVEK5FI3VPLPTI",
    },
  ],
  [
    "fargelanda",
    "Färgelanda",
    { officer: "Sofia Björk", editor: "Oskar Lindahl", admin: "Eva Forsberg" },
    {
      officer: "LBLPOKKBP3NVJK2LPYG3B3Z6GFHEZ46C",
      editor: "VHGOCRGV4YOG3V5HM5BA2PZCQUE5YGVI",
      admin: "JMVBN2PWFJV7H5LIEP4QKBADO66KLAHD",
    },
  ],
  [
    "mellerud",
    "Mellerud",
    { officer: "Anna Falk", editor: "Jonas Hedlund", admin: "Karl Nyström" },
    {
      officer: "FV3C5JSWWKNMI5IGUQGNBZJL6ACMPFPA",
      editor: "ZUODY3MWBXVXOB5NPBZLPYRGFEH7ZRXN",
      admin: "OBAKZRHNICTY5HVWYIU6TPUZ3NDHAT7I",
    },
  ],
  [
    "amal",
    "Åmål",
    { officer: "Lars Berglund", editor: "Ida Engström", admin: "Britt Sandberg" },
    {
      officer: "LHHC2EZ4PNQ4WKPOTHUO3LQOH4O2OKN5",
      editor: "VT7LE725LIOWYXIMRCGGGLJ6LJEUHVVA",
      admin: "XUYDMEDYIJZLKB5L223VN4JZ2I7TDRPK",
    },
  ],
];

export const seedStaffUsers: SeedStaffUser[] = [
  ...perMunicipality.flatMap(([slug, , names, secrets]): SeedStaffUser[] => [
    {
      username: `handlaggare.${slug}`,
      name: names.officer,
      municipality: slug,
      totpSecret: secrets.officer,
      roles: AREAS.map((area) => ({ role: "officer", municipality: slug, area })),
    },
    {
      username: `redaktor.${slug}`,
      name: names.editor,
      municipality: slug,
      totpSecret: secrets.editor,
      roles: [
        { role: "editor", municipality: slug, administration: "kommunledning" },
        { role: "editor", municipality: slug, administration: "barn-och-utbildning" },
      ],
    },
    {
      username: `admin.${slug}`,
      name: names.admin,
      municipality: slug,
      totpSecret: secrets.admin,
      roles: [{ role: "admin", municipality: slug }],
    },
  ]),
  {
    username: "redaktor.portal",
    name: "Portalredaktören",
    municipality: null,
    totpSecret: "K4JQ6XMBZ3WPLN7TRVD2YHC5GSEF6UAO",
    roles: [{ role: "editor", municipality: null, administration: null }],
  },
  {
    username: "admin.portal",
    name: "Portalförvaltaren",
    municipality: null,
    totpSecret: "E6D6OW2DQSK75WOCNM62LTMWWUA5NC44",
    roles: [{ role: "admin", municipality: null }],
  },
  // First-login journey: must change the password and enrol a TOTP app.
  {
    username: "ny.amal",
    name: "Theo Nyberg",
    municipality: "amal",
    totpSecret: null,
    mustChangePassword: true,
    roles: [{ role: "officer", municipality: "amal", area: "allmant" }],
  },
  // Draft-only editor (skribent): writes drafts for Mellerud; a redaktör publishes them.
  {
    username: "skribent.mellerud",
    name: "Tove Skrivare",
    municipality: "mellerud",
    totpSecret: "TU72CVB3ZRLDXFENZJMHW2ADKOCCAMR5",
    roles: [
      { role: "contributor", municipality: "mellerud", administration: "kommunledning" },
      { role: "contributor", municipality: "mellerud", administration: "barn-och-utbildning" },
    ],
  },
  // E-service designers (decision 075): build and publish their administration's e-services.
  {
    username: "designer.mellerud",
    name: "Disa Formgivare",
    municipality: "mellerud",
    totpSecret: "GPASUDVI2QWV6O63DKC5X7F3DI6GWBAJ",
    roles: [{ role: "designer", municipality: "mellerud", administration: "kommunledning" }],
  },
  {
    username: "designer.amal",
    name: "Dennis Mönster",
    municipality: "amal",
    totpSecret: "CKPGTBZAN7S5W6TJL2ITKTXQ5TOL5LKR",
    roles: [{ role: "designer", municipality: "amal", administration: "kommunledning" }],
  },
  // Beredare (decision 077): prepares decisions in Åmål but may not make them (403, audited).
  {
    username: "beredare.amal",
    name: "Elin Beredsson",
    municipality: "amal",
    totpSecret: "MZXW6YTBOI4DCMRTGQ2TMNZYHEYDCMRT",
    roles: AREAS.map((area) => ({ role: "preparer", municipality: "amal", area })),
  },
  // Lock-out journey (tests lock this account; nobody else depends on it).
  {
    username: "sparrtest.mellerud",
    name: "Vera Lock",
    municipality: "mellerud",
    totpSecret: "NTH7OIL4FY6VMBU66XIYZK5WE3L3BQPJ",
    roles: [{ role: "officer", municipality: "mellerud", area: "allmant" }],
  },
];

/** Samverkan in the example data: Bengtsfors handles building permits for Dals-Ed. */
export const seedDelegations: Array<{ municipality: MunicipalitySlug; area: Area; handledBy: MunicipalitySlug }> = [
  { municipality: "dals-ed", area: "bygglov", handledBy: "bengtsfors" },
];

/**
 * Example cases (development and tests only) so that access rules can be seen and tested
 * before the e-service issues create real ones. Reference numbers in the 900000 range.
 */
export const seedExampleCases: Array<{
  reference: string;
  municipality: MunicipalitySlug;
  caseType: string;
  area: Area;
  applicant: string;
  organisation?: string;
}> = [
  {
    reference: "BEN-2026-900001",
    municipality: "bengtsfors",
    caseType: "bygglov-ansokan",
    area: "bygglov",
    applicant: "198203249274",
  },
  {
    reference: "AML-2026-900001",
    municipality: "amal",
    caseType: "forskola-ansokan",
    area: "barnomsorg",
    applicant: "199005122388",
  },
  {
    reference: "DED-2026-900001",
    municipality: "dals-ed",
    caseType: "bygglov-ansokan",
    area: "bygglov",
    applicant: "199006102389",
  },
  {
    reference: "MEL-2026-900001",
    municipality: "mellerud",
    caseType: "bygglov-ansokan",
    area: "bygglov",
    applicant: "197504049292",
    organisation: "556874-3057",
  },
];
