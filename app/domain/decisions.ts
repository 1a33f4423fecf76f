import type { Area } from "./areas";
import type { DecisionOutcome } from "./statuses";

/**
 * Decisions per case type (issue 15, decision 077): the appeal routes with their texts in both
 * languages, the default deciding bodies, delegation points and templates a municipality starts
 * with, and the fixed list of placeholders a template may use. Pure: pages, db/ and the seed
 * import it. The texts here are the one place an appeal route is worded.
 */

export const APPEAL_ROUTES = [
  // PBL 13 kap. 3 §: to länsstyrelsen, handed in to the municipality (which forwards it).
  "pbl-lansstyrelsen",
  // Skollagen 28 kap. 5 § and 12 §: to förvaltningsrätten, where the chapter lists the decision.
  "skollagen-forvaltningsratten",
  // Socialtjänstlagen (2025:400), in force from 1 July 2025: to förvaltningsrätten, handed in to the
  // municipality. The paragraph is not cited: it could not be checked against a source (decision 106).
  "sol-forvaltningsratten",
  // Kommunallagen 13 kap.: no appeal on the merits; any member may ask for laglighetsprövning.
  "laglighetsprovning",
  // LSS 27 §: förvaltningsbesvär to förvaltningsrätten, handed in to the municipality (decision 099).
  "lss-forvaltningsratten",
  // Lagen (2018:222) om bostadsanpassningsbidrag 24 §: to förvaltningsrätten, through the municipality.
  "bab-forvaltningsratten",
  // Lagen (1997:736) om färdtjänst and lagen (1997:735) om riksfärdtjänst: to förvaltningsrätten.
  "fardtjanst-forvaltningsratten",
] as const;
export type AppealRoute = (typeof APPEAL_ROUTES)[number];

export function isAppealRoute(value: unknown): value is AppealRoute {
  return typeof value === "string" && (APPEAL_ROUTES as readonly string[]).includes(value);
}

type Lang = "sv" | "en";
/** `law` tells routes with the same court apart where an admin picks one (/admin/beslut). */
type Texts = Readonly<Record<Lang, { title: string; text: string; law: string }>>;

const APPEAL_TEXTS: Readonly<Record<AppealRoute, Texts>> = {
  "pbl-lansstyrelsen": {
    sv: {
      law: "plan- och bygglagen",
      title: "Hur man överklagar – till länsstyrelsen",
      text:
        "Beslutet kan överklagas till länsstyrelsen enligt 13 kap. 3 § plan- och bygglagen. Skicka överklagandet " +
        "till kommunen, inte till länsstyrelsen. Det ska ha kommit in inom tre veckor från den dag du fick del av " +
        "beslutet. Kommunen prövar om det kommit in i rätt tid och skickar det sedan vidare till länsstyrelsen.",
    },
    en: {
      law: "the Planning and Building Act",
      title: "How to appeal – to the county administrative board",
      text:
        "The decision can be appealed to the county administrative board (länsstyrelsen) under chapter 13 section 3 " +
        "of the Planning and Building Act. Send the appeal to the municipality, not to the county administrative " +
        "board. It must arrive within three weeks of the day you were notified of the decision. The municipality " +
        "checks that it arrived in time and then forwards it.",
    },
  },
  "skollagen-forvaltningsratten": {
    sv: {
      law: "skollagen",
      title: "Hur man överklagar – till förvaltningsrätten",
      text:
        "Beslutet kan överklagas till förvaltningsrätten enligt 28 kap. skollagen. Skicka överklagandet till " +
        "kommunen inom tre veckor från den dag du fick del av beslutet. Kommunen prövar om det kommit in i rätt " +
        "tid och skickar det sedan vidare till förvaltningsrätten.",
    },
    en: {
      law: "the Education Act",
      title: "How to appeal – to the administrative court",
      text:
        "The decision can be appealed to the administrative court (förvaltningsrätten) under chapter 28 of the " +
        "Education Act. Send the appeal to the municipality within three weeks of the day you were notified of " +
        "the decision. The municipality checks that it arrived in time and then forwards it to the court.",
    },
  },
  "sol-forvaltningsratten": {
    sv: {
      law: "socialtjänstlagen",
      title: "Hur man överklagar – till förvaltningsrätten",
      text:
        "Beslutet kan överklagas till förvaltningsrätten enligt socialtjänstlagen (2025:400). Skicka " +
        "överklagandet till kommunen inom tre veckor från den dag du fick del av beslutet. Kommunen prövar om det " +
        "kommit in i rätt tid och skickar det sedan vidare till förvaltningsrätten.",
    },
    en: {
      law: "the Social Services Act",
      title: "How to appeal – to the administrative court",
      text:
        "The decision can be appealed to the administrative court (förvaltningsrätten) under the Social Services " +
        "Act (2025:400). Send the appeal to the municipality within three weeks of the day you were notified of " +
        "the decision. The municipality checks that it arrived in time and then forwards it.",
    },
  },
  laglighetsprovning: {
    sv: {
      law: "kommunallagen",
      title: "Laglighetsprövning enligt kommunallagen",
      text:
        "Beslutet kan inte överklagas i sak. Det kan bara prövas genom laglighetsprövning enligt 13 kap. " +
        "kommunallagen: varje medlem av kommunen kan begära att förvaltningsrätten prövar om beslutet har kommit " +
        "till på lagligt sätt. Skrivelsen ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då " +
        "det tillkännagavs på kommunens anslagstavla att protokollet justerats.",
    },
    en: {
      law: "the Local Government Act",
      title: "Judicial review under the Local Government Act",
      text:
        "The decision cannot be appealed on its merits. It can only be tried by a judicial review of its " +
        "legality (laglighetsprövning) under chapter 13 of the Local Government Act: any member of the " +
        "municipality may ask the administrative court to review whether it was lawfully made. The request must " +
        "reach the court within three weeks of the day the approved minutes were announced on the municipality's " +
        "notice board.",
    },
  },
  "lss-forvaltningsratten": {
    sv: {
      law: "LSS",
      title: "Hur man överklagar – till förvaltningsrätten",
      text:
        "Beslutet kan överklagas till förvaltningsrätten enligt 27 § lagen om stöd och service till vissa " +
        "funktionshindrade (LSS). Skicka överklagandet till kommunen inom tre veckor från den dag du fick del av " +
        "beslutet. Kommunen prövar om det kommit in i rätt tid och skickar det sedan vidare till förvaltningsrätten.",
    },
    en: {
      law: "LSS",
      title: "How to appeal – to the administrative court",
      text:
        "The decision can be appealed to the administrative court (förvaltningsrätten) under section 27 of the " +
        "Act concerning Support and Service for Persons with Certain Functional Impairments (LSS). Send the appeal " +
        "to the municipality within three weeks of the day you were notified of the decision. The municipality " +
        "checks that it arrived in time and then forwards it to the court.",
    },
  },
  "bab-forvaltningsratten": {
    sv: {
      law: "lagen om bostadsanpassningsbidrag",
      title: "Hur man överklagar – till förvaltningsrätten",
      text:
        "Beslutet kan överklagas till förvaltningsrätten enligt 24 § lagen (2018:222) om bostadsanpassningsbidrag. " +
        "Skicka överklagandet till kommunen inom tre veckor från den dag du fick del av beslutet. Kommunen prövar " +
        "om det kommit in i rätt tid och skickar det sedan vidare till förvaltningsrätten.",
    },
    en: {
      law: "the Housing Adaptation Grants Act",
      title: "How to appeal – to the administrative court",
      text:
        "The decision can be appealed to the administrative court (förvaltningsrätten) under section 24 of the " +
        "Housing Adaptation Grants Act (2018:222). Send the appeal to the municipality within three weeks of the day you " +
        "were notified of the decision. The municipality checks that it arrived in time and then forwards it to " +
        "the court.",
    },
  },
  "fardtjanst-forvaltningsratten": {
    sv: {
      law: "lagen om färdtjänst och lagen om riksfärdtjänst",
      title: "Hur man överklagar – till förvaltningsrätten",
      text:
        "Beslutet kan överklagas till förvaltningsrätten enligt lagen (1997:736) om färdtjänst eller, för " +
        "riksfärdtjänst, lagen (1997:735) om riksfärdtjänst. Skicka överklagandet till kommunen inom tre veckor " +
        "från den dag du fick del av beslutet. Kommunen prövar om det kommit in i rätt tid och skickar det sedan " +
        "vidare till förvaltningsrätten.",
    },
    en: {
      law: "the Transport Service Acts",
      title: "How to appeal – to the administrative court",
      text:
        "The decision can be appealed to the administrative court (förvaltningsrätten) under the Transport " +
        "Service for Disabled Persons Act (1997:736) or, for national transport service, the National Transport " +
        "Service Act (1997:735). Send the appeal to the municipality within three weeks of the day you were " +
        "notified of the decision. The municipality checks that it arrived in time and then forwards it to the court.",
    },
  },
};

export function appealText(route: AppealRoute, lang: Lang): { title: string; text: string; law: string } {
  return APPEAL_TEXTS[route][lang];
}

/**
 * The law a case is decided under where one area holds cases of several acts (decision 106): the
 * social-services area decides under SoL, LSS, the housing adaptation grants act and the two
 * transport service acts. A case carries its law (from its e-service's definition) and a template
 * its law; a template with a law is offered, and accepted, only for cases of that law.
 */
export const LAWS = ["sol", "lss", "bab", "fardtjanst", "riksfardtjanst"] as const;
export type Law = (typeof LAWS)[number];

export function isLaw(value: unknown): value is Law {
  return typeof value === "string" && (LAWS as readonly string[]).includes(value);
}

/** Each law's area and its own appeal route (the provision its decisions are appealed under). */
export const LAW_SETUP: Readonly<Record<Law, { area: Area; appealRoute: AppealRoute }>> = {
  sol: { area: "socialtjanst", appealRoute: "sol-forvaltningsratten" },
  lss: { area: "socialtjanst", appealRoute: "lss-forvaltningsratten" },
  bab: { area: "socialtjanst", appealRoute: "bab-forvaltningsratten" },
  fardtjanst: { area: "socialtjanst", appealRoute: "fardtjanst-forvaltningsratten" },
  riksfardtjanst: { area: "socialtjanst", appealRoute: "fardtjanst-forvaltningsratten" },
};

/** The law of an area's cases whose e-service names none: social services default to SoL. */
const DEFAULT_LAW: Readonly<Partial<Record<Area, Law>>> = { socialtjanst: "sol" };

/** The law a new case of this area is decided under: the definition's, else the area's default. */
export function lawForCase(area: Area, definitionLaw: Law | undefined): Law | null {
  return definitionLaw ?? DEFAULT_LAW[area] ?? null;
}

/** A template of no law serves every case of its area; one of a law only that law's cases. */
export function templateApplies(templateLaw: string | null, caseLaw: string | null): boolean {
  return templateLaw === null || templateLaw === caseLaw;
}

/**
 * The route a decision is appealed by: the template's own, else the case's law's, else the
 * area's (the deciding body's row).
 */
export function decisionRoute(input: {
  templateRoute: AppealRoute | null | undefined;
  caseLaw: string | null;
  bodyRoute: AppealRoute;
}): AppealRoute {
  if (input.templateRoute) return input.templateRoute;
  if (isLaw(input.caseLaw)) return LAW_SETUP[input.caseLaw].appealRoute;
  return input.bodyRoute;
}

export interface BodyDefaults {
  body: Readonly<Record<Lang, string>>;
  appealRoute: AppealRoute;
}

/**
 * What a municipality starts with per area; its admin changes it at /admin/beslut. School
 * placement defaults to laglighetsprövning: skollagen 28 kap. lets a placement be appealed to
 * förvaltningsrätten only in the cases it lists, so the template for those cases names that route.
 */
export const DEFAULT_BODIES: Readonly<Record<Area, BodyDefaults>> = {
  bygglov: { body: { sv: "Byggnadsnämnden", en: "The Building Committee" }, appealRoute: "pbl-lansstyrelsen" },
  skola: {
    body: { sv: "Barn- och utbildningsnämnden", en: "The Education Committee" },
    appealRoute: "laglighetsprovning",
  },
  barnomsorg: {
    body: { sv: "Barn- och utbildningsnämnden", en: "The Education Committee" },
    appealRoute: "laglighetsprovning",
  },
  allmant: { body: { sv: "Kommunstyrelsen", en: "The Municipal Executive Board" }, appealRoute: "laglighetsprovning" },
  // Decision 099: the name most Dalsland municipalities use; an admin sets their own at /admin/beslut.
  socialtjanst: {
    body: { sv: "Socialnämnden", en: "The Social Welfare Committee" },
    appealRoute: "sol-forvaltningsratten",
  },
};

export interface DelegationPointDefaults {
  code: string;
  title: Readonly<Record<Lang, string>>;
}

export const DEFAULT_DELEGATION_POINTS: Readonly<Record<Area, DelegationPointDefaults>> = {
  bygglov: {
    code: "B 3.1",
    title: { sv: "Beslut om bygglov enligt 9 kap. PBL", en: "Building permits under PBL ch. 9" },
  },
  skola: {
    code: "U 2.1",
    title: { sv: "Placering vid skolenhet enligt skollagen", en: "Placement at a school unit under the Education Act" },
  },
  barnomsorg: {
    code: "U 1.1",
    title: { sv: "Placering i förskola och pedagogisk omsorg", en: "Placement in preschool and childcare" },
  },
  allmant: {
    code: "KS 1.1",
    title: { sv: "Beslut i ärenden om kommunens service", en: "Decisions on the municipality's services" },
  },
  socialtjanst: {
    code: "SN 1.1",
    title: {
      sv: "Beslut om bistånd och insatser enligt SoL och LSS, bostadsanpassningsbidrag och färdtjänst",
      en: "Assistance and support under SoL and LSS, housing adaptation grants and transport service",
    },
  },
};

/** The placeholders a template may use: a fixed list, filled from the case; no code. */
export const PLACEHOLDERS = ["reference", "applicant", "date", "property", "child", "municipality", "body"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

// `{` then lower-case letters then `}`: one character class, nothing nested, linear on any input.
const PLACEHOLDER = /\{([a-z]{1,20})\}/g;

/** Names in braces a text uses that are not on the list (the admin page refuses them). */
export function unknownPlaceholders(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) if (!(PLACEHOLDERS as readonly string[]).includes(m[1]!)) out.add(m[1]!);
  return [...out];
}

/** Fills a template: a known placeholder with its value (empty when the case has none); other text stays. */
export function fillTemplate(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? (values[name as Placeholder] ?? "") : whole,
  );
}

export interface TemplateDefaults {
  outcome: DecisionOutcome;
  name: Readonly<Record<Lang, string>>;
  text: Readonly<Record<Lang, string>>;
  /** Overrides the area's route (a school placement refused for the reasons skollagen lets be appealed). */
  appealRoute: AppealRoute | null;
  /** Only cases of this law are offered it (decision 106); null: every case of the area. */
  law?: Law;
}

export const DEFAULT_TEMPLATES: Readonly<Record<Area, readonly TemplateDefaults[]>> = {
  bygglov: [
    {
      outcome: "approved",
      name: { sv: "Bygglov beviljas", en: "Building permit granted" },
      text: {
        sv: "{body} beviljar bygglov för {property} enligt ansökan {reference} från {applicant}. Åtgärden får påbörjas när startbesked har getts.",
        en: "{body} grants a building permit for {property} as applied for in {reference} by {applicant}. Work may begin once a start notice has been given.",
      },
      appealRoute: null,
    },
    {
      outcome: "rejected",
      name: { sv: "Bygglov avslås", en: "Building permit refused" },
      text: {
        sv: "{body} avslår ansökan {reference} om bygglov för {property}. Skäl: ",
        en: "{body} refuses application {reference} for a building permit for {property}. Reasons: ",
      },
      appealRoute: null,
    },
  ],
  skola: [
    {
      outcome: "approved",
      name: { sv: "Placering enligt önskemål", en: "Placement as requested" },
      text: {
        sv: "{child} placeras vid den skola vårdnadshavarna valt i ansökan {reference}. Beslutet fattades {date}.",
        en: "{child} is placed at the school the guardians chose in application {reference}. Decided on {date}.",
      },
      appealRoute: null,
    },
    {
      outcome: "rejected",
      name: {
        sv: "Önskad skola kan inte erbjudas (organisatoriska skäl)",
        en: "Requested school cannot be offered (organisational reasons)",
      },
      text: {
        sv: "Önskemålet i ansökan {reference} kan inte tillgodoses eftersom en placering där skulle innebära betydande organisatoriska eller ekonomiska svårigheter för kommunen. {child} erbjuds plats vid: ",
        en: "The request in application {reference} cannot be met because a placement there would cause significant organisational or financial difficulties for the municipality. {child} is offered a place at: ",
      },
      appealRoute: "skollagen-forvaltningsratten",
    },
  ],
  barnomsorg: [
    {
      outcome: "approved",
      name: { sv: "Placering i förskola", en: "Preschool placement" },
      text: {
        sv: "{child} får en placering i förskola enligt ansökan {reference} från {applicant}. Beslutet fattades {date}.",
        en: "{child} is given a preschool placement as applied for in {reference} by {applicant}. Decided on {date}.",
      },
      appealRoute: null,
    },
    {
      outcome: "rejected",
      name: { sv: "Placering kan inte erbjudas", en: "No placement can be offered" },
      text: {
        sv: "Ansökan {reference} om placering för {child} avslås. Skäl: ",
        en: "Application {reference} for a placement for {child} is refused. Reasons: ",
      },
      appealRoute: null,
    },
  ],
  allmant: [
    {
      outcome: "approved",
      name: { sv: "Ansökan bifalls", en: "Application granted" },
      text: {
        sv: "{body} bifaller ansökan {reference} från {applicant}.",
        en: "{body} grants application {reference} from {applicant}.",
      },
      appealRoute: null,
    },
    {
      outcome: "rejected",
      name: { sv: "Ansökan avslås", en: "Application refused" },
      text: {
        sv: "{body} avslår ansökan {reference} från {applicant}. Skäl: ",
        en: "{body} refuses application {reference} from {applicant}. Reasons: ",
      },
      appealRoute: null,
    },
  ],
  // One pair per act the area decides under: the template names the act and carries its law and route.
  socialtjanst: [
    {
      outcome: "approved",
      name: { sv: "Bistånd beviljas (SoL)", en: "Assistance granted (Social Services Act)" },
      text: {
        sv: "{body} beviljar bistånd enligt socialtjänstlagen (2025:400) i enlighet med ansökan {reference} från {applicant}. Insats och omfattning: ",
        en: "{body} grants assistance under the Social Services Act (2025:400) as applied for in {reference} by {applicant}. Support and extent: ",
      },
      appealRoute: null,
      law: "sol",
    },
    {
      outcome: "rejected",
      name: { sv: "Bistånd avslås (SoL)", en: "Assistance refused (Social Services Act)" },
      text: {
        sv: "{body} avslår ansökan {reference} från {applicant} om bistånd enligt socialtjänstlagen (2025:400). Skäl: ",
        en: "{body} refuses application {reference} from {applicant} for assistance under the Social Services Act (2025:400). Reasons: ",
      },
      appealRoute: null,
      law: "sol",
    },
    {
      outcome: "approved",
      name: { sv: "Insats beviljas (LSS)", en: "Support granted (LSS)" },
      text: {
        sv: "{body} beviljar insats enligt 9 § LSS i enlighet med ansökan {reference} från {applicant}. Insats: ",
        en: "{body} grants support under section 9 of LSS as applied for in {reference} by {applicant}. Support: ",
      },
      appealRoute: "lss-forvaltningsratten",
      law: "lss",
    },
    {
      outcome: "rejected",
      name: { sv: "Insats avslås (LSS)", en: "Support refused (LSS)" },
      text: {
        sv: "{body} avslår ansökan {reference} från {applicant} om insats enligt LSS. Skäl: ",
        en: "{body} refuses application {reference} from {applicant} for support under LSS. Reasons: ",
      },
      appealRoute: "lss-forvaltningsratten",
      law: "lss",
    },
    {
      outcome: "approved",
      name: { sv: "Bostadsanpassningsbidrag beviljas", en: "Housing adaptation grant awarded" },
      text: {
        sv: "{body} beviljar bostadsanpassningsbidrag enligt ansökan {reference} från {applicant}. Bidraget avser: ",
        en: "{body} awards a housing adaptation grant as applied for in {reference} by {applicant}. The grant covers: ",
      },
      appealRoute: "bab-forvaltningsratten",
      law: "bab",
    },
    {
      outcome: "rejected",
      name: { sv: "Bostadsanpassningsbidrag avslås", en: "Housing adaptation grant refused" },
      text: {
        sv: "{body} avslår ansökan {reference} från {applicant} om bostadsanpassningsbidrag. Skäl: ",
        en: "{body} refuses application {reference} from {applicant} for a housing adaptation grant. Reasons: ",
      },
      appealRoute: "bab-forvaltningsratten",
      law: "bab",
    },
    {
      outcome: "approved",
      name: { sv: "Färdtjänst beviljas", en: "Transport service granted" },
      text: {
        sv: "{body} beviljar tillstånd till färdtjänst enligt ansökan {reference} från {applicant}. Tillståndet gäller: ",
        en: "{body} grants a transport service permit as applied for in {reference} by {applicant}. The permit covers: ",
      },
      appealRoute: "fardtjanst-forvaltningsratten",
      law: "fardtjanst",
    },
    {
      outcome: "rejected",
      name: { sv: "Färdtjänst avslås", en: "Transport service refused" },
      text: {
        sv: "{body} avslår ansökan {reference} från {applicant} om färdtjänst. Skäl: ",
        en: "{body} refuses application {reference} from {applicant} for transport service. Reasons: ",
      },
      appealRoute: "fardtjanst-forvaltningsratten",
      law: "fardtjanst",
    },
    {
      outcome: "approved",
      name: { sv: "Riksfärdtjänst beviljas", en: "National transport service granted" },
      text: {
        sv: "{body} beviljar riksfärdtjänst enligt lagen (1997:735) om riksfärdtjänst i enlighet med ansökan {reference} från {applicant}. Resan: ",
        en: "{body} grants national transport service under the National Transport Service Act (1997:735) as applied for in {reference} by {applicant}. The journey: ",
      },
      appealRoute: "fardtjanst-forvaltningsratten",
      law: "riksfardtjanst",
    },
    {
      outcome: "rejected",
      name: { sv: "Riksfärdtjänst avslås", en: "National transport service refused" },
      text: {
        sv: "{body} avslår ansökan {reference} från {applicant} om riksfärdtjänst. Skäl: ",
        en: "{body} refuses application {reference} from {applicant} for national transport service. Reasons: ",
      },
      appealRoute: "fardtjanst-forvaltningsratten",
      law: "riksfardtjanst",
    },
  ],
};
