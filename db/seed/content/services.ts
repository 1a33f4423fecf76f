import type { Bilingual, MunicipalitySlug, MunicipalVariant, SeedService, ServiceContact } from "./types";

/**
 * Example services for the shared citizens' portal of the five Dalsland municipalities
 * (Bengtsfors, Dals-Ed, Färgelanda, Mellerud, Åmål).
 *
 * Legal references point to real Swedish legislation and the childcare maxtaxa figures are the
 * national 2026 figures. Fees, processing times, contact details and local rules per municipality
 * are invented example content, which is why every entry is marked `example: true`.
 */

// ---------------------------------------------------------------------------
// Helpers (pure, no imports from the app)
// ---------------------------------------------------------------------------

type Variants = Partial<Record<MunicipalitySlug, MunicipalVariant>>;
type VariantExtra = Partial<Record<MunicipalitySlug, Omit<MunicipalVariant, "contact">>>;

const ALL: readonly MunicipalitySlug[] = ["bengtsfors", "dals-ed", "fargelanda", "mellerud", "amal"];

const DOMAIN: Record<MunicipalitySlug, string> = {
  bengtsfors: "bengtsfors.example.se",
  "dals-ed": "dals-ed.example.se",
  fargelanda: "fargelanda.example.se",
  mellerud: "mellerud.example.se",
  amal: "amal.example.se",
};

/** Switchboard numbers without the last two digits (see municipalities.ts). */
const SWITCHBOARD_PREFIX: Record<MunicipalitySlug, string> = {
  bengtsfors: "0531-52 60 ",
  "dals-ed": "0534-190 ",
  fargelanda: "0528-567 ",
  mellerud: "0530-180 ",
  amal: "0532-170 ",
};

const t = (sv: string, en: string): Bilingual => ({ sv, en });
/** Joins Markdown blocks (paragraphs, headings, lists) with blank lines. */
const md = (...blocks: string[]): string => blocks.join("\n\n");

interface Unit {
  name: Bilingual;
  mailbox: string;
  /** Last two digits of the direct number. */
  ext: string;
}

const UNITS = {
  kontaktcenter: { name: t("Kontaktcenter", "Contact centre"), mailbox: "kommun", ext: "00" },
  barnomsorg: { name: t("Barnomsorgsexpeditionen", "Childcare office"), mailbox: "barnomsorg", ext: "11" },
  skola: {
    name: t("Skolexpeditionen, Barn och utbildning", "School office, Children and Education"),
    mailbox: "skola",
    ext: "12",
  },
  vuxenutbildning: {
    name: t("Lärcentrum (vuxenutbildning)", "Learning centre (adult education)"),
    mailbox: "larcentrum",
    ext: "13",
  },
  skolskjuts: { name: t("Skolskjutshandläggare", "School transport officer"), mailbox: "skolskjuts", ext: "14" },
  bygglov: { name: t("Bygglovsenheten", "Building permit unit"), mailbox: "bygglov", ext: "21" },
  miljo: { name: t("Miljö- och hälsoskyddsenheten", "Environmental health unit"), mailbox: "miljo", ext: "22" },
  teknik: {
    name: t("Tekniska enheten, gata och park", "Technical services, streets and parks"),
    mailbox: "teknik",
    ext: "23",
  },
  va: { name: t("VA-enheten (vatten och avlopp)", "Water and sewage unit"), mailbox: "va", ext: "24" },
  avfall: { name: t("Renhållningen, kundtjänst", "Waste services, customer service"), mailbox: "avfall", ext: "25" },
  mark: { name: t("Mark och exploatering", "Land and development"), mailbox: "tomter", ext: "26" },
  raddning: {
    name: t("Räddningstjänsten, sotning och brandskydd", "Fire and rescue service, chimney sweeping"),
    mailbox: "sotning",
    ext: "27",
  },
  bostadsanpassning: { name: t("Bostadsanpassning", "Housing adaptation"), mailbox: "bostadsanpassning", ext: "28" },
  socialtjanst: {
    name: t("Socialtjänstens mottagning", "Social services reception"),
    mailbox: "socialtjanst",
    ext: "31",
  },
  bistand: {
    name: t("Biståndshandläggare, äldreomsorg", "Needs assessment officers, elderly care"),
    mailbox: "bistand",
    ext: "32",
  },
  lss: { name: t("LSS-handläggare", "LSS officers (disability support)"), mailbox: "lss", ext: "33" },
  skuldradgivning: {
    name: t("Budget- och skuldrådgivningen", "Budget and debt counselling"),
    mailbox: "skuldradgivning",
    ext: "34",
  },
  anhorigstod: { name: t("Anhörigkonsulent", "Carer support coordinator"), mailbox: "anhorigstod", ext: "35" },
  fardtjanst: { name: t("Färdtjänsthandläggare", "Mobility service officer"), mailbox: "fardtjanst", ext: "36" },
  kultur: { name: t("Kultur och fritid", "Culture and leisure"), mailbox: "kulturochfritid", ext: "41" },
  bibliotek: { name: t("Biblioteket", "The library"), mailbox: "bibliotek", ext: "42" },
  kulturskola: { name: t("Kulturskolan", "The arts school"), mailbox: "kulturskolan", ext: "43" },
  fritid: {
    name: t("Fritidsenheten, lokalbokning", "Leisure unit, facility booking"),
    mailbox: "lokalbokning",
    ext: "44",
  },
  hamn: { name: t("Hamnkontoret", "Harbour office"), mailbox: "hamn", ext: "45" },
  naringsliv: {
    name: t("Näringslivsenheten, företagslots", "Business unit, business pilot"),
    mailbox: "naringsliv",
    ext: "51",
  },
  upphandling: { name: t("Upphandlingsenheten", "Procurement unit"), mailbox: "upphandling", ext: "52" },
  tillstand: {
    name: t("Tillståndshandläggare, alkohol och tobak", "Licensing officer, alcohol and tobacco"),
    mailbox: "tillstand",
    ext: "53",
  },
  registrator: { name: t("Registraturen", "Registry"), mailbox: "registrator", ext: "54" },
  overformyndare: { name: t("Överförmyndarenheten", "Chief guardian unit"), mailbox: "overformyndaren", ext: "55" },
  kansli: { name: t("Kommunkansliet", "Municipal secretariat"), mailbox: "kansli", ext: "56" },
  arbetsmarknad: { name: t("Arbetsmarknadsenheten", "Labour market unit"), mailbox: "arbetsmarknad", ext: "57" },
  vigsel: {
    name: t("Vigselbokning, kommunkansliet", "Wedding bookings, municipal secretariat"),
    mailbox: "vigsel",
    ext: "58",
  },
} satisfies Record<string, Unit>;
type UnitKey = keyof typeof UNITS;

function contact(m: MunicipalitySlug, unit: UnitKey): ServiceContact {
  const u: Unit = UNITS[unit];
  return { name: u.name, phone: SWITCHBOARD_PREFIX[m] + u.ext, email: `${u.mailbox}@${DOMAIN[m]}` };
}

/** Contact for each offering municipality, merged with any per-municipality extras. */
function variants(unit: UnitKey, extra: VariantExtra = {}, only: readonly MunicipalitySlug[] = ALL): Variants {
  const out: Variants = {};
  for (const m of only) out[m] = { contact: contact(m, unit), ...extra[m] };
  return out;
}

function merge(...extras: VariantExtra[]): VariantExtra {
  const out: VariantExtra = {};
  for (const e of extras) {
    for (const m of ALL) {
      const v = e[m];
      if (v) out[m] = { ...out[m], ...v };
    }
  }
  return out;
}

/** Thousands grouping without a lookahead over digit runs (which backtracks; decision 040). */
const group = (n: number, sep: string): string =>
  n.toLocaleString("en-US", { maximumFractionDigits: 20 }).replace(/,/g, sep);
/** "24 800 kr" / "SEK 24,800" */
const kr = (n: number): Bilingual => t(`${group(n, " ")} kr`, `SEK ${group(n, ",")}`);
const weeks = (days: number): number => Math.max(1, Math.round(days / 7));

function feeBy(
  values: Partial<Record<MunicipalitySlug, number>>,
  text: (amount: Bilingual) => Bilingual,
): VariantExtra {
  const out: VariantExtra = {};
  for (const m of ALL) {
    const v = values[m];
    if (v !== undefined) out[m] = { fee: text(kr(v)) };
  }
  return out;
}

function timeBy(days: Partial<Record<MunicipalitySlug, number>>, text: (days: number) => Bilingual): VariantExtra {
  const out: VariantExtra = {};
  for (const m of ALL) {
    const d = days[m];
    if (d !== undefined) out[m] = { processingTime: text(d), processingDays: d };
  }
  return out;
}

function rulesBy(rules: Partial<Record<MunicipalitySlug, Bilingual>>): VariantExtra {
  const out: VariantExtra = {};
  for (const m of ALL) {
    const r = rules[m];
    if (r) out[m] = { localRules: r };
  }
  return out;
}

// ---------------------------------------------------------------------------
// Shared texts
// ---------------------------------------------------------------------------

const MAXTAXA_FORSKOLA = t(
  `Avgiften följer den nationella maxtaxan och räknas på hushållets inkomst, högst 59 200 kr/månad (2026): barn 1 betalar 3 % (högst 1 776 kr/mån), barn 2 betalar 2 % (högst 1 184 kr/mån), barn 3 betalar 1 % (högst 592 kr/mån). Från barn 4 är det gratis.`,
  `The fee follows the national maximum fee (maxtaxa) and is based on household income, capped at SEK 59,200/month (2026): child 1 pays 3 % (max SEK 1,776/month), child 2 pays 2 % (max SEK 1,184/month), child 3 pays 1 % (max SEK 592/month). From child 4 it is free.`,
);

const MAXTAXA_FRITIDSHEM = t(
  `Avgiften följer den nationella maxtaxan och räknas på hushållets inkomst, högst 59 200 kr/månad (2026): barn 1 betalar 2 % (högst 1 184 kr/mån), barn 2 och barn 3 betalar 1 % (högst 592 kr/mån). Från barn 4 är det gratis.`,
  `The fee follows the national maximum fee (maxtaxa) and is based on household income, capped at SEK 59,200/month (2026): child 1 pays 2 % (max SEK 1,184/month), child 2 and child 3 pay 1 % (max SEK 592/month). From child 4 it is free.`,
);

const MAXTAXA_FORSKOLA_LIST = t(
  md(
    `## Avgift enligt maxtaxan 2026`,
    `Avgiften är en andel av hushållets sammanlagda bruttoinkomst per månad. Inkomsttaket är 59 200 kr per månad, så ingen betalar mer än beloppen nedan. Barn 1 är det yngsta barnet i förskola eller pedagogisk omsorg.`,
    `- Barn 1: 3 % av inkomsten, högst 1 776 kr/månad\n- Barn 2: 2 % av inkomsten, högst 1 184 kr/månad\n- Barn 3: 1 % av inkomsten, högst 592 kr/månad\n- Barn 4 och fler: ingen avgift`,
  ),
  md(
    `## Fees under the 2026 maximum fee`,
    `The fee is a share of the household's combined gross income per month. The income cap is SEK 59,200 per month, so nobody pays more than the amounts below. Child 1 is the youngest child in preschool or pedagogical care.`,
    `- Child 1: 3 % of income, max SEK 1,776/month\n- Child 2: 2 % of income, max SEK 1,184/month\n- Child 3: 1 % of income, max SEK 592/month\n- Child 4 and more: no fee`,
  ),
);

const MAXTAXA_FRITIDSHEM_LIST = t(
  md(
    `## Avgift enligt maxtaxan 2026`,
    `Avgiften är en andel av hushållets sammanlagda bruttoinkomst per månad, med ett inkomsttak på 59 200 kr per månad.`,
    `- Barn 1: 2 % av inkomsten, högst 1 184 kr/månad\n- Barn 2: 1 % av inkomsten, högst 592 kr/månad\n- Barn 3: 1 % av inkomsten, högst 592 kr/månad\n- Barn 4 och fler: ingen avgift`,
  ),
  md(
    `## Fees under the 2026 maximum fee`,
    `The fee is a share of the household's combined gross income per month, with an income cap of SEK 59,200 per month.`,
    `- Child 1: 2 % of income, max SEK 1,184/month\n- Child 2: 1 % of income, max SEK 592/month\n- Child 3: 1 % of income, max SEK 592/month\n- Child 4 and more: no fee`,
  ),
);

const SKOLLAGEN_8 = t("Skollagen (2010:800) 8 kap.", "The Education Act (Skollagen, 2010:800), Chapter 8");
const PBL = t(
  "Plan- och bygglagen (2010:900) 9 kap. och plan- och byggförordningen (2011:338)",
  "The Planning and Building Act (Plan- och bygglagen, 2010:900), Chapter 9, and the Planning and Building Ordinance (2011:338)",
);
const SOL = t("Socialtjänstlagen (2025:400)", "The Social Services Act (Socialtjänstlagen, 2025:400)");

// ---------------------------------------------------------------------------
// Barn och utbildning
// ---------------------------------------------------------------------------

const barnOchUtbildning: SeedService[] = [
  {
    slug: "forskola",
    category: "barn-och-utbildning",
    administration: "barn-och-utbildning",
    offeredBy: "shared",
    title: t("Förskola", "Preschool"),
    summary: t(
      "Förskolan är till för barn från ett års ålder tills de börjar i förskoleklass. Du ansöker om plats i e-tjänsten och får ett erbjudande inom fyra månader.",
      "Preschool is for children from the age of one until they start preschool class. You apply for a place in the e-service and get an offer within four months.",
    ),
    audience: t(
      "Vårdnadshavare som är folkbokförda i kommunen, eller ska flytta hit, och har barn mellan 1 och 5 år.",
      "Guardians who are registered in the municipality, or are moving here, and have children aged 1 to 5.",
    ),
    howToApply: t(
      md(
        "Ansök i e-tjänsten **Ansökan om förskola** och logga in med BankID. Ansök helst fyra månader innan du behöver platsen.",
        "Om ni är två vårdnadshavare ska båda godkänna ansökan. När du får ett erbjudande svarar du i e-tjänsten inom 14 dagar, annars går platsen till nästa barn i kön.",
      ),
      md(
        "Apply in the e-service **Preschool application** and log in with BankID. Ideally apply four months before you need the place.",
        "If there are two guardians, both must approve the application. When you get an offer, reply in the e-service within 14 days, otherwise the place goes to the next child in the queue.",
      ),
    ),
    cost: MAXTAXA_FORSKOLA,
    processingTime: t(
      "Du får ett erbjudande om plats senast fyra månader efter att du har ansökt.",
      "You get an offer of a place no later than four months after you applied.",
    ),
    processingDays: 120,
    legalBasis: SKOLLAGEN_8,
    body: t(
      md(
        "I förskolan leker, lär och utvecklas barnen i grupp tillsammans med förskollärare och barnskötare. Verksamheten följer förskolans läroplan (Lpfö 18).",
        "Alla barn har rätt till 15 timmar i veckan i förskolan, även om du är föräldraledig eller arbetssökande. Om du arbetar eller studerar har barnet rätt till en plats som motsvarar din arbets- eller studietid plus restid.",
        "## Allmän förskola från tre år",
        "Från och med höstterminen det år barnet fyller tre år är 525 timmar per år avgiftsfria. Det motsvarar ungefär 15 timmar i veckan under skolans terminer.",
        MAXTAXA_FORSKOLA_LIST.sv,
      ),
      md(
        "In preschool, children play, learn and develop in groups together with preschool teachers and childminders. The activities follow the national preschool curriculum (Lpfö 18).",
        "All children are entitled to 15 hours a week in preschool, even if you are on parental leave or looking for work. If you work or study, your child is entitled to a place covering your working or study hours plus travel time.",
        "## Universal preschool from age three",
        "From the autumn term of the year the child turns three, 525 hours per year are free of charge. That is about 15 hours a week during school terms.",
        MAXTAXA_FORSKOLA_LIST.en,
      ),
    ),
    keywords: [
      "förskola",
      "forskola",
      "dagis",
      "barnomsorg",
      "barnomsorgsplats",
      "förskolekö",
      "forskoleko",
      "maxtaxa",
      "preschool",
      "childcare",
      "nursery",
      "kindergarten",
      "daycare",
    ],
    related: ["pedagogisk-omsorg", "fritidshem", "skolval-forskoleklass", "modersmalsundervisning"],
    authorities: ["skolverket", "forsakringskassan"],
    eServiceId: "forskola-ansokan",
    variants: variants(
      "barnomsorg",
      merge(
        timeBy({ bengtsfors: 60, "dals-ed": 45, fargelanda: 75, mellerud: 90, amal: 100 }, (d) =>
          t(
            `De flesta får plats inom cirka ${weeks(d)} veckor. Lagen ger rätt till plats inom fyra månader.`,
            `Most children get a place within about ${weeks(d)} weeks. The law guarantees a place within four months.`,
          ),
        ),
        rulesBy({
          bengtsfors: t(
            "Barnomsorg på kvällar, nätter och helger (nattis) finns på en förskola i Bengtsfors tätort för dig som arbetar obekväma tider.",
            "Evening, night and weekend childcare is available at one preschool in Bengtsfors town for parents working unsocial hours.",
          ),
          "dals-ed": t(
            "Du kan önska två förskolor. Syskon får förtur till samma förskola.",
            "You can state two preferred preschools. Siblings get priority to the same preschool.",
          ),
          fargelanda: t(
            "Du kan önska tre förskolor, till exempel i Färgelanda tätort, Högsäter eller Ödskölt.",
            "You can state three preferred preschools, for example in Färgelanda town, Högsäter or Ödskölt.",
          ),
          mellerud: t(
            "Öppen förskola finns på familjecentralen för dig som är föräldraledig, utan ansökan och utan avgift.",
            "An open preschool at the family centre welcomes parents on parental leave, with no application and no fee.",
          ),
          amal: t(
            "Ansökningar som kommer in före den 15:e i månaden behandlas i nästa månads placeringsomgång.",
            "Applications received before the 15th of the month are handled in the next month's placement round.",
          ),
        }),
      ),
    ),
    example: true,
  },
  {
    slug: "pedagogisk-omsorg",
    category: "barn-och-utbildning",
    administration: "barn-och-utbildning",
    offeredBy: ["dals-ed", "fargelanda", "mellerud"],
    title: t("Pedagogisk omsorg (dagbarnvårdare)", "Pedagogical care (childminders)"),
    summary: t(
      "Pedagogisk omsorg är ett alternativ till förskola där en dagbarnvårdare tar hand om en mindre barngrupp i sitt hem.",
      "Pedagogical care is an alternative to preschool where a registered childminder looks after a small group of children in their home.",
    ),
    audience: t(
      "Vårdnadshavare med barn mellan 1 och 12 år som vill ha barnomsorg i en liten grupp eller på tider då förskolan är stängd.",
      "Guardians of children aged 1 to 12 who want childcare in a small group or at times when preschool is closed.",
    ),
    howToApply: t(
      "Ansök i samma e-tjänst som för förskola, **Ansökan om förskola**, och välj **pedagogisk omsorg** som önskad placering.",
      "Apply in the same e-service as for preschool, **Preschool application**, and choose **pedagogical care** as your preferred placement.",
    ),
    cost: MAXTAXA_FORSKOLA,
    processingTime: t(
      "Du får ett erbjudande inom fyra månader. Antalet platser är begränsat.",
      "You get an offer within four months. The number of places is limited.",
    ),
    processingDays: 120,
    legalBasis: t("Skollagen (2010:800) 25 kap.", "The Education Act (Skollagen, 2010:800), Chapter 25"),
    body: t(
      md(
        "En dagbarnvårdare har oftast fyra till sex barn i sitt eget hem. Barnen får en lugn miljö med få vuxna att knyta an till, och dagbarnvårdaren samarbetar med en förskola för till exempel utflykter och vikarier.",
        "Pedagogisk omsorg ska följa förskolans läroplan i den utsträckning det passar verksamheten. Kommunen följer upp kvaliteten varje år.",
        MAXTAXA_FORSKOLA_LIST.sv,
      ),
      md(
        "A childminder usually looks after four to six children in their own home. Children get a calm setting with few adults to bond with, and the childminder works with a preschool for outings and cover.",
        "Pedagogical care should follow the preschool curriculum as far as it suits the setting. The municipality reviews quality every year.",
        MAXTAXA_FORSKOLA_LIST.en,
      ),
    ),
    keywords: [
      "pedagogisk omsorg",
      "dagbarnvårdare",
      "dagbarnvardare",
      "dagmamma",
      "familjedaghem",
      "barnomsorg",
      "childminder",
      "family daycare",
      "pedagogical care",
    ],
    related: ["forskola", "fritidshem"],
    authorities: ["skolverket"],
    eServiceId: "forskola-ansokan",
    variants: variants(
      "barnomsorg",
      rulesBy({
        "dals-ed": t(
          "Dagbarnvårdare finns i Ed och på landsbygden i Nössemark. Omsorg på kvällstid kan ordnas efter behov.",
          "Childminders are available in Ed and in rural Nössemark. Evening care can be arranged when needed.",
        ),
        fargelanda: t(
          "Pedagogisk omsorg finns framför allt på landsbygden, där det är långt till närmaste förskola.",
          "Pedagogical care is mainly available in rural areas far from the nearest preschool.",
        ),
        mellerud: t(
          "En dagbarnvårdare i Mellerud erbjuder omsorg från kl. 5.30 för föräldrar som börjar arbeta tidigt.",
          "One childminder in Mellerud offers care from 5.30 am for parents who start work early.",
        ),
      }),
      ["dals-ed", "fargelanda", "mellerud"],
    ),
    example: true,
  },
  {
    slug: "fritidshem",
    category: "barn-och-utbildning",
    administration: "barn-och-utbildning",
    offeredBy: "shared",
    title: t("Fritidshem", "After-school centre (fritidshem)"),
    summary: t(
      "Fritidshemmet tar emot elever från förskoleklass upp till och med vårterminen det år de fyller 13, före och efter skoldagen och på loven.",
      "The after-school centre takes pupils from preschool class until the spring term of the year they turn 13, before and after school and during holidays.",
    ),
    audience: t(
      "Vårdnadshavare till elever i förskoleklass och grundskolan som arbetar eller studerar.",
      "Guardians of pupils in preschool class and compulsory school who work or study.",
    ),
    howToApply: t(
      md(
        "Ansök i e-tjänsten **Ansökan om förskola**, där du också söker fritidshem. Ansök gärna en månad innan du behöver platsen.",
        "Lämna schema för barnets tider i e-tjänsten och uppdatera det när dina arbetstider ändras.",
      ),
      md(
        "Apply in the e-service **Preschool application**, which is also used for after-school centres. Please apply a month before you need the place.",
        "Enter your child's schedule in the e-service and update it when your working hours change.",
      ),
    ),
    cost: MAXTAXA_FRITIDSHEM,
    processingTime: t("Oftast inom en månad från ansökan.", "Usually within one month of applying."),
    processingDays: 30,
    legalBasis: t("Skollagen (2010:800) 14 kap.", "The Education Act (Skollagen, 2010:800), Chapter 14"),
    body: t(
      md(
        "Fritidshemmet ligger oftast i eller nära skolan. Barnen får en meningsfull fritid med lek, skapande, rörelse och läxstöd, och verksamheten följer läroplanen för grundskolan.",
        "På skolans lov har fritidshemmet öppet hela dagen. Inför loven frågar personalen vilka dagar barnet ska vara där.",
        MAXTAXA_FRITIDSHEM_LIST.sv,
      ),
      md(
        "The after-school centre is usually located at or near the school. Children get meaningful free time with play, creative activities, exercise and homework support, and the centre follows the compulsory school curriculum.",
        "During school holidays the centre is open all day. Before each holiday the staff ask which days your child will attend.",
        MAXTAXA_FRITIDSHEM_LIST.en,
      ),
    ),
    keywords: [
      "fritidshem",
      "fritids",
      "skolbarnsomsorg",
      "fritidshemsplats",
      "after-school",
      "after school club",
      "school-age childcare",
      "leisure-time centre",
    ],
    related: ["forskola", "skolval-forskoleklass", "fritidsgardar"],
    authorities: ["skolverket"],
    eServiceId: "forskola-ansokan",
    variants: variants(
      "barnomsorg",
      rulesBy({
        bengtsfors: t(
          "Öppen fritidsverksamhet utan anmälan finns för elever 10–12 år på Bengtsfors fritidsgård tisdagar och torsdagar.",
          "Open leisure activities without registration are available for pupils aged 10–12 at the Bengtsfors youth centre on Tuesdays and Thursdays.",
        ),
        amal: t(
          "Sommarfritids samlas på en skola per område under juli. Anmäl behovet senast den 1 maj.",
          "Summer after-school care is gathered at one school per area in July. Register your need by 1 May.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "skolval-forskoleklass",
    category: "barn-och-utbildning",
    administration: "barn-och-utbildning",
    offeredBy: "shared",
    title: t("Skolval till förskoleklass och grundskola", "Choosing a school: preschool class and compulsory school"),
    summary: t(
      "Barnet börjar förskoleklass på hösten det år hen fyller sex. I början av året gör du ett skolval i e-tjänsten.",
      "Children start preschool class in the autumn of the year they turn six. Early in the year you choose a school in the e-service.",
    ),
    audience: t(
      "Vårdnadshavare till barn som ska börja förskoleklass, och till barn som flyttar till kommunen.",
      "Guardians of children starting preschool class, and of children moving to the municipality.",
    ),
    howToApply: t(
      md(
        "I januari får du ett brev med information om skolvalet. Logga in i e-tjänsten **Skolval** med BankID och välj skola i prioritetsordning.",
        "Båda vårdnadshavarna ska göra samma val. Om du inte gör något val placeras barnet på skolan närmast hemmet där det finns plats.",
      ),
      md(
        "In January you receive a letter about choosing a school. Log in to the e-service **School choice** with BankID and list the schools in order of preference.",
        "Both guardians must make the same choice. If you make no choice, your child is placed at the school nearest home that has room.",
      ),
    ),
    cost: t(
      "Förskoleklass och grundskola är avgiftsfria.",
      "Preschool class and compulsory school are free of charge.",
    ),
    processingTime: t("Besked om placering skickas ut i april.", "Placement decisions are sent out in April."),
    legalBasis: t(
      "Skollagen (2010:800) 9 kap. 15 § och 10 kap. 30 §",
      "The Education Act (Skollagen, 2010:800), Chapter 9 Section 15 and Chapter 10 Section 30",
    ),
    body: t(
      md(
        "Förskoleklassen är obligatorisk och är det första året i skolan. Sedan går barnet i grundskolan årskurs 1–9.",
        "## Så placeras eleverna",
        "Kommunen försöker i första hand placera eleven på den skola vårdnadshavarna önskar. Om det finns fler sökande än platser går elever som har närmast till skolan och syskon på samma skola före.",
        "Du kan också välja en fristående skola. Ansökan görs då direkt till den skolan.",
      ),
      md(
        "Preschool class is compulsory and is the first year of school. After that the child attends compulsory school, years 1–9.",
        "## How pupils are placed",
        "The municipality first tries to place pupils at the school the guardians prefer. If there are more applicants than places, pupils living closest to the school and siblings of current pupils get priority.",
        "You can also choose an independent school. In that case you apply directly to that school.",
      ),
    ),
    keywords: [
      "skolval",
      "förskoleklass",
      "forskoleklass",
      "grundskola",
      "skolstart",
      "skolplacering",
      "school choice",
      "school admission",
      "preschool class",
      "primary school",
      "compulsory school",
    ],
    related: ["byte-av-skola", "skolskjuts", "fritidshem", "modersmalsundervisning"],
    authorities: ["skolverket"],
    eServiceId: "skolval-ansokan",
    variants: variants(
      "skola",
      rulesBy({
        bengtsfors: t("Skolvalet är öppet 15 januari–15 februari.", "School choice is open 15 January–15 February."),
        "dals-ed": t(
          "Alla elever i förskoleklass går på samma skola i Ed. Skolvalet gäller därför främst val av fristående skola.",
          "All preschool-class pupils attend the same school in Ed, so the school choice mainly concerns independent schools.",
        ),
        fargelanda: t("Skolvalet är öppet 10 januari–10 februari.", "School choice is open 10 January–10 February."),
        mellerud: t("Skolvalet är öppet 15 januari–15 februari.", "School choice is open 15 January–15 February."),
        amal: t(
          "Skolvalet är öppet 1–31 januari. Åmål har flera skolor med förskoleklass, så gör gärna ett aktivt val.",
          "School choice is open 1–31 January. Åmål has several schools with preschool classes, so please make an active choice.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "byte-av-skola",
    category: "barn-och-utbildning",
    administration: "barn-och-utbildning",
    offeredBy: "shared",
    title: t("Byte av skola", "Changing schools"),
    summary: t(
      "Du kan ansöka om att ditt barn ska byta till en annan kommunal skola, till exempel efter en flytt.",
      "You can apply for your child to move to another municipal school, for example after moving house.",
    ),
    audience: t(
      "Vårdnadshavare till elever i förskoleklass och grundskola.",
      "Guardians of pupils in preschool class and compulsory school.",
    ),
    howToApply: t(
      "Ansök i e-tjänsten **Skolval** och välj **byte av skola**. Båda vårdnadshavarna ska godkänna ansökan. Prata gärna med nuvarande rektor först.",
      "Apply in the e-service **School choice** and select **change of school**. Both guardians must approve the application. It is a good idea to talk to the current head teacher first.",
    ),
    cost: t("Avgiftsfritt.", "Free of charge."),
    processingTime: t("Beslut inom cirka tre veckor.", "Decision within about three weeks."),
    processingDays: 21,
    legalBasis: t(
      "Skollagen (2010:800) 10 kap. 30 §",
      "The Education Act (Skollagen, 2010:800), Chapter 10 Section 30",
    ),
    body: t(
      md(
        "Ett skolbyte sker oftast vid terminsstart, men kan ske under läsåret om det finns plats. Rektorn på den nya skolan beslutar om placering.",
        "Om du får avslag på grund av platsbrist kan du överklaga beslutet till Skolväsendets överklagandenämnd inom tre veckor.",
        "Tänk på att rätten till skolskjuts kan ändras om barnet byter till en annan skola än den kommunen anvisar.",
      ),
      md(
        "A change of school usually happens at the start of a term, but can happen during the school year if there is room. The head teacher at the new school decides on placement.",
        "If you are refused because the school is full, you can appeal to the National Board of Appeal for Education (Skolväsendets överklagandenämnd) within three weeks.",
        "Note that the right to school transport may change if your child moves to a school other than the one the municipality assigns.",
      ),
    ),
    keywords: [
      "byta skola",
      "skolbyte",
      "byte av skola",
      "flytt",
      "ny skola",
      "change school",
      "school transfer",
      "moving",
    ],
    related: ["skolval-forskoleklass", "skolskjuts"],
    authorities: ["skolverket"],
    eServiceId: "skolval-ansokan",
    variants: variants(
      "skola",
      timeBy({ bengtsfors: 14, "dals-ed": 10, fargelanda: 21, mellerud: 14, amal: 21 }, (d) =>
        t(`Beslut inom cirka ${weeks(d)} veckor.`, `Decision within about ${weeks(d)} weeks.`),
      ),
    ),
    example: true,
  },
  {
    slug: "skolskjuts",
    category: "barn-och-utbildning",
    administration: "barn-och-utbildning",
    offeredBy: "shared",
    title: t("Skolskjuts", "School transport"),
    summary: t(
      "Elever som har lång väg till skolan kan få skolskjuts med buss, skoltaxi eller busskort i kollektivtrafiken.",
      "Pupils with a long way to school can get school transport by bus, school taxi or a public transport card.",
    ),
    audience: t(
      "Elever i förskoleklass, grundskola och anpassad skola som bor långt från skolan, har en trafikfarlig skolväg eller en funktionsnedsättning.",
      "Pupils in preschool class, compulsory school and adapted school who live far from school, have a dangerous route to school or a disability.",
    ),
    howToApply: t(
      md(
        "Skolskjuts planeras automatiskt utifrån folkbokföringsadressen för elever som går i den skola kommunen anvisar och uppfyller avståndsreglerna.",
        "Du behöver ansöka särskilt vid växelvis boende, vid funktionsnedsättning eller om du anser att vägen är trafikfarlig. Kontakta skolskjutshandläggaren senast 1 maj inför hösten.",
      ),
      md(
        "School transport is planned automatically from the registered address for pupils attending the school the municipality assigns and meeting the distance rules.",
        "You need to apply separately for alternating residence, disability, or if you consider the route dangerous. Contact the school transport officer by 1 May before the autumn term.",
      ),
    ),
    cost: t("Skolskjuts är avgiftsfri för eleven.", "School transport is free for the pupil."),
    processingTime: t(
      "Beslut om särskild ansökan inom fyra veckor.",
      "Decisions on separate applications within four weeks.",
    ),
    processingDays: 28,
    legalBasis: t(
      "Skollagen (2010:800) 10 kap. 32–33 §",
      "The Education Act (Skollagen, 2010:800), Chapter 10 Sections 32–33",
    ),
    body: t(
      md(
        "Kommunen ska ordna kostnadsfri skolskjuts om det behövs med hänsyn till färdvägens längd, trafikförhållanden, funktionsnedsättning eller någon annan särskild omständighet.",
        "I Dalsland åker många elever med den vanliga linjetrafiken. De får då ett busskort som gäller under skoldagar.",
        "## Om du väljer en annan skola",
        "Om du själv väljer en annan skola än den kommunen anvisar har eleven rätt till skolskjuts bara om det kan ordnas utan extra kostnad eller organisatoriska svårigheter.",
      ),
      md(
        "The municipality must provide free school transport when needed because of the length of the route, traffic conditions, a disability or another special circumstance.",
        "In Dalsland many pupils travel on regular public bus routes. They then get a bus card valid on school days.",
        "## If you choose another school",
        "If you choose a school other than the one the municipality assigns, the pupil is entitled to school transport only if it can be arranged without extra cost or organisational difficulties.",
      ),
    ),
    keywords: [
      "skolskjuts",
      "skolbuss",
      "skoltaxi",
      "busskort",
      "skolkort",
      "school bus",
      "school transport",
      "school taxi",
    ],
    related: ["skolval-forskoleklass", "byte-av-skola", "gymnasieskola"],
    authorities: ["vastra-gotalandsregionen"],
    eServiceId: "ansokan-skolskjuts",
    variants: variants(
      "skolskjuts",
      rulesBy({
        bengtsfors: t(
          "Avståndsgräns: F–3 minst 2 km, årskurs 4–6 minst 3 km, årskurs 7–9 minst 4 km.",
          "Distance limits: years F–3 at least 2 km, years 4–6 at least 3 km, years 7–9 at least 4 km.",
        ),
        "dals-ed": t(
          "Avståndsgräns: F–3 minst 2 km, årskurs 4–9 minst 3 km.",
          "Distance limits: years F–3 at least 2 km, years 4–9 at least 3 km.",
        ),
        fargelanda: t(
          "Avståndsgräns: F–3 minst 2,5 km, årskurs 4–6 minst 3,5 km, årskurs 7–9 minst 4,5 km.",
          "Distance limits: years F–3 at least 2.5 km, years 4–6 at least 3.5 km, years 7–9 at least 4.5 km.",
        ),
        mellerud: t(
          "Avståndsgräns: F–3 minst 2 km, årskurs 4–6 minst 3 km, årskurs 7–9 minst 4 km. Skolskjuts vid växelvis boende beviljas om båda adresserna ligger i kommunen.",
          "Distance limits: years F–3 at least 2 km, years 4–6 at least 3 km, years 7–9 at least 4 km. Transport for alternating residence is granted when both addresses are in the municipality.",
        ),
        amal: t(
          "Avståndsgräns: F–3 minst 2 km, årskurs 4–6 minst 3 km, årskurs 7–9 minst 5 km.",
          "Distance limits: years F–3 at least 2 km, years 4–6 at least 3 km, years 7–9 at least 5 km.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "gymnasieskola",
    category: "barn-och-utbildning",
    administration: "barn-och-utbildning",
    offeredBy: "shared",
    title: t("Gymnasieskola", "Upper secondary school"),
    summary: t(
      "Efter grundskolan kan du söka till gymnasieskolan. Ansökan görs i den gemensamma gymnasieantagningen i Fyrbodal.",
      "After compulsory school you can apply to upper secondary school. Applications go through the joint upper secondary admissions for the Fyrbodal region.",
    ),
    audience: t(
      "Ungdomar som går ut årskurs 9 och unga under 20 år som inte har en gymnasieexamen.",
      "Young people finishing year 9 and those under 20 who do not have an upper secondary diploma.",
    ),
    howToApply: t(
      md(
        "I årskurs 9 får du inloggning till antagningens webbplats av din studie- och yrkesvägledare. Sista dag för ansökan är i början av februari och du kan ändra dina val fram till maj.",
        "Preliminärt antagningsbesked kommer i april och slutligt besked i början av juli.",
      ),
      md(
        "In year 9 your study and careers counsellor gives you a login to the admissions website. The application deadline is in early February and you can change your choices until May.",
        "Preliminary results come in April and the final admission decision in early July.",
      ),
    ),
    cost: t(
      "Gymnasieskolan är avgiftsfri. Du får studiebidrag från CSN och kan få busskort eller inackorderingstillägg från kommunen.",
      "Upper secondary school is free. You receive a study grant from CSN and may get a bus card or a boarding allowance from the municipality.",
    ),
    processingTime: t("Slutligt antagningsbesked i början av juli.", "Final admission decision in early July."),
    legalBasis: t("Skollagen (2010:800) 15–17 kap.", "The Education Act (Skollagen, 2010:800), Chapters 15–17"),
    body: t(
      md(
        "Du kan söka både nationella program och introduktionsprogram, i din hemkommun eller i en annan kommun. Kommunen betalar din utbildning även om du går i en annan kommun.",
        "## Resor och boende",
        "- Bor du minst 6 km från skolan får du busskort eller reseersättning.\n- Om du behöver bo på skolorten kan du få inackorderingstillägg från hemkommunen.\n- Studiebidraget från CSN betalas ut automatiskt.",
      ),
      md(
        "You can apply for national programmes and introductory programmes, in your home municipality or elsewhere. Your home municipality pays for your education even if you study in another municipality.",
        "## Travel and accommodation",
        "- If you live at least 6 km from school you get a bus card or travel allowance.\n- If you need to live in the town where you study, you may get a boarding allowance from your home municipality.\n- The study grant from CSN is paid automatically.",
      ),
    ),
    keywords: [
      "gymnasium",
      "gymnasieskola",
      "gymnasieval",
      "gymnasieantagning",
      "inackordering",
      "studiebidrag",
      "upper secondary",
      "high school",
      "sixth form",
    ],
    related: ["skolskjuts", "vuxenutbildning-komvux", "feriearbete"],
    authorities: ["csn", "skolverket"],
    variants: variants(
      "skola",
      rulesBy({
        bengtsfors: t(
          "Bengtsfors har en egen gymnasieskola med bland annat el- och energiprogrammet och samhällsvetenskapsprogrammet.",
          "Bengtsfors has its own upper secondary school offering, among others, the electricity and energy programme and the social science programme.",
        ),
        "dals-ed": t(
          "Dals-Ed har ingen egen gymnasieskola. De flesta elever läser i Bengtsfors, Åmål eller Vänersborg.",
          "Dals-Ed has no upper secondary school of its own. Most students study in Bengtsfors, Åmål or Vänersborg.",
        ),
        fargelanda: t(
          "Färgelanda har ingen egen gymnasieskola. Eleverna åker oftast till Vänersborg, Uddevalla eller Mellerud.",
          "Färgelanda has no upper secondary school of its own. Students usually travel to Vänersborg, Uddevalla or Mellerud.",
        ),
        mellerud: t(
          "Mellerud erbjuder introduktionsprogram på hemorten. Nationella program läses oftast i Åmål eller Vänersborg.",
          "Mellerud offers introductory programmes locally. National programmes are usually taken in Åmål or Vänersborg.",
        ),
        amal: t(
          "Åmål har en egen gymnasieskola med högskoleförberedande program och yrkesprogram.",
          "Åmål has its own upper secondary school with university-preparatory and vocational programmes.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "vuxenutbildning-komvux",
    category: "barn-och-utbildning",
    administration: "barn-och-utbildning",
    offeredBy: "shared",
    title: t("Vuxenutbildning (Komvux)", "Adult education (Komvux)"),
    summary: t(
      "På Komvux kan du läsa in grundskola eller gymnasium, byta yrke eller fördjupa dina kunskaper, på plats eller på distans.",
      "At Komvux you can complete compulsory or upper secondary school, retrain for a new job or deepen your knowledge, on site or remotely.",
    ),
    audience: t(
      "Dig som är 20 år eller äldre, eller har en gymnasieexamen, och bor i Sverige.",
      "Anyone aged 20 or over, or who has an upper secondary diploma, and lives in Sweden.",
    ),
    howToApply: t(
      md(
        "Boka gärna ett samtal med studie- och yrkesvägledaren på Lärcentrum. Ansök sedan via Lärcentrums ansökningsformulär inför varje kursstart.",
        "Bifoga betyg från tidigare utbildning. Har du betyg från ett annat land kan du få hjälp att få dem bedömda.",
      ),
      md(
        "Book a meeting with the study and careers counsellor at the learning centre. Then apply through the learning centre's application form before each course start.",
        "Attach grades from previous education. If your grades are from another country, you can get help having them assessed.",
      ),
    ),
    cost: t(
      "Utbildningen är avgiftsfri. Du köper eller lånar själv vissa böcker. Du kan söka studiemedel från CSN.",
      "Tuition is free. You buy or borrow some books yourself. You can apply for student finance from CSN.",
    ),
    processingTime: t(
      "Besked om antagning cirka tre veckor före kursstart.",
      "Admission decision about three weeks before the course starts.",
    ),
    processingDays: 21,
    legalBasis: t("Skollagen (2010:800) 20 kap.", "The Education Act (Skollagen, 2010:800), Chapter 20"),
    body: t(
      md(
        "Komvux finns på grundläggande nivå (motsvarar grundskolan) och på gymnasial nivå. Det finns också yrkesutbildningar, till exempel inom vård och omsorg, barnskötare och industri.",
        "Många kurser går att läsa på distans med stöd från lärare på Lärcentrum. Det passar dig som arbetar eller bor långt från centralorten.",
        "Om du är arbetssökande kan Arbetsförmedlingen i vissa fall anvisa dig till studier. Prata med din handläggare.",
      ),
      md(
        "Komvux is available at basic level (equivalent to compulsory school) and at upper secondary level. There are also vocational programmes, for example in health and social care, child care and industry.",
        "Many courses can be taken remotely with support from teachers at the learning centre. This suits you if you work or live far from the main town.",
        "If you are looking for work, the Public Employment Service can in some cases refer you to studies. Talk to your case officer.",
      ),
    ),
    keywords: [
      "komvux",
      "vuxenutbildning",
      "vuxenskola",
      "lärcentrum",
      "larcentrum",
      "yrkesutbildning",
      "distansstudier",
      "adult education",
      "retraining",
      "evening classes",
    ],
    related: ["sfi", "gymnasieskola", "naringslivsradgivning"],
    authorities: ["csn", "arbetsformedlingen", "skolverket"],
    eServiceId: "ansokan-komvux",
    variants: variants(
      "vuxenutbildning",
      rulesBy({
        bengtsfors: t("Kursstart varje månad för distanskurser.", "Distance courses start every month."),
        "dals-ed": t(
          "Yrkesutbildningar läses i samarbete med Bengtsfors och Åmål. Resebidrag kan beviljas.",
          "Vocational programmes are run jointly with Bengtsfors and Åmål. A travel grant may be awarded.",
        ),
        amal: t(
          "Åmål har kvällskurser i svenska, engelska och matematik på gymnasial nivå.",
          "Åmål offers evening courses in Swedish, English and mathematics at upper secondary level.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "sfi",
    category: "barn-och-utbildning",
    administration: "barn-och-utbildning",
    offeredBy: "shared",
    title: t("Svenska för invandrare (SFI)", "Swedish for immigrants (SFI)"),
    summary: t(
      "SFI är en kostnadsfri utbildning i grundläggande svenska för vuxna som har ett annat modersmål.",
      "SFI is a free basic Swedish language course for adults whose first language is not Swedish.",
    ),
    audience: t(
      "Dig som är 16 år eller äldre från och med andra kalenderhalvåret, är folkbokförd i kommunen och saknar grundläggande kunskaper i svenska.",
      "Anyone who is 16 or older from the second half of that calendar year, is registered in the municipality and lacks basic Swedish.",
    ),
    howToApply: t(
      md(
        "Fyll i ansökan på Lärcentrum eller kontakta studie- och yrkesvägledaren. Ta med id-handling och uppgift om ditt personnummer.",
        "Du blir kallad till ett inskrivningssamtal där vi tillsammans planerar dina studier.",
      ),
      md(
        "Fill in the application at the learning centre or contact the study and careers counsellor. Bring ID and your Swedish personal identity number.",
        "You will be invited to an intake interview where we plan your studies together.",
      ),
    ),
    cost: t("Avgiftsfritt.", "Free of charge."),
    processingTime: t(
      "Du ska kunna börja inom tre månader från att du ansökt, oftast betydligt snabbare.",
      "You should be able to start within three months of applying, usually much sooner.",
    ),
    processingDays: 90,
    legalBasis: t(
      "Skollagen (2010:800) 20 kap. 31–33 §",
      "The Education Act (Skollagen, 2010:800), Chapter 20 Sections 31–33",
    ),
    body: t(
      md(
        "SFI har fyra studievägar och kurserna A–D. Du börjar på den nivå som passar din bakgrund och takt. Undervisningen kan kombineras med arbete, praktik eller yrkeskurser.",
        "## Vad behöver jag?",
        "- Personnummer och folkbokföring i kommunen\n- Id-handling\n- Eventuella betyg från tidigare utbildning",
        "Har du uppehållstillstånd och deltar i etableringsprogrammet samordnar Lärcentrum dina studier med Arbetsförmedlingen.",
      ),
      md(
        "SFI has four study paths and courses A–D. You start at the level that suits your background and pace. Classes can be combined with work, work placement or vocational courses.",
        "## What do I need?",
        "- A personal identity number and registration in the municipality\n- ID\n- Any grades from previous education",
        "If you have a residence permit and take part in the introduction programme, the learning centre coordinates your studies with the Public Employment Service.",
      ),
    ),
    keywords: [
      "sfi",
      "svenska för invandrare",
      "svenska for invandrare",
      "svenskundervisning",
      "språkkurs",
      "sprakkurs",
      "swedish course",
      "learn swedish",
      "swedish for immigrants",
      "language course",
    ],
    related: ["vuxenutbildning-komvux", "modersmalsundervisning"],
    authorities: ["migrationsverket", "arbetsformedlingen", "skatteverket"],
    eServiceId: "ansokan-sfi",
    variants: variants(
      "vuxenutbildning",
      timeBy({ bengtsfors: 14, "dals-ed": 21, fargelanda: 21, mellerud: 14, amal: 7 }, (d) =>
        t(`Normalt kan du börja inom ${weeks(d)} veckor.`, `You can normally start within ${weeks(d)} weeks.`),
      ),
    ),
    example: true,
  },
  {
    slug: "modersmalsundervisning",
    category: "barn-och-utbildning",
    administration: "barn-och-utbildning",
    offeredBy: "shared",
    title: t("Modersmålsundervisning", "Mother tongue tuition"),
    summary: t(
      "Elever som talar ett annat språk än svenska hemma kan få undervisning i sitt modersmål i skolan.",
      "Pupils who speak a language other than Swedish at home can receive tuition in their mother tongue at school.",
    ),
    audience: t(
      "Elever i grundskola och gymnasium där en vårdnadshavare har ett annat modersmål än svenska och språket används dagligen i hemmet.",
      "Pupils in compulsory and upper secondary school where a guardian has a mother tongue other than Swedish and the language is used daily at home.",
    ),
    howToApply: t(
      "Fyll i anmälan om modersmålsundervisning och lämna den till skolans expedition, senast den 1 maj inför nästa läsår. Anmälan gäller tills du säger upp den.",
      "Fill in the mother tongue tuition form and hand it in to the school office by 1 May before the next school year. The registration remains valid until you cancel it.",
    ),
    cost: t("Avgiftsfritt.", "Free of charge."),
    processingTime: t("Besked i början av höstterminen.", "Decision at the start of the autumn term."),
    legalBasis: t(
      "Skollagen (2010:800) 10 kap. 7 § och skolförordningen (2011:185) 5 kap.",
      "The Education Act (Skollagen, 2010:800), Chapter 10 Section 7, and the School Ordinance (2011:185), Chapter 5",
    ),
    body: t(
      md(
        "Eleven ska ha grundläggande kunskaper i språket. Undervisningen är oftast en gång i veckan, ibland efter skoltid eller på distans.",
        "Kommunen ordnar undervisning om det finns minst fem elever som vill läsa språket och det finns en lämplig lärare. För de nationella minoritetsspråken finska, jiddisch, meänkieli, romani chib och samiska gäller inte kravet på fem elever eller kravet på grundläggande kunskaper.",
        "I förskolan får barn med ett annat modersmål stöd i sitt språk inom den vanliga verksamheten.",
      ),
      md(
        "The pupil should have basic knowledge of the language. Lessons are usually once a week, sometimes after school hours or remotely.",
        "The municipality arranges tuition if at least five pupils want to study the language and a suitable teacher is available. For the national minority languages Finnish, Yiddish, Meänkieli, Romani Chib and Sami, neither the five-pupil rule nor the basic-knowledge rule applies.",
        "In preschool, children with another mother tongue get language support as part of everyday activities.",
      ),
    ),
    keywords: [
      "modersmål",
      "modersmal",
      "modersmålsundervisning",
      "hemspråk",
      "hemsprak",
      "minoritetsspråk",
      "mother tongue",
      "heritage language",
      "native language",
    ],
    related: ["skolval-forskoleklass", "forskola", "sfi"],
    authorities: ["skolverket"],
    eServiceId: "ansokan-modersmal",
    variants: variants("skola"),
    example: true,
  },
];

// ---------------------------------------------------------------------------
// Bygga, bo och miljö
// ---------------------------------------------------------------------------

/** Typical time from complete application to decision, in days (example figures). */
const BYGGLOV_DAYS: Record<MunicipalitySlug, number> = {
  bengtsfors: 28,
  "dals-ed": 21,
  fargelanda: 35,
  mellerud: 30,
  amal: 25,
};
/** Typical time from complete notification (anmälan) to start notice, in days (example figures). */
const ANMALAN_DAYS: Record<MunicipalitySlug, number> = {
  bengtsfors: 14,
  "dals-ed": 10,
  fargelanda: 21,
  mellerud: 18,
  amal: 14,
};

const BYGG_RULES_GENERAL: VariantExtra = rulesBy({
  bengtsfors: t(
    "Inom detaljplanerade områden längs Dalslands kanal gäller särskilda varsamhetsbestämmelser. Boka gärna ett kostnadsfritt förhandsmöte innan du ansöker.",
    "Special preservation rules apply in areas with a local plan along the Dalsland Canal. You are welcome to book a free advance meeting before applying.",
  ),
  "dals-ed": t(
    "Bygglovshandläggarna har telefontid måndag–torsdag kl. 9–11 för kostnadsfri rådgivning.",
    "The building permit officers take phone calls Monday–Thursday 9–11 am for free advice.",
  ),
  fargelanda: t(
    "Stora delar av kommunen ligger utanför detaljplan. Där krävs ofta inte bygglov för komplementbyggnader i direkt anslutning till bostadshuset. Fråga oss om du är osäker.",
    "Large parts of the municipality are outside local plans. There, outbuildings right next to the house often do not need a permit. Ask us if you are unsure.",
  ),
  mellerud: t(
    "Inom kulturmiljön i centrala Mellerud krävs bygglov även för byte av fönster, fasadmaterial och kulör.",
    "In the protected historic centre of Mellerud, a permit is also needed to change windows, facade materials and colours.",
  ),
  amal: t(
    "I stadsdelen Plan och andra kulturmiljöer i Åmål är bebyggelsen skyddad. Kontakta bygglovsenheten tidigt om ditt hus ligger där.",
    "Buildings in the Plan district and other historic areas of Åmål are protected. Contact the building permit unit early if your house is there.",
  ),
});

function bygglovVariants(
  fees: Record<MunicipalitySlug, number>,
  kind: "lov" | "anmalan",
  rules: VariantExtra = BYGG_RULES_GENERAL,
): Variants {
  return variants(
    "bygglov",
    merge(
      feeBy(fees, (a) =>
        t(
          `Cirka ${a.sv} för ett normalt ärende enligt kommunens plan- och bygglovstaxa. Avgiften tas ut även om du får avslag.`,
          `About ${a.en} for a typical case under the municipality's planning and building fee schedule. The fee is charged even if the application is refused.`,
        ),
      ),
      timeBy(kind === "lov" ? BYGGLOV_DAYS : ANMALAN_DAYS, (d) =>
        kind === "lov"
          ? t(
              `Normalt cirka ${weeks(d)} veckor från att ansökan är komplett. Enligt lag ska beslut fattas inom 10 veckor.`,
              `Usually about ${weeks(d)} weeks from a complete application. By law, a decision must be made within 10 weeks.`,
            )
          : t(
              `Normalt cirka ${weeks(d)} veckor från att anmälan är komplett. Enligt lag ska beslut om startbesked fattas inom 4 veckor.`,
              `Usually about ${weeks(d)} weeks from a complete notification. By law, a decision on start notice must be made within 4 weeks.`,
            ),
      ),
      rules,
    ),
  );
}

const BYGGLOV_TIME = t(
  "Beslut inom 10 veckor från att ansökan är komplett. Tiden får förlängas en gång med högst 10 veckor om ärendet är komplicerat.",
  "A decision within 10 weeks of a complete application. The time may be extended once by up to 10 weeks if the case is complex.",
);

const BYGGLOV_STEPS = t(
  md(
    "## Så går det till",
    "1. Ta gärna kontakt med bygglovsenheten innan du ansöker.\n2. Skicka ansökan med ritningar i e-tjänsten.\n3. Vi kontrollerar att ansökan är komplett och meddelar dig inom tre veckor om något saknas.\n4. Grannar och andra berörda kan få yttra sig.\n5. Du får beslut. Beslutet kungörs i Post- och Inrikes Tidningar och vinner laga kraft fyra veckor senare.\n6. Du får startbesked och kan börja bygga.\n7. När bygget är klart ansöker du om slutbesked. Du får inte flytta in eller använda byggnaden innan dess.",
    "Om kommunen inte håller tidsfristen på 10 veckor minskas avgiften med en femtedel för varje påbörjad vecka som fristen överskrids.",
  ),
  md(
    "## How it works",
    "1. Feel free to contact the building permit unit before you apply.\n2. Send the application with drawings in the e-service.\n3. We check that the application is complete and tell you within three weeks if anything is missing.\n4. Neighbours and others affected may be asked for their views.\n5. You get a decision. It is published in the official gazette (Post- och Inrikes Tidningar) and becomes final four weeks later.\n6. You get a start notice (startbesked) and can start building.\n7. When the work is finished you apply for a final notice (slutbesked). You may not move in or use the building before then.",
    "If the municipality does not meet the 10-week deadline, the fee is reduced by one fifth for each started week the deadline is exceeded.",
  ),
);

const byggaBoOchMiljo: SeedService[] = [
  {
    slug: "bygglov-nybyggnad",
    category: "bygga-bo-och-miljo",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Bygglov för nybyggnad", "Building permit for new construction"),
    summary: t(
      "Du behöver bygglov för att bygga ett nytt hus, till exempel ett bostadshus, ett fritidshus eller ett större garage.",
      "You need a building permit to build a new building, for example a house, a holiday home or a large garage.",
    ),
    audience: t(
      "Privatpersoner och företag som vill bygga en ny byggnad i någon av kommunerna.",
      "Private individuals and companies who want to build a new building in any of the municipalities.",
    ),
    howToApply: t(
      md(
        "Ansök i e-tjänsten **Bygglov** och logga in med BankID. Bifoga:",
        "- situationsplan (inom detaljplan en nybyggnadskarta)\n- planritning, fasadritningar och sektionsritning\n- förslag till kontrollplan\n- namn på kontrollansvarig, om det behövs",
      ),
      md(
        "Apply in the e-service **Building permit** and log in with BankID. Attach:",
        "- a site plan (within a local plan, an official new-build map)\n- floor plan, elevation drawings and section drawing\n- a proposed inspection plan\n- the name of a certified quality controller, if required",
      ),
    ),
    cost: t(
      "Avgiften beräknas enligt kommunens plan- och bygglovstaxa och beror på byggnadens storlek. För ett enbostadshus är den oftast 20 000–30 000 kr, plus nybyggnadskarta och utstakning.",
      "The fee is set by the municipality's planning and building fee schedule and depends on the size of the building. For a detached house it is usually SEK 20,000–30,000, plus the new-build map and setting out.",
    ),
    processingTime: BYGGLOV_TIME,
    processingDays: 70,
    legalBasis: PBL,
    body: t(
      md(
        "Bygglov krävs för nästan all nybyggnad. Kommunen prövar om byggnaden passar på platsen, följer detaljplanen och tar hänsyn till grannar, natur och kulturmiljö.",
        "Utanför detaljplan kan du först söka förhandsbesked för att få veta om platsen går att bebygga innan du tar fram ritningar.",
        BYGGLOV_STEPS.sv,
      ),
      md(
        "A building permit is required for almost all new construction. The municipality checks whether the building suits the site, follows the local plan and takes neighbours, nature and cultural heritage into account.",
        "Outside local plans you can first apply for an advance ruling (förhandsbesked) to find out whether the site can be built on before you produce drawings.",
        BYGGLOV_STEPS.en,
      ),
    ),
    keywords: [
      "bygglov",
      "nybyggnad",
      "bygga hus",
      "villa",
      "fritidshus",
      "garage",
      "förhandsbesked",
      "forhandsbesked",
      "startbesked",
      "slutbesked",
      "building permit",
      "planning permission",
      "new house",
      "construction",
    ],
    related: [
      "bygglov-tillbyggnad",
      "marklov",
      "strandskyddsdispens",
      "enskilt-avlopp",
      "vatten-och-avlopp",
      "lediga-tomter",
    ],
    authorities: ["boverket", "lantmateriet"],
    eServiceId: "bygglov-ansokan",
    variants: bygglovVariants(
      { bengtsfors: 24800, "dals-ed": 21500, fargelanda: 23900, mellerud: 26400, amal: 27300 },
      "lov",
    ),
    example: true,
  },
  {
    slug: "bygglov-tillbyggnad",
    category: "bygga-bo-och-miljo",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Bygglov för tillbyggnad", "Building permit for an extension"),
    summary: t(
      "Om du gör ditt hus större, till exempel med ett uterum, en ny våning eller en inbyggd veranda, behöver du oftast bygglov.",
      "If you make your house bigger, for example with a conservatory, an extra storey or an enclosed veranda, you usually need a building permit.",
    ),
    audience: t("Fastighetsägare som vill bygga till ett hus.", "Property owners who want to extend a building."),
    howToApply: t(
      md(
        "Ansök i e-tjänsten **Bygglov**. Bifoga situationsplan, planritning, fasad- och sektionsritningar som visar både befintlig byggnad och tillbyggnaden.",
        "Till ett en- eller tvåbostadshus kan du bygga till högst 15 m² utan bygglov som en attefallsåtgärd, men då behöver du göra en anmälan.",
      ),
      md(
        "Apply in the e-service **Building permit**. Attach a site plan, floor plan, elevation and section drawings showing both the existing building and the extension.",
        "On a one- or two-family house you can add up to 15 m² without a permit as an Attefall measure, but you must submit a notification.",
      ),
    ),
    cost: t(
      "Avgiften beräknas enligt kommunens plan- och bygglovstaxa, oftast 8 000–13 000 kr för en tillbyggnad av ett bostadshus.",
      "The fee is set by the municipality's planning and building fee schedule, usually SEK 8,000–13,000 for an extension to a house.",
    ),
    processingTime: BYGGLOV_TIME,
    processingDays: 70,
    legalBasis: PBL,
    body: t(
      md(
        "En tillbyggnad är varje ändring som ökar byggnadens volym, oavsett om den går uppåt, nedåt eller åt sidan. Inglasning av en befintlig altan med tak räknas också oftast som tillbyggnad.",
        "Inom detaljplan måste tillbyggnaden följa planens regler om till exempel byggrätt och avstånd till tomtgräns. Utanför detaljplan prövas tillbyggnaden mot omgivningen.",
        BYGGLOV_STEPS.sv,
      ),
      md(
        "An extension is any change that increases a building's volume, whether upwards, downwards or sideways. Glazing in an existing roofed deck usually also counts as an extension.",
        "Within a local plan the extension must follow the plan's rules on, for example, building rights and distance to the boundary. Outside local plans it is assessed against the surroundings.",
        BYGGLOV_STEPS.en,
      ),
    ),
    keywords: [
      "tillbyggnad",
      "bygga till",
      "uterum",
      "inglasad altan",
      "veranda",
      "påbyggnad",
      "pabyggnad",
      "bygglov",
      "extension",
      "conservatory",
      "building permit",
    ],
    related: ["attefallsatgard", "bygglov-nybyggnad", "bygglov-fasadandring"],
    authorities: ["boverket"],
    eServiceId: "bygglov-ansokan",
    variants: bygglovVariants(
      { bengtsfors: 11200, "dals-ed": 9600, fargelanda: 10400, mellerud: 12100, amal: 12800 },
      "lov",
    ),
    example: true,
  },
  {
    slug: "bygglov-fasadandring",
    category: "bygga-bo-och-miljo",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Bygglov för fasadändring", "Building permit for facade changes"),
    summary: t(
      "Inom detaljplan behöver du ofta bygglov för att byta färg, fasadmaterial, fönster eller taktäckning så att husets utseende påverkas.",
      "Within a local plan you often need a permit to change colour, cladding, windows or roofing in a way that affects the building's appearance.",
    ),
    audience: t(
      "Fastighetsägare som vill ändra husets utseende.",
      "Property owners who want to change the appearance of a building.",
    ),
    howToApply: t(
      "Ansök i e-tjänsten **Bygglov**. Bifoga fasadritningar före och efter ändringen, uppgift om material och kulör samt gärna foton på huset idag.",
      "Apply in the e-service **Building permit**. Attach elevation drawings before and after the change, details of materials and colours, and preferably photos of the building today.",
    ),
    cost: t(
      "Avgiften beräknas enligt kommunens plan- och bygglovstaxa, oftast 4 000–6 000 kr.",
      "The fee is set by the municipality's planning and building fee schedule, usually SEK 4,000–6,000.",
    ),
    processingTime: BYGGLOV_TIME,
    processingDays: 70,
    legalBasis: PBL,
    body: t(
      md(
        "Utanför detaljplan krävs sällan bygglov för fasadändringar på vanliga bostadshus, utom där kommunen har beslutat om områdesbestämmelser. Inom detaljplan krävs bygglov när ändringen påverkar byggnadens yttre utseende avsevärt.",
        "Att måla om i samma kulör eller byta till likadana fönster är underhåll och kräver inget bygglov. Är huset kulturhistoriskt värdefullt gäller ett förbud mot förvanskning även om inget lov krävs.",
        BYGGLOV_STEPS.sv,
      ),
      md(
        "Outside local plans, facade changes to ordinary houses rarely need a permit, except where the municipality has adopted area regulations. Within a local plan a permit is needed when the change significantly affects the building's exterior.",
        "Repainting in the same colour or replacing windows with identical ones is maintenance and needs no permit. If the building has cultural heritage value, it must not be disfigured even when no permit is required.",
        BYGGLOV_STEPS.en,
      ),
    ),
    keywords: [
      "fasadändring",
      "fasadandring",
      "byta färg",
      "byta fonster",
      "byta fönster",
      "fasad",
      "takbyte",
      "kulör",
      "facade",
      "repaint",
      "windows",
      "cladding",
      "roof",
    ],
    related: ["bygglov-tillbyggnad", "bygglov-nybyggnad", "rivningslov"],
    authorities: ["boverket"],
    eServiceId: "bygglov-ansokan",
    variants: bygglovVariants(
      { bengtsfors: 4900, "dals-ed": 4200, fargelanda: 4600, mellerud: 5300, amal: 5600 },
      "lov",
      merge(
        BYGG_RULES_GENERAL,
        rulesBy({
          amal: t(
            "I stadsdelen Plan är husen q-märkta. Där krävs bygglov även för färgbyte, och kulören ska väljas ur Åmåls färgprogram för Plan.",
            "Houses in the Plan district are listed. A permit is needed even to change colour there, and colours must be chosen from Åmål's colour scheme for Plan.",
          ),
        }),
      ),
    ),
    example: true,
  },
  {
    slug: "rivningslov",
    category: "bygga-bo-och-miljo",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Rivningslov", "Demolition permit"),
    summary: t(
      "Inom detaljplan behöver du rivningslov för att riva en byggnad. Utanför detaljplan räcker ofta en rivningsanmälan.",
      "Within a local plan you need a demolition permit to demolish a building. Outside local plans a demolition notification is often enough.",
    ),
    audience: t(
      "Fastighetsägare som vill riva en byggnad eller del av en byggnad.",
      "Property owners who want to demolish all or part of a building.",
    ),
    howToApply: t(
      "Ansök i e-tjänsten **Bygglov** och välj **rivning**. Bifoga situationsplan som visar vad som ska rivas och ett förslag till kontrollplan med en inventering av farligt avfall och en plan för hur rivningsavfallet ska sorteras.",
      "Apply in the e-service **Building permit** and choose **demolition**. Attach a site plan showing what is to be demolished and a proposed inspection plan including an inventory of hazardous waste and a plan for sorting the demolition waste.",
    ),
    cost: t(
      "Avgiften beräknas enligt kommunens plan- och bygglovstaxa, oftast 3 000–5 000 kr.",
      "The fee is set by the municipality's planning and building fee schedule, usually SEK 3,000–5,000.",
    ),
    processingTime: BYGGLOV_TIME,
    processingDays: 70,
    legalBasis: PBL,
    body: t(
      md(
        "Kommunen kan neka rivningslov om byggnaden är kulturhistoriskt värdefull eller om detaljplanen förbjuder rivning.",
        "Rivningsavfall ska sorteras på plats, och farligt avfall som asbest, PCB och kvicksilver ska tas om hand av ett företag med rätt tillstånd. Det gäller även när du river utan lov.",
        "Du får inte börja riva förrän du har fått startbesked.",
      ),
      md(
        "The municipality can refuse a demolition permit if the building has cultural heritage value or if the local plan prohibits demolition.",
        "Demolition waste must be sorted on site, and hazardous waste such as asbestos, PCBs and mercury must be handled by a licensed company. This also applies when no permit is needed.",
        "You may not start demolishing until you have received a start notice.",
      ),
    ),
    keywords: [
      "rivningslov",
      "rivning",
      "riva hus",
      "rivningsanmälan",
      "rivningsanmalan",
      "asbest",
      "demolition",
      "demolish",
      "tear down",
    ],
    related: ["bygglov-nybyggnad", "bygglov-fasadandring", "avfall-och-sophamtning"],
    authorities: ["boverket", "naturvardsverket"],
    eServiceId: "bygglov-ansokan",
    variants: bygglovVariants(
      { bengtsfors: 3900, "dals-ed": 3300, fargelanda: 3600, mellerud: 4200, amal: 4500 },
      "lov",
    ),
    example: true,
  },
  {
    slug: "marklov",
    category: "bygga-bo-och-miljo",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Marklov", "Site works permit (marklov)"),
    summary: t(
      "Inom detaljplan behöver du marklov om du höjer eller sänker marken mer än en halv meter, och ibland för att fälla träd.",
      "Within a local plan you need a site works permit to raise or lower the ground by more than half a metre, and sometimes to fell trees.",
    ),
    audience: t(
      "Fastighetsägare som vill schakta, fylla ut eller fälla träd inom detaljplanerat område.",
      "Property owners who want to excavate, fill or fell trees within an area covered by a local plan.",
    ),
    howToApply: t(
      "Ansök i e-tjänsten **Bygglov** och välj **marklov**. Bifoga en situationsplan med befintliga och nya marknivåer och en sektion som visar hur marken ändras.",
      "Apply in the e-service **Building permit** and choose **site works permit**. Attach a site plan with existing and new ground levels and a section showing how the ground changes.",
    ),
    cost: t(
      "Avgiften beräknas enligt kommunens plan- och bygglovstaxa, oftast 5 000–8 000 kr.",
      "The fee is set by the municipality's planning and building fee schedule, usually SEK 5,000–8,000.",
    ),
    processingTime: BYGGLOV_TIME,
    processingDays: 70,
    legalBasis: PBL,
    body: t(
      md(
        "Marklov behövs för schaktning eller fyllning som ändrar höjdläget avsevärt, vilket oftast betyder mer än 0,5 meter. Vissa detaljplaner kräver också marklov för trädfällning eller för att lägga hårdgjorda ytor.",
        "Tänk på hur dagvattnet rinner. Du får inte leda om regnvatten så att det skadar grannens tomt.",
        "Ligger tomten inom strandskyddat område kan du dessutom behöva strandskyddsdispens.",
      ),
      md(
        "A site works permit is needed for excavation or filling that significantly changes the ground level, which usually means more than 0.5 metres. Some local plans also require it for felling trees or for paving surfaces.",
        "Think about surface water. You may not redirect rainwater so that it damages your neighbour's property.",
        "If the plot is within a shoreline protection area you may also need a shoreline protection exemption.",
      ),
    ),
    keywords: [
      "marklov",
      "schakta",
      "fylla ut",
      "marknivå",
      "marknivan",
      "trädfällning",
      "tradfallning",
      "site works",
      "excavation",
      "landscaping",
      "tree felling",
    ],
    related: ["bygglov-nybyggnad", "strandskyddsdispens", "gravtillstand"],
    authorities: ["boverket"],
    eServiceId: "bygglov-ansokan",
    variants: bygglovVariants(
      { bengtsfors: 6800, "dals-ed": 5900, fargelanda: 6300, mellerud: 7200, amal: 7600 },
      "lov",
    ),
    example: true,
  },
  {
    slug: "attefallsatgard",
    category: "bygga-bo-och-miljo",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Attefallsåtgärder (anmälan)", "Attefall measures (notification)"),
    summary: t(
      "Till ett en- eller tvåbostadshus kan du bygga ett attefallshus på 30 m², bygga till 15 m² eller göra två takkupor utan bygglov. Du måste göra en anmälan och få startbesked först.",
      "On a one- or two-family house you can build an Attefall house of 30 m², add a 15 m² extension or build two dormers without a permit. You must submit a notification and get a start notice first.",
    ),
    audience: t("Ägare till en- och tvåbostadshus.", "Owners of one- and two-family houses."),
    howToApply: t(
      md(
        "Gör anmälan i e-tjänsten **Bygglov** och välj **anmälan om attefallsåtgärd**. Bifoga situationsplan, ritningar och förslag till kontrollplan.",
        "Om du bygger närmare än 4,5 meter från tomtgränsen behöver du skriftligt medgivande från grannen.",
      ),
      md(
        "Submit a notification in the e-service **Building permit** and choose **Attefall measure**. Attach a site plan, drawings and a proposed inspection plan.",
        "If you build closer than 4.5 metres to the boundary, you need written consent from your neighbour.",
      ),
    ),
    cost: t(
      "Avgiften beräknas enligt kommunens plan- och bygglovstaxa, oftast 3 500–5 000 kr.",
      "The fee is set by the municipality's planning and building fee schedule, usually SEK 3,500–5,000.",
    ),
    processingTime: t(
      "Beslut om startbesked inom fyra veckor från att anmälan är komplett.",
      "A decision on the start notice within four weeks of a complete notification.",
    ),
    processingDays: 28,
    legalBasis: t(
      "Plan- och bygglagen (2010:900) 9 kap. 4 a–4 c §",
      "The Planning and Building Act (Plan- och bygglagen, 2010:900), Chapter 9 Sections 4 a–4 c",
    ),
    body: t(
      md(
        "## Det här räknas som attefallsåtgärder",
        "- Ett attefallshus (komplementbostadshus eller komplementbyggnad) på högst 30 m² och högst 4 meter högt\n- En tillbyggnad på högst 15 m² bruttoarea\n- Högst två takkupor\n- Att inreda ytterligare en bostad i ett enbostadshus",
        "Attefallsåtgärder är inte tillåtna på byggnader som är särskilt kulturhistoriskt värdefulla. Inom strandskyddat område behöver du också strandskyddsdispens.",
        "Ett attefallshus som ska användas som bostad måste uppfylla kraven på tillgänglighet, brandskydd och energi.",
      ),
      md(
        "## What counts as Attefall measures",
        "- An Attefall house (secondary dwelling or outbuilding) of at most 30 m² and at most 4 metres high\n- An extension of at most 15 m² gross floor area\n- At most two dormers\n- Creating one more dwelling in a detached house",
        "Attefall measures are not allowed on buildings of special cultural heritage value. Within a shoreline protection area you also need a shoreline protection exemption.",
        "An Attefall house to be used as a home must meet the requirements for accessibility, fire safety and energy.",
      ),
    ),
    keywords: [
      "attefall",
      "attefallshus",
      "attefallsåtgärd",
      "attefallsatgard",
      "anmälan",
      "anmalan",
      "takkupa",
      "friggebod",
      "komplementbostadshus",
      "granny flat",
      "annex",
      "dormer",
      "notification",
    ],
    related: ["bygglov-tillbyggnad", "bygglov-nybyggnad", "strandskyddsdispens"],
    authorities: ["boverket"],
    eServiceId: "bygglov-ansokan",
    variants: bygglovVariants(
      { bengtsfors: 4200, "dals-ed": 3600, fargelanda: 3900, mellerud: 4500, amal: 4800 },
      "anmalan",
    ),
    example: true,
  },
  {
    slug: "strandskyddsdispens",
    category: "bygga-bo-och-miljo",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Strandskyddsdispens", "Shoreline protection exemption"),
    summary: t(
      "Nära sjöar och vattendrag gäller strandskydd. För att bygga eller anlägga något där behöver du dispens från kommunen.",
      "Shoreline protection applies near lakes and watercourses. To build or construct anything there you need an exemption from the municipality.",
    ),
    audience: t(
      "Dig som vill bygga, anlägga en brygga eller göra andra åtgärder inom 100 meter från stranden.",
      "Anyone who wants to build, construct a jetty or carry out other works within 100 metres of the shore.",
    ),
    howToApply: t(
      md(
        "Fyll i blanketten **Ansökan om strandskyddsdispens** och skicka den till bygglovsenheten. Beskriv åtgärden, bifoga karta och foton och ange vilket särskilt skäl du åberopar.",
        "Om du också behöver bygglov kan ärendena handläggas samtidigt.",
      ),
      md(
        "Fill in the form **Application for shoreline protection exemption** and send it to the building permit unit. Describe the works, attach a map and photos, and state which special reason you rely on.",
        "If you also need a building permit, both cases can be handled together.",
      ),
    ),
    cost: t(
      "Avgift enligt kommunens taxa, oftast 7 000–10 000 kr per beslut.",
      "A fee under the municipality's fee schedule, usually SEK 7,000–10,000 per decision.",
    ),
    processingTime: t(
      "Oftast sex till åtta veckor från komplett ansökan. Därefter har länsstyrelsen tre veckor på sig att överpröva beslutet.",
      "Usually six to eight weeks from a complete application. After that the County Administrative Board has three weeks to review the decision.",
    ),
    processingDays: 56,
    legalBasis: t(
      "Miljöbalken (1998:808) 7 kap. 13–18 h §",
      "The Environmental Code (Miljöbalken, 1998:808), Chapter 7 Sections 13–18 h",
    ),
    body: t(
      md(
        "Strandskyddet gäller normalt 100 meter från strandlinjen, på land och i vattnet. Det finns för att allmänheten ska kunna nå stränderna och för att skydda djur- och växtliv. Dalsland har tusentals sjöar, så många fastigheter berörs.",
        "Dispens kan bara ges om det finns ett särskilt skäl, till exempel att platsen redan är ianspråktagen eller att anläggningen måste ligga vid vattnet, som en brygga.",
        "## Vänta innan du börjar",
        "Länsstyrelsen kan överpröva kommunens beslut inom tre veckor. Börja inte bygga förrän den tiden har gått och beslutet har vunnit laga kraft.",
      ),
      md(
        "Shoreline protection normally covers 100 metres from the shoreline, on land and in the water. It exists to keep shores accessible to the public and to protect plant and animal life. Dalsland has thousands of lakes, so many properties are affected.",
        "An exemption can only be granted for a special reason, for example that the site is already in use or that the structure must be by the water, like a jetty.",
        "## Wait before you start",
        "The County Administrative Board can review the municipality's decision within three weeks. Do not start building until that time has passed and the decision is final.",
      ),
    ),
    keywords: [
      "strandskydd",
      "strandskyddsdispens",
      "dispens",
      "brygga",
      "sjötomt",
      "sjotomt",
      "båthus",
      "bathus",
      "shoreline protection",
      "lake",
      "jetty",
      "waterfront",
      "exemption",
    ],
    related: ["bygglov-nybyggnad", "attefallsatgard", "marklov", "enskilt-avlopp"],
    authorities: ["lansstyrelsen-vastra-gotaland", "naturvardsverket"],
    eServiceId: "ansokan-strandskyddsdispens",
    variants: variants(
      "bygglov",
      merge(
        feeBy({ bengtsfors: 8400, "dals-ed": 7200, fargelanda: 7900, mellerud: 8900, amal: 9600 }, (a) =>
          t(`${a.sv} per beslut enligt kommunens taxa.`, `${a.en} per decision under the municipality's fee schedule.`),
        ),
        timeBy({ bengtsfors: 42, "dals-ed": 35, fargelanda: 56, mellerud: 49, amal: 42 }, (d) =>
          t(
            `Normalt cirka ${weeks(d)} veckor från komplett ansökan, plus tre veckor för länsstyrelsens överprövning.`,
            `Usually about ${weeks(d)} weeks from a complete application, plus three weeks for the County Administrative Board's review.`,
          ),
        ),
        rulesBy({
          bengtsfors: t(
            "Vid Lelång och delar av Dalslands kanal är strandskyddet utökat till 300 meter.",
            "Along Lake Lelång and parts of the Dalsland Canal, shoreline protection is extended to 300 metres.",
          ),
          mellerud: t(
            "Längs Vänerstranden är strandskyddet utökat till 300 meter.",
            "Along the shore of Lake Vänern, shoreline protection is extended to 300 metres.",
          ),
          amal: t(
            "Längs Vänerstranden är strandskyddet utökat till 300 meter. Inom Åmåls tätort är strandskyddet upphävt i flera detaljplaner.",
            "Along the shore of Lake Vänern, shoreline protection is extended to 300 metres. In Åmål town it has been lifted in several local plans.",
          ),
        }),
      ),
    ),
    example: true,
  },
  {
    slug: "enskilt-avlopp",
    category: "bygga-bo-och-miljo",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Enskilt avlopp", "Private sewage system"),
    summary: t(
      "Om din fastighet inte är ansluten till kommunalt avlopp behöver du en egen avloppsanläggning. Du måste söka tillstånd eller göra en anmälan innan du bygger eller ändrar den.",
      "If your property is not connected to the municipal sewer you need your own sewage system. You must apply for a permit or submit a notification before building or changing it.",
    ),
    audience: t(
      "Fastighetsägare utanför det kommunala verksamhetsområdet för vatten och avlopp, till exempel på landsbygden och i fritidshusområden.",
      "Property owners outside the municipal water and sewage service area, for example in rural areas and holiday home areas.",
    ),
    howToApply: t(
      md(
        "Gör ansökan eller anmälan i e-tjänsten **Enskilt avlopp**. Bifoga:",
        "- situationsplan med avloppsanläggning, brunnar och tomtgräns\n- resultat från provgrop eller markundersökning\n- beskrivning av anläggningen från tillverkare eller entreprenör",
        "Anlita gärna en entreprenör med erfarenhet av enskilda avlopp. Du får inte börja bygga förrän du har fått beslut.",
      ),
      md(
        "Submit your application or notification in the e-service **Private sewage system**. Attach:",
        "- a site plan showing the system, wells and property boundary\n- results from a test pit or soil survey\n- a description of the system from the manufacturer or contractor",
        "We recommend a contractor experienced in private sewage systems. You may not start building until you have a decision.",
      ),
    ),
    cost: t(
      "Avgift enligt miljöenhetens taxa, oftast 8 000–11 000 kr för tillstånd till en anläggning med vattentoalett.",
      "A fee under the environmental health unit's fee schedule, usually SEK 8,000–11,000 for a permit for a system with a water toilet.",
    ),
    processingTime: t(
      "Oftast fyra till sju veckor från komplett ansökan.",
      "Usually four to seven weeks from a complete application.",
    ),
    processingDays: 42,
    legalBasis: t(
      "Miljöbalken (1998:808) 9 kap. och förordningen (1998:899) om miljöfarlig verksamhet och hälsoskydd 13 §",
      "The Environmental Code (Miljöbalken, 1998:808), Chapter 9, and the Ordinance on Environmentally Hazardous Activities and Health Protection (1998:899), Section 13",
    ),
    body: t(
      md(
        "Tillstånd krävs för att inrätta en avloppsanläggning som vattentoalett ska anslutas till. För anläggningar med bara bad-, disk- och tvättvatten (BDT) räcker oftast en anmälan. Du behöver också tillstånd eller anmälan för att ändra en befintlig anläggning väsentligt.",
        "## Tänk på",
        "- Avloppet får inte förorena grundvatten, brunnar eller sjöar.\n- Slamavskiljaren ska tömmas regelbundet av kommunens renhållning.\n- Miljöenheten gör tillsyn av äldre anläggningar och kan kräva att de åtgärdas.",
      ),
      md(
        "A permit is required to install a sewage system connected to a water toilet. For systems handling only bath, dish and laundry water (greywater), a notification is usually enough. You also need a permit or notification to significantly alter an existing system.",
        "## Keep in mind",
        "- Sewage must not pollute groundwater, wells or lakes.\n- The septic tank must be emptied regularly by the municipal waste service.\n- The environmental health unit inspects older systems and can require them to be upgraded.",
      ),
    ),
    keywords: [
      "enskilt avlopp",
      "avlopp",
      "avloppsanläggning",
      "avloppsanlaggning",
      "infiltration",
      "markbädd",
      "markbadd",
      "slamavskiljare",
      "trekammarbrunn",
      "septic tank",
      "private sewage",
      "wastewater",
    ],
    related: ["vatten-och-avlopp", "avfall-och-sophamtning", "bygglov-nybyggnad", "strandskyddsdispens"],
    authorities: ["naturvardsverket"],
    eServiceId: "anmalan-enskilt-avlopp",
    variants: variants(
      "miljo",
      merge(
        feeBy({ bengtsfors: 9800, "dals-ed": 8500, fargelanda: 9200, mellerud: 10400, amal: 11000 }, (a) =>
          t(
            `${a.sv} för tillstånd till avlopp med vattentoalett. Anmälan av BDT-avlopp kostar ungefär hälften.`,
            `${a.en} for a permit for a system with a water toilet. A greywater notification costs about half.`,
          ),
        ),
        timeBy({ bengtsfors: 35, "dals-ed": 28, fargelanda: 42, mellerud: 42, amal: 49 }, (d) =>
          t(
            `Normalt cirka ${weeks(d)} veckor från komplett ansökan.`,
            `Usually about ${weeks(d)} weeks from a complete application.`,
          ),
        ),
        rulesBy({
          bengtsfors: t(
            "Runt Lelång och Dalslands kanal gäller hög skyddsnivå för miljöskydd, vilket ställer högre krav på fosforrening.",
            "A high level of environmental protection applies around Lake Lelång and the Dalsland Canal, with stricter phosphorus removal requirements.",
          ),
          "dals-ed": t(
            "Inom tillrinningsområdet till Stora Le gäller hög skyddsnivå för miljöskydd.",
            "A high level of environmental protection applies in the catchment area of Lake Stora Le.",
          ),
          mellerud: t(
            "Nära Vänern och i vattenskyddsområden gäller hög skyddsnivå för miljöskydd.",
            "A high level of environmental protection applies near Lake Vänern and in water protection areas.",
          ),
        }),
      ),
    ),
    example: true,
  },
  {
    slug: "varmepump",
    category: "bygga-bo-och-miljo",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Anmälan om värmepump", "Heat pump notification"),
    summary: t(
      "Innan du installerar bergvärme, jordvärme eller sjövärme ska du göra en anmälan till miljöenheten.",
      "Before installing a ground-source, soil or lake heat pump you must notify the environmental health unit.",
    ),
    audience: t(
      "Fastighetsägare som vill installera en värmepump som tar värme från berg, mark, grundvatten eller sjö.",
      "Property owners who want to install a heat pump taking heat from bedrock, soil, groundwater or a lake.",
    ),
    howToApply: t(
      md(
        "Gör anmälan i e-tjänsten **Anmälan om värmepump**. Bifoga en situationsplan som visar borrhål eller kollektorslang, avstånd till tomtgräns, egna och grannars brunnar och avloppsanläggningar.",
        "Du får inte börja borra innan du har fått besked från miljöenheten.",
      ),
      md(
        "Submit a notification in the e-service **Heat pump notification**. Attach a site plan showing the borehole or collector hose, distances to the boundary, your own and neighbours' wells and sewage systems.",
        "You may not start drilling until you have heard back from the environmental health unit.",
      ),
    ),
    cost: t(
      "En fast avgift enligt miljöenhetens taxa, oftast 2 000–3 000 kr.",
      "A fixed fee under the environmental health unit's fee schedule, usually SEK 2,000–3,000.",
    ),
    processingTime: t(
      "Skicka anmälan i god tid, gärna sex veckor innan installationen. Besked brukar komma inom tre till fyra veckor.",
      "Submit the notification in good time, preferably six weeks before installation. A response usually comes within three to four weeks.",
    ),
    processingDays: 28,
    legalBasis: t(
      "Förordningen (1998:899) om miljöfarlig verksamhet och hälsoskydd 17 § och kommunens lokala hälsoskyddsföreskrifter",
      "The Ordinance on Environmentally Hazardous Activities and Health Protection (1998:899), Section 17, and the municipality's local health protection regulations",
    ),
    body: t(
      md(
        "Anmälan behövs för att skydda grundvatten och dricksvattenbrunnar. Borrhål bör ligga minst 20 meter från egen och grannars brunn och minst 10 meter från tomtgräns.",
        "Luft-luft- och luft-vattenvärmepumpar behöver ingen anmälan till miljöenheten. Tänk ändå på att utedelen kan störa grannar med buller, och att den inom detaljplan ibland kräver bygglov.",
        "Brunnsborraren ska rapportera borrhålet till Sveriges geologiska undersökning (SGU).",
      ),
      md(
        "The notification protects groundwater and drinking water wells. Boreholes should be at least 20 metres from your own and neighbours' wells and at least 10 metres from the boundary.",
        "Air-to-air and air-to-water heat pumps do not need a notification to the environmental health unit. Keep in mind that the outdoor unit can disturb neighbours with noise, and that within a local plan it sometimes needs a building permit.",
        "The well driller must report the borehole to the Geological Survey of Sweden (SGU).",
      ),
    ),
    keywords: [
      "värmepump",
      "varmepump",
      "bergvärme",
      "bergvarme",
      "jordvärme",
      "jordvarme",
      "sjövärme",
      "sjovarme",
      "borrhål",
      "heat pump",
      "geothermal",
      "ground source heat",
    ],
    related: ["enskilt-avlopp", "sotning", "bygglov-fasadandring"],
    authorities: ["naturvardsverket"],
    eServiceId: "anmalan-varmepump",
    variants: variants(
      "miljo",
      merge(
        feeBy({ bengtsfors: 2400, "dals-ed": 2100, fargelanda: 2300, mellerud: 2700, amal: 2900 }, (a) =>
          t(`Fast avgift ${a.sv} per anmälan.`, `A fixed fee of ${a.en} per notification.`),
        ),
        timeBy({ bengtsfors: 21, "dals-ed": 14, fargelanda: 28, mellerud: 21, amal: 21 }, (d) =>
          t(`Besked normalt inom ${weeks(d)} veckor.`, `A response normally within ${weeks(d)} weeks.`),
        ),
        rulesBy({
          amal: t(
            "Inom vattenskyddsområdet för Åmåls vattentäkt krävs tillstånd, inte bara anmälan.",
            "Within the water protection area for Åmål's water supply, a permit is required, not just a notification.",
          ),
          fargelanda: t(
            "Inom vattenskyddsområdet vid Ellenösjön krävs tillstånd för bergvärme.",
            "Within the water protection area at Lake Ellenösjön, a permit is required for ground-source heat.",
          ),
        }),
      ),
    ),
    example: true,
  },
  {
    slug: "sotning",
    category: "bygga-bo-och-miljo",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Sotning och brandskyddskontroll", "Chimney sweeping and fire safety inspection"),
    summary: t(
      "Eldstäder och skorstenar ska sotas och kontrolleras regelbundet. Sotaren kommer automatiskt och meddelar tid i förväg.",
      "Stoves, boilers and chimneys must be swept and inspected regularly. The chimney sweep comes automatically and notifies you of the time in advance.",
    ),
    audience: t(
      "Alla som har en eldstad, till exempel vedpanna, kamin, kakelugn eller öppen spis, i en villa eller ett fritidshus.",
      "Everyone with a fireplace or solid-fuel appliance, such as a wood boiler, stove, tiled stove or open fireplace, in a house or holiday home.",
    ),
    howToApply: t(
      md(
        "Du behöver inte beställa sotning. Har du installerat en ny eldstad eller slutat elda, meddela räddningstjänsten så att sotningsregistret blir rätt.",
        "Vill du sota själv på din egen fastighet kan du ansöka om egensotning hos räddningstjänsten.",
      ),
      md(
        "You do not need to order chimney sweeping. If you have installed a new fireplace or stopped using one, tell the fire and rescue service so the register is correct.",
        "If you want to sweep your own chimney on your own property, you can apply for permission from the fire and rescue service.",
      ),
    ),
    cost: t(
      "Avgift enligt kommunens sotningstaxa. Sotning av en vanlig villaskorsten kostar oftast 400–700 kr, och brandskyddskontroll ungefär 1 000 kr.",
      "A fee under the municipality's chimney sweeping fee schedule. Sweeping an ordinary house chimney usually costs SEK 400–700, and a fire safety inspection about SEK 1,000.",
    ),
    processingTime: t(
      "Sotaren aviserar besöket minst en vecka i förväg. Egensotning: beslut inom cirka fyra veckor.",
      "The chimney sweep gives at least one week's notice. Self-sweeping: a decision within about four weeks.",
    ),
    legalBasis: t(
      "Lag (2003:778) om skydd mot olyckor 3 kap. 4 §",
      "The Civil Protection Act (Lag om skydd mot olyckor, 2003:778), Chapter 3 Section 4",
    ),
    body: t(
      md(
        "Hur ofta du behöver sotning beror på hur mycket du eldar. En vedpanna som används hela vintern sotas oftare än en kamin som bara används för trivseleldning.",
        "Vid brandskyddskontrollen, vart tredje eller vart sjätte år, kontrollerar en skorstensfejartekniker att anläggningen är säker.",
        "## Ny eldstad?",
        "Att installera en eldstad eller bygga en ny skorsten kräver en anmälan till bygglovsenheten. Du får inte elda i den förrän du fått slutbesked.",
      ),
      md(
        "How often your chimney needs sweeping depends on how much you burn. A wood boiler used all winter is swept more often than a stove used only for occasional fires.",
        "At the fire safety inspection, every three or six years, a chimney technician checks that the installation is safe.",
        "## New fireplace?",
        "Installing a fireplace or building a new chimney requires a notification to the building permit unit. You may not use it until you have a final notice.",
      ),
    ),
    keywords: [
      "sotning",
      "sotare",
      "skorstensfejare",
      "skorsten",
      "brandskyddskontroll",
      "egensotning",
      "vedpanna",
      "kamin",
      "chimney sweep",
      "chimney",
      "fire safety",
      "wood stove",
    ],
    related: ["varmepump"],
    authorities: [],
    eServiceId: "ansokan-egensotning",
    variants: variants(
      "raddning",
      merge(
        feeBy({ bengtsfors: 1050, "dals-ed": 980, fargelanda: 1020, mellerud: 1090, amal: 1120 }, (a) =>
          t(
            `Brandskyddskontroll av en villa med en eldstad: ${a.sv}. Sotning debiteras enligt sotningstaxan.`,
            `Fire safety inspection of a house with one fireplace: ${a.en}. Sweeping is charged under the sweeping fee schedule.`,
          ),
        ),
        rulesBy({
          "dals-ed": t(
            "Sotning av fritidshus görs under perioden maj–september.",
            "Holiday homes are swept between May and September.",
          ),
          fargelanda: t(
            "Egensotning beviljas för högst fem år i taget.",
            "Permission for self-sweeping is granted for at most five years at a time.",
          ),
        }),
      ),
    ),
    example: true,
  },
  {
    slug: "avfall-och-sophamtning",
    category: "bygga-bo-och-miljo",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Avfall och sophämtning", "Waste and rubbish collection"),
    summary: t(
      "Kommunen hämtar hushållsavfall och matavfall vid ditt hus. Grovavfall, elavfall och farligt avfall lämnar du på återvinningscentralen.",
      "The municipality collects household and food waste at your home. Bulky waste, electronics and hazardous waste go to the recycling centre.",
    ),
    audience: t(
      "Alla hushåll och fritidshusägare i kommunerna.",
      "All households and holiday home owners in the municipalities.",
    ),
    howToApply: t(
      md(
        "Abonnemang för sophämtning ordnas automatiskt när du köper en villa eller ett fritidshus. Vill du ändra kärlstorlek, hämtningsintervall eller dela kärl med en granne kontaktar du renhållningens kundtjänst.",
        "Hemkompostering av matavfall ska anmälas till miljöenheten.",
      ),
      md(
        "A collection subscription is set up automatically when you buy a house or holiday home. To change bin size or collection frequency, or to share a bin with a neighbour, contact waste services customer service.",
        "Home composting of food waste must be reported to the environmental health unit.",
      ),
    ),
    cost: t(
      "Avgift enligt kommunens avfallstaxa. En villa med normalt abonnemang betalar oftast 3 300–4 000 kr per år.",
      "A fee under the municipality's waste tariff. A house with a standard subscription usually pays SEK 3,300–4,000 per year.",
    ),
    processingTime: t(
      "Ändringar gäller oftast från nästa hämtning, inom två veckor.",
      "Changes usually apply from the next collection, within two weeks.",
    ),
    processingDays: 14,
    legalBasis: t(
      "Miljöbalken (1998:808) 15 kap. och kommunens föreskrifter om avfallshantering",
      "The Environmental Code (Miljöbalken, 1998:808), Chapter 15, and the municipality's waste management regulations",
    ),
    body: t(
      md(
        "Alla hushåll ska sortera ut matavfall. Förpackningar och tidningar lämnar du i kärl vid huset eller på en återvinningsstation, beroende på var du bor.",
        "## Återvinningscentralen",
        "På återvinningscentralen (ÅVC) lämnar du grovavfall, trädgårdsavfall, elavfall, farligt avfall som färg och kemikalier, samt saker som kan återanvändas. För privatpersoner ingår ett visst antal besök i avfallsavgiften.",
        "Tömning av slamavskiljare och sluten tank för enskilda avlopp bokas också via renhållningen.",
      ),
      md(
        "All households must sort out food waste. Packaging and newspapers go in bins at your home or at a recycling station, depending on where you live.",
        "## The recycling centre",
        "At the recycling centre (ÅVC) you can leave bulky waste, garden waste, electronics, hazardous waste such as paint and chemicals, and items that can be reused. A certain number of visits for private individuals are included in the waste fee.",
        "Emptying of septic tanks and sealed tanks for private sewage systems is also booked through waste services.",
      ),
    ),
    keywords: [
      "sophämtning",
      "sophamtning",
      "avfall",
      "sopor",
      "soptunna",
      "matavfall",
      "återvinningscentral",
      "atervinningscentral",
      "avc",
      "grovavfall",
      "slamtömning",
      "rubbish",
      "garbage",
      "waste collection",
      "recycling",
    ],
    related: ["enskilt-avlopp", "vatten-och-avlopp", "rivningslov"],
    authorities: ["naturvardsverket"],
    eServiceId: "andring-avfallsabonnemang",
    variants: variants(
      "avfall",
      merge(
        feeBy({ bengtsfors: 3650, "dals-ed": 3420, fargelanda: 3580, mellerud: 3790, amal: 3960 }, (a) =>
          t(
            `${a.sv} per år för en villa med normalt abonnemang. Fritidshus betalar ungefär hälften.`,
            `${a.en} per year for a house with a standard subscription. Holiday homes pay about half.`,
          ),
        ),
        rulesBy({
          bengtsfors: t(
            "Två kärl: ett för matavfall och ett för restavfall. Hämtning varannan vecka. Förpackningar lämnas på återvinningsstation.",
            "Two bins: one for food waste and one for residual waste. Collection every other week. Packaging goes to a recycling station.",
          ),
          "dals-ed": t(
            "Fritidshus har sommarhämtning vecka 20–39. ÅVC i Ed har kvällsöppet på torsdagar.",
            "Holiday homes have summer collection in weeks 20–39. The Ed recycling centre is open late on Thursdays.",
          ),
          fargelanda: t(
            "Hämtning varannan vecka. Du som hemkomposterar kan få hämtning var fjärde vecka.",
            "Collection every other week. If you compost at home you can have collection every four weeks.",
          ),
          mellerud: t(
            "Villor har fyrfackskärl för matavfall, restavfall och förpackningar, hämtning varannan vecka.",
            "Houses have four-compartment bins for food waste, residual waste and packaging, collected every other week.",
          ),
          amal: t(
            "Villor har två fyrfackskärl som töms varannan vecka respektive var fjärde vecka.",
            "Houses have two four-compartment bins emptied every other week and every four weeks respectively.",
          ),
        }),
      ),
    ),
    example: true,
  },
  {
    slug: "vatten-och-avlopp",
    category: "bygga-bo-och-miljo",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Vatten och avlopp (kommunalt VA)", "Water and sewage (municipal)"),
    summary: t(
      "Kommunen levererar dricksvatten och tar hand om avloppsvatten inom verksamhetsområdet för vatten och avlopp. Här ansöker du om anslutning och får veta vad du ska göra vid läckor.",
      "The municipality supplies drinking water and treats wastewater within the water and sewage service area. Here you apply for a connection and find out what to do about leaks.",
    ),
    audience: t(
      "Fastighetsägare inom eller nära kommunens verksamhetsområde för vatten och avlopp.",
      "Property owners within or near the municipal water and sewage service area.",
    ),
    howToApply: t(
      md(
        "Ansök om anslutning (servisanmälan) till VA-enheten i god tid innan du bygger. Bifoga situationsplan och uppgift om var du vill ha anslutningspunkten.",
        "Vid vattenläcka eller avloppsstopp i den allmänna ledningen, ring kontaktcenter dagtid eller VA-jouren dygnet runt via kommunens växel.",
      ),
      md(
        "Apply for a connection to the water and sewage unit in good time before you build. Attach a site plan and say where you want the connection point.",
        "For a water leak or sewer blockage in the public network, call the contact centre during office hours or the on-call service around the clock via the switchboard.",
      ),
    ),
    cost: t(
      "Anläggningsavgift för en ny villaanslutning är oftast 150 000–200 000 kr. Därtill kommer en årlig brukningsavgift enligt VA-taxan.",
      "The connection charge for a new house is usually SEK 150,000–200,000. An annual usage charge under the water tariff comes on top.",
    ),
    processingTime: t(
      "Besked om anslutningspunkt inom cirka tre veckor.",
      "Notice of the connection point within about three weeks.",
    ),
    processingDays: 21,
    legalBasis: t(
      "Lag (2006:412) om allmänna vattentjänster",
      "The Public Water Services Act (Lag om allmänna vattentjänster, 2006:412)",
    ),
    body: t(
      md(
        "Kommunen ansvarar för ledningarna fram till förbindelsepunkten, oftast en halvmeter utanför tomtgränsen. Ledningarna på din tomt är ditt ansvar.",
        "## Bra att veta",
        "- Läs av vattenmätaren när kommunen ber om det, så att du betalar rätt.\n- Skydda vattenmätaren och ledningar mot frost.\n- Vid kokningsrekommendation eller avbrott får du sms om du har registrerat ditt nummer.\n- Häll aldrig fett, våtservetter eller kemikalier i avloppet.",
      ),
      md(
        "The municipality is responsible for the pipes up to the connection point, usually half a metre outside the property boundary. The pipes on your plot are your responsibility.",
        "## Good to know",
        "- Read your water meter when the municipality asks, so you pay the right amount.\n- Protect the water meter and pipes from frost.\n- If there is a boil-water notice or an interruption, you get a text message if you have registered your number.\n- Never pour fat, wet wipes or chemicals down the drain.",
      ),
    ),
    keywords: [
      "vatten",
      "avlopp",
      "va",
      "vattenledning",
      "vattenläcka",
      "vattenlacka",
      "anslutning",
      "va-taxa",
      "vattenmätare",
      "vattenmatare",
      "kokningsrekommendation",
      "water",
      "sewage",
      "water leak",
      "water connection",
      "drinking water",
    ],
    related: ["enskilt-avlopp", "bygglov-nybyggnad", "lediga-tomter", "felanmalan-gata-park"],
    authorities: ["livsmedelsverket"],
    eServiceId: "ansokan-va-anslutning",
    variants: variants(
      "va",
      feeBy({ bengtsfors: 168000, "dals-ed": 152000, fargelanda: 175000, mellerud: 183000, amal: 196000 }, (a) =>
        t(
          `Anläggningsavgift för en ny villaanslutning: ${a.sv}. Brukningsavgiften betalas kvartalsvis enligt VA-taxan.`,
          `Connection charge for a new house: ${a.en}. The usage charge is paid quarterly under the water tariff.`,
        ),
      ),
    ),
    example: true,
  },
  {
    slug: "lediga-tomter",
    category: "bygga-bo-och-miljo",
    administration: "samhallsbyggnad",
    offeredBy: ["bengtsfors", "mellerud", "amal"],
    title: t("Köpa tomt av kommunen", "Buying a building plot from the municipality"),
    summary: t(
      "Kommunen säljer byggklara tomter för villor och fritidshus. Du kan anmäla intresse och ställa dig i tomtkön.",
      "The municipality sells ready-to-build plots for houses and holiday homes. You can register your interest and join the plot queue.",
    ),
    audience: t(
      "Privatpersoner som vill bygga ett eget hus.",
      "Private individuals who want to build their own house.",
    ),
    howToApply: t(
      "Se lediga tomter på kommunens karta och anmäl intresse till mark och exploatering. Tomter fördelas efter tid i kön. När du får erbjudande har du 30 dagar på dig att tacka ja.",
      "See available plots on the municipality's map and register your interest with land and development. Plots are allocated by time in the queue. When you receive an offer you have 30 days to accept.",
    ),
    cost: t(
      "Tomtpriset varierar med läge och storlek. Anslutningsavgift för vatten och avlopp, lagfart och bygglov tillkommer.",
      "Plot prices vary with location and size. Water and sewage connection, title registration and the building permit come on top.",
    ),
    processingTime: t(
      "Köpekontrakt skrivs oftast inom en månad efter att du tackat ja.",
      "The purchase contract is usually signed within a month of accepting.",
    ),
    processingDays: 30,
    legalBasis: t(
      "Kommunens riktlinjer för tomtförsäljning. Fastighetsbildning sker enligt fastighetsbildningslagen (1970:988).",
      "The municipality's guidelines for plot sales. Property formation follows the Real Property Formation Act (1970:988).",
    ),
    body: t(
      md(
        "Tomterna ligger inom detaljplanerade områden och är oftast förberedda med vatten, avlopp, el och fiber i gatan.",
        "När du har köpt tomten ska du normalt söka bygglov inom ett år och ha påbörjat bygget inom två år. Annars kan kommunen köpa tillbaka tomten.",
        "Lagfart söker du hos Lantmäteriet efter att köpet är klart.",
      ),
      md(
        "The plots are within areas covered by a local plan and usually have water, sewage, electricity and fibre in the street.",
        "After buying the plot you normally need to apply for a building permit within one year and start building within two years. Otherwise the municipality can buy the plot back.",
        "You apply for title registration with Lantmäteriet once the purchase is complete.",
      ),
    ),
    keywords: [
      "tomt",
      "tomter",
      "villatomt",
      "tomtkö",
      "tomtko",
      "köpa tomt",
      "kopa tomt",
      "bygga hus",
      "building plot",
      "land for sale",
      "plot queue",
    ],
    related: ["bygglov-nybyggnad", "vatten-och-avlopp"],
    authorities: ["lantmateriet"],
    eServiceId: "anmalan-tomtko",
    variants: variants(
      "mark",
      merge(
        feeBy({ bengtsfors: 95000, mellerud: 120000, amal: 180000 }, (a) =>
          t(`Villatomter från cirka ${a.sv}.`, `House plots from about ${a.en}.`),
        ),
        rulesBy({
          bengtsfors: t(
            "Tomtkön är avgiftsfri. Sjönära tomter vid Lelång säljs genom budgivning.",
            "The plot queue is free. Lakeside plots at Lake Lelång are sold by bidding.",
          ),
          mellerud: t("Tomtkön är avgiftsfri.", "The plot queue is free."),
          amal: t(
            "Tomtkön kostar 300 kr per år. Tomter vid Vänern säljs genom budgivning.",
            "The plot queue costs SEK 300 per year. Plots by Lake Vänern are sold by bidding.",
          ),
        }),
      ),
      ["bengtsfors", "mellerud", "amal"],
    ),
    example: true,
  },
];

// ---------------------------------------------------------------------------
// Omsorg och stöd
// ---------------------------------------------------------------------------

/** A service run by one municipality on behalf of all five: every variant gets the host's contact. */
function hostedBy(
  host: MunicipalitySlug,
  unit: UnitKey,
  rules: Partial<Record<MunicipalitySlug, Bilingual>> = {},
): Variants {
  const out: Variants = {};
  for (const m of ALL) {
    const r = rules[m];
    out[m] = r ? { contact: contact(host, unit), localRules: r } : { contact: contact(host, unit) };
  }
  return out;
}

const MAXTAXA_ALDREOMSORG = t(
  "Avgiften beror på din inkomst. Den är begränsad av högkostnadsskyddet (maxtaxan), som 2026 är 2 660 kr per månad för hemtjänst, trygghetslarm och omvårdnad sammanlagt. Du har alltid rätt att behålla ett förbehållsbelopp för dina levnadskostnader.",
  "The fee depends on your income. It is limited by the high-cost protection (maximum fee), which in 2026 is SEK 2,660 per month for home help, safety alarm and care combined. You always keep a reserved amount for your living costs.",
);

const omsorgOchStod: SeedService[] = [
  {
    slug: "hemtjanst",
    category: "omsorg-och-stod",
    administration: "socialtjanst",
    offeredBy: "shared",
    title: t("Hemtjänst", "Home help"),
    summary: t(
      "Hemtjänst är hjälp i hemmet för dig som har svårt att klara vardagen själv, till exempel med personlig hygien, måltider, städning eller inköp.",
      "Home help is support in your home if you find it hard to manage everyday life, for example with personal hygiene, meals, cleaning or shopping.",
    ),
    audience: t(
      "Främst äldre, men också yngre personer som på grund av sjukdom eller funktionsnedsättning behöver stöd i vardagen.",
      "Mainly older people, but also younger people who need everyday support because of illness or disability.",
    ),
    howToApply: t(
      md(
        "Kontakta en biståndshandläggare på telefon eller e-post. Du kan också be en anhörig eller personal på sjukhuset att kontakta oss, om du själv samtycker.",
        "Handläggaren träffar dig, oftast hemma, och tillsammans går ni igenom vilket stöd du behöver. Sedan får du ett skriftligt beslut.",
      ),
      md(
        "Contact a needs assessment officer by phone or email. A relative or hospital staff can also contact us on your behalf, with your consent.",
        "The officer meets you, usually at home, and together you go through what support you need. You then receive a written decision.",
      ),
    ),
    cost: MAXTAXA_ALDREOMSORG,
    processingTime: t(
      "Beslut oftast inom två till tre veckor. Vid akuta behov, till exempel efter sjukhusvistelse, kan hjälpen börja direkt.",
      "A decision usually within two to three weeks. In urgent cases, for example after a hospital stay, help can start immediately.",
    ),
    processingDays: 21,
    legalBasis: SOL,
    body: t(
      md(
        "Hemtjänsten kan hjälpa dig med både service och personlig omvårdnad. Målet är att du ska kunna bo kvar hemma tryggt och leva så självständigt som möjligt.",
        "## Exempel på insatser",
        "- Personlig hygien, på- och avklädning\n- Måltider och matdistribution\n- Städning, tvätt och inköp\n- Tillsyn och sällskap\n- Avlösning för anhöriga",
        "Du kan påverka hur och när hjälpen ges. Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten.",
      ),
      md(
        "Home help can assist with both practical services and personal care. The aim is for you to live safely at home and as independently as possible.",
        "## Examples of support",
        "- Personal hygiene, dressing and undressing\n- Meals and meal delivery\n- Cleaning, laundry and shopping\n- Check-ins and companionship\n- Respite for relatives",
        "You can influence how and when help is given. If you disagree with the decision, you can appeal to the administrative court.",
      ),
    ),
    keywords: [
      "hemtjänst",
      "hemtjanst",
      "äldreomsorg",
      "aldreomsorg",
      "hjälp i hemmet",
      "matdistribution",
      "biståndshandläggare",
      "home help",
      "home care",
      "elderly care",
      "home care services",
    ],
    related: ["trygghetslarm", "sarskilt-boende", "anhorigstod", "bostadsanpassningsbidrag", "fardtjanst"],
    authorities: ["socialstyrelsen"],
    eServiceId: "ansokan-hemtjanst",
    variants: variants(
      "bistand",
      merge(
        feeBy({ bengtsfors: 350, "dals-ed": 320, fargelanda: 340, mellerud: 365, amal: 380 }, (a) =>
          t(
            `${a.sv} per timme, upp till maxtaxan 2 660 kr per månad (2026).`,
            `${a.en} per hour, up to the maximum fee of SEK 2,660 per month (2026).`,
          ),
        ),
        rulesBy({
          bengtsfors: t(
            "Du som är 75 år eller äldre kan få hjälp med städning, tvätt och inköp utan biståndsbedömning (serviceinsats).",
            "If you are 75 or older you can get help with cleaning, laundry and shopping without a needs assessment (service support).",
          ),
          fargelanda: t(
            "Matlådor levereras kylda tre dagar i veckan. Kostnaden för maten ingår inte i maxtaxan.",
            "Chilled meals are delivered three days a week. The cost of food is not included in the maximum fee.",
          ),
          amal: t(
            "Hemtjänsten har nattpatrull i hela kommunen alla dagar.",
            "Home help has a night patrol covering the whole municipality every day.",
          ),
        }),
      ),
    ),
    example: true,
  },
  {
    slug: "sarskilt-boende",
    category: "omsorg-och-stod",
    administration: "socialtjanst",
    offeredBy: "shared",
    title: t("Särskilt boende för äldre", "Residential care for older people"),
    summary: t(
      "Om du har ett stort behov av vård och omsorg dygnet runt kan du ansöka om en plats på ett särskilt boende (äldreboende).",
      "If you need care around the clock you can apply for a place in residential care (a care home).",
    ),
    audience: t(
      "Äldre personer som inte längre kan bo kvar hemma, även med hemtjänst och andra insatser.",
      "Older people who can no longer live at home, even with home help and other support.",
    ),
    howToApply: t(
      "Kontakta en biståndshandläggare. Handläggaren utreder ditt behov tillsammans med dig och eventuellt anhöriga, och inhämtar vid behov underlag från vården.",
      "Contact a needs assessment officer. The officer assesses your needs with you and possibly your relatives, and collects information from health care when needed.",
    ),
    cost: t(
      "Du betalar hyra för lägenheten, en avgift för mat och en omvårdnadsavgift som är begränsad av maxtaxan (2 660 kr per månad 2026). Du kan söka bostadstillägg hos Pensionsmyndigheten.",
      "You pay rent for the flat, a fee for meals and a care fee limited by the maximum fee (SEK 2,660 per month in 2026). You can apply for a housing supplement from the Swedish Pensions Agency.",
    ),
    processingTime: t(
      "Beslut oftast inom tre veckor. Om du beviljas plats ska du erbjudas den inom tre månader.",
      "A decision usually within three weeks. If you are granted a place, it should be offered within three months.",
    ),
    processingDays: 90,
    legalBasis: SOL,
    body: t(
      md(
        "På ett särskilt boende har du en egen lägenhet som du möblerar själv, och personal finns tillgänglig dygnet runt. Det finns gemensamma utrymmen för måltider och aktiviteter.",
        "Det finns också boenden med särskild inriktning mot demenssjukdom.",
        "Om du och din make, maka eller sambo har levt tillsammans länge har ni rätt att fortsätta bo tillsammans på boendet, även om bara en av er har behov av särskilt boende.",
      ),
      md(
        "In residential care you have your own flat that you furnish yourself, with staff available around the clock. There are shared spaces for meals and activities.",
        "There are also units specialised in dementia care.",
        "If you and your spouse or partner have lived together for a long time, you have the right to continue living together in the care home, even if only one of you needs residential care.",
      ),
    ),
    keywords: [
      "särskilt boende",
      "sarskilt boende",
      "äldreboende",
      "aldreboende",
      "demensboende",
      "vård- och omsorgsboende",
      "care home",
      "nursing home",
      "residential care",
      "dementia care",
    ],
    related: ["hemtjanst", "anhorigstod", "trygghetslarm"],
    authorities: ["socialstyrelsen"],
    eServiceId: "ansokan-sarskilt-boende",
    variants: variants(
      "bistand",
      merge(
        feeBy({ bengtsfors: 4450, "dals-ed": 4300, fargelanda: 4380, mellerud: 4560, amal: 4720 }, (a) =>
          t(
            `Matavgift ${a.sv} per månad. Hyran beror på lägenheten och omvårdnadsavgiften följer maxtaxan.`,
            `Meal fee ${a.en} per month. Rent depends on the flat and the care fee follows the maximum fee.`,
          ),
        ),
        timeBy({ bengtsfors: 45, "dals-ed": 30, fargelanda: 60, mellerud: 60, amal: 75 }, (d) =>
          t(
            `Den som beviljats plats har under det senaste året fått den inom i genomsnitt ${weeks(d)} veckor.`,
            `Over the past year, people granted a place received it within ${weeks(d)} weeks on average.`,
          ),
        ),
      ),
    ),
    example: true,
  },
  {
    slug: "trygghetslarm",
    category: "omsorg-och-stod",
    administration: "socialtjanst",
    offeredBy: "shared",
    title: t("Trygghetslarm", "Personal safety alarm"),
    summary: t(
      "Ett trygghetslarm bär du runt handleden eller halsen. Om du behöver hjälp trycker du på knappen och får kontakt med personal dygnet runt.",
      "A safety alarm is worn on your wrist or around your neck. If you need help, press the button to reach staff around the clock.",
    ),
    audience: t(
      "Dig som bor hemma och känner dig otrygg, till exempel för att du riskerar att falla.",
      "People living at home who feel unsafe, for example because they are at risk of falling.",
    ),
    howToApply: t(
      "Kontakta en biståndshandläggare. Larmet installeras av hemtjänsten, som också behöver en nyckel till din bostad eller ett digitalt lås.",
      "Contact a needs assessment officer. The alarm is installed by home help, who also need a key to your home or a digital lock.",
    ),
    cost: t(
      "En månadsavgift som ingår i högkostnadsskyddet (maxtaxan) för äldreomsorg.",
      "A monthly fee included in the high-cost protection (maximum fee) for elderly care.",
    ),
    processingTime: t(
      "Larmet installeras oftast inom en vecka efter beslut.",
      "The alarm is usually installed within a week of the decision.",
    ),
    processingDays: 7,
    legalBasis: SOL,
    body: t(
      md(
        "När du larmar kommer du i kontakt med en larmcentral som ser vem du är och kan prata med dig via larmets högtalare. Vid behov skickas personal hem till dig.",
        "Larmet fungerar via mobilnätet och kräver ingen fast telefon. Du kan också få tillbehör som falllarm eller dörrlarm om du har behov av det.",
        "Testa gärna larmet en gång i månaden så att du vet att det fungerar.",
      ),
      md(
        "When you press the alarm you reach an alarm centre that can see who you are and talk to you through the alarm's speaker. Staff are sent to your home if needed.",
        "The alarm works over the mobile network and does not need a landline. You can also get accessories such as a fall detector or door alarm if needed.",
        "Test the alarm once a month so you know it works.",
      ),
    ),
    keywords: [
      "trygghetslarm",
      "larm",
      "fallarm",
      "falllarm",
      "säkerhetslarm",
      "sakerhetslarm",
      "safety alarm",
      "personal alarm",
      "emergency button",
      "fall alarm",
    ],
    related: ["hemtjanst", "bostadsanpassningsbidrag", "sarskilt-boende"],
    authorities: [],
    eServiceId: "ansokan-trygghetslarm",
    variants: variants(
      "bistand",
      merge(
        feeBy({ bengtsfors: 250, "dals-ed": 220, fargelanda: 240, mellerud: 270, amal: 295 }, (a) =>
          t(`${a.sv} per månad.`, `${a.en} per month.`),
        ),
        rulesBy({
          "dals-ed": t(
            "Är du 80 år eller äldre kan du få trygghetslarm utan biståndsbedömning.",
            "If you are 80 or older you can get a safety alarm without a needs assessment.",
          ),
          amal: t(
            "Är du 80 år eller äldre kan du få trygghetslarm utan biståndsbedömning.",
            "If you are 80 or older you can get a safety alarm without a needs assessment.",
          ),
        }),
      ),
    ),
    example: true,
  },
  {
    slug: "ekonomiskt-bistand",
    category: "omsorg-och-stod",
    administration: "socialtjanst",
    offeredBy: "shared",
    title: t("Ekonomiskt bistånd (försörjningsstöd)", "Financial assistance (income support)"),
    summary: t(
      "Om du inte kan försörja dig själv eller få pengar på annat sätt kan du söka ekonomiskt bistånd för att klara dina levnadskostnader.",
      "If you cannot support yourself or get money in any other way, you can apply for financial assistance to cover your living costs.",
    ),
    audience: t(
      "Dig som bor i kommunen och tillfälligt inte kan försörja dig genom arbete, ersättningar eller egna tillgångar.",
      "People living in the municipality who temporarily cannot support themselves through work, benefits or their own assets.",
    ),
    howToApply: t(
      md(
        "Ring socialtjänstens mottagning för att boka ett första samtal. Du får sedan en ansökningsblankett.",
        "Bifoga underlag om alla inkomster och utgifter i hushållet, till exempel lönespecifikation, beslut från Försäkringskassan, hyresavi och kontoutdrag för de senaste tre månaderna.",
        "Vid akut nöd, till exempel om du saknar mat för dagen, kontakta mottagningen direkt.",
      ),
      md(
        "Call the social services reception to book a first meeting. You will then receive an application form.",
        "Attach documents on all household income and expenses, for example payslips, decisions from the Social Insurance Agency, rent invoices and bank statements for the last three months.",
        "In an emergency, for example if you have no food for the day, contact the reception directly.",
      ),
    ),
    cost: t("Kostnadsfritt.", "Free of charge."),
    processingTime: t(
      "Beslut oftast inom tio arbetsdagar från att ansökan är komplett. Akut hjälp kan ges samma dag.",
      "A decision usually within ten working days of a complete application. Emergency help can be given the same day.",
    ),
    processingDays: 14,
    legalBasis: SOL,
    body: t(
      md(
        "Ekonomiskt bistånd är samhällets sista skyddsnät. Du måste först ha prövat andra möjligheter, till exempel arbete, a-kassa, sjukpenning, bostadsbidrag och underhållsstöd.",
        "## Vad ingår?",
        "Försörjningsstödet beräknas enligt riksnormen för mat, kläder, hygien, telefon och liknande, plus skäliga kostnader för hyra, el, hemförsäkring och arbetsresor.",
        "Om du kan arbeta ska du vara inskriven hos Arbetsförmedlingen och aktivt söka arbete eller delta i den planering du gör tillsammans med din handläggare.",
      ),
      md(
        "Financial assistance is society's last safety net. You must first have tried other options, such as work, unemployment insurance, sickness benefit, housing allowance and maintenance support.",
        "## What does it cover?",
        "Income support is calculated according to the national standard for food, clothing, hygiene, telephone and similar, plus reasonable costs for rent, electricity, home insurance and travel to work.",
        "If you are able to work, you must be registered with the Public Employment Service and actively look for work or take part in the plan you make with your case officer.",
      ),
    ),
    keywords: [
      "ekonomiskt bistånd",
      "ekonomiskt bistand",
      "försörjningsstöd",
      "forsorjningsstod",
      "socialbidrag",
      "riksnorm",
      "socialtjänst",
      "financial assistance",
      "income support",
      "welfare",
      "social assistance",
    ],
    related: ["budget-och-skuldradgivning", "vuxenutbildning-komvux"],
    authorities: ["forsakringskassan", "arbetsformedlingen", "skatteverket"],
    eServiceId: "ansokan-ekonomiskt-bistand",
    variants: variants(
      "socialtjanst",
      rulesBy({
        bengtsfors: t("Telefontid för nya ärenden: vardagar kl. 9–10.", "Phone hours for new cases: weekdays 9–10 am."),
        "dals-ed": t(
          "Telefontid för nya ärenden: måndag, onsdag och fredag kl. 9–11.",
          "Phone hours for new cases: Monday, Wednesday and Friday 9–11 am.",
        ),
        fargelanda: t(
          "Telefontid för nya ärenden: vardagar kl. 8.30–10.",
          "Phone hours for new cases: weekdays 8.30–10 am.",
        ),
        mellerud: t(
          "Du kan ansöka digitalt med BankID efter första samtalet.",
          "After the first meeting you can apply online with BankID.",
        ),
        amal: t(
          "Du kan ansöka digitalt med BankID efter första samtalet. Drop-in-mottagning tisdagar kl. 13–15.",
          "After the first meeting you can apply online with BankID. Drop-in on Tuesdays 1–3 pm.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "budget-och-skuldradgivning",
    category: "omsorg-och-stod",
    administration: "socialtjanst",
    offeredBy: "shared",
    title: t("Budget- och skuldrådgivning", "Budget and debt counselling"),
    summary: t(
      "Har du svårt att få pengarna att räcka eller skulder du inte kan betala kan du få kostnadsfri och konfidentiell hjälp av en budget- och skuldrådgivare.",
      "If you find it hard to make ends meet or have debts you cannot pay, you can get free and confidential help from a budget and debt counsellor.",
    ),
    audience: t("Alla som bor i Dalslandskommunerna.", "Everyone living in the Dalsland municipalities."),
    howToApply: t(
      "Ring eller mejla rådgivningen och boka en tid. Ta med dig aktuella räkningar, inkasso- och kronofogdebrev samt uppgifter om dina inkomster.",
      "Call or email the counselling service to book an appointment. Bring current bills, debt collection and enforcement letters, and details of your income.",
    ),
    cost: t("Kostnadsfritt.", "Free of charge."),
    processingTime: t(
      "Du får oftast en första tid inom två veckor.",
      "You usually get a first appointment within two weeks.",
    ),
    processingDays: 14,
    legalBasis: t(
      "Socialtjänstlagen (2025:400) och skuldsaneringslagen (2016:675)",
      "The Social Services Act (Socialtjänstlagen, 2025:400) and the Debt Relief Act (Skuldsaneringslagen, 2016:675)",
    ),
    body: t(
      md(
        "Rådgivaren hjälper dig att få överblick över din ekonomi, göra en budget och kontakta dem du har skulder till. Du kan också få hjälp att ansöka om skuldsanering hos Kronofogden.",
        "Rådgivaren har tystnadsplikt och för inga journaler som andra delar av socialtjänsten kan se.",
        "## Bra första steg",
        "- Öppna alla brev, även de som känns jobbiga.\n- Betala hyra, el och försäkring först.\n- Ta inte nya lån för att betala gamla skulder.",
      ),
      md(
        "The counsellor helps you get an overview of your finances, make a budget and contact your creditors. You can also get help applying for debt relief with the Swedish Enforcement Authority (Kronofogden).",
        "The counsellor is bound by confidentiality and keeps no records that other parts of social services can see.",
        "## Good first steps",
        "- Open all letters, even the difficult ones.\n- Pay rent, electricity and insurance first.\n- Do not take new loans to pay old debts.",
      ),
    ),
    keywords: [
      "skuldrådgivning",
      "skuldradgivning",
      "budgetrådgivning",
      "budgetradgivning",
      "skulder",
      "skuldsanering",
      "kronofogden",
      "inkasso",
      "debt advice",
      "debt counselling",
      "budget help",
    ],
    related: ["ekonomiskt-bistand"],
    authorities: ["skatteverket"],
    eServiceId: "bokning-budget-skuldradgivning",
    variants: hostedBy("amal", "skuldradgivning", {
      bengtsfors: t(
        "Rådgivningen är gemensam för Dalslandskommunerna och utgår från Åmål. Rådgivaren har mottagning i Bengtsfors kommunhus första tisdagen varje månad.",
        "The service is shared by the Dalsland municipalities and based in Åmål. The counsellor sees clients at Bengtsfors town hall on the first Tuesday of every month.",
      ),
      "dals-ed": t(
        "Rådgivningen är gemensam för Dalslandskommunerna och utgår från Åmål. Möten kan också ske digitalt.",
        "The service is shared by the Dalsland municipalities and based in Åmål. Meetings can also be held online.",
      ),
      fargelanda: t(
        "Rådgivningen är gemensam för Dalslandskommunerna och utgår från Åmål. Möten kan också ske digitalt.",
        "The service is shared by the Dalsland municipalities and based in Åmål. Meetings can also be held online.",
      ),
      mellerud: t(
        "Rådgivningen är gemensam för Dalslandskommunerna och utgår från Åmål. Rådgivaren har mottagning i Mellerud tredje torsdagen varje månad.",
        "The service is shared by the Dalsland municipalities and based in Åmål. The counsellor sees clients in Mellerud on the third Thursday of every month.",
      ),
    }),
    example: true,
  },
  {
    slug: "stod-enligt-lss",
    category: "omsorg-och-stod",
    administration: "socialtjanst",
    offeredBy: "shared",
    title: t("Stöd enligt LSS", "Support under LSS (disability support)"),
    summary: t(
      "LSS ger rätt till särskilt stöd och service för personer med vissa omfattande funktionsnedsättningar, till exempel ledsagning, daglig verksamhet och bostad med särskild service.",
      "LSS gives people with certain significant disabilities the right to special support and services, such as a companion service, daily activities and supported housing.",
    ),
    audience: t(
      "Personer med intellektuell funktionsnedsättning, autism, betydande begåvningsmässig funktionsnedsättning efter hjärnskada i vuxen ålder, eller andra stora och varaktiga funktionsnedsättningar.",
      "People with an intellectual disability, autism, a significant cognitive impairment after an adult brain injury, or other major and lasting disabilities.",
    ),
    howToApply: t(
      md(
        "Ansök skriftligt till LSS-handläggaren, eller ring så skickar vi en blankett. Bifoga gärna läkarintyg eller andra utredningar som visar funktionsnedsättningen.",
        "Personlig assistans för mer än 15 timmar i veckan för grundläggande behov söker du hos Försäkringskassan.",
      ),
      md(
        "Apply in writing to the LSS officer, or call and we will send you a form. Please attach medical certificates or other assessments describing the disability.",
        "Personal assistance for more than 15 hours a week for basic needs is applied for from the Swedish Social Insurance Agency (Försäkringskassan).",
      ),
    ),
    cost: t(
      "Insatserna är avgiftsfria. I bostad med särskild service betalar du hyra och mat.",
      "The support is free of charge. In supported housing you pay rent and food.",
    ),
    processingTime: t(
      "Utredningen tar oftast en till tre månader.",
      "The assessment usually takes one to three months.",
    ),
    processingDays: 60,
    legalBasis: t(
      "Lag (1993:387) om stöd och service till vissa funktionshindrade (LSS)",
      "The Act concerning Support and Service for Persons with Certain Functional Impairments (LSS, 1993:387)",
    ),
    body: t(
      md(
        "## Insatser enligt LSS",
        "- Råd och stöd\n- Personlig assistans\n- Ledsagarservice\n- Kontaktperson\n- Avlösarservice i hemmet\n- Korttidsvistelse och korttidstillsyn\n- Boende i familjehem eller bostad med särskild service för barn och vuxna\n- Daglig verksamhet",
        "Insatserna ska ge goda levnadsvillkor och göra det möjligt att leva som andra. Du har rätt att få en individuell plan som beskriver ditt stöd.",
      ),
      md(
        "## Support under LSS",
        "- Advice and support\n- Personal assistance\n- Companion service\n- Contact person\n- Relief service at home\n- Short stays away from home and short-term supervision\n- Living in a family home or supported housing for children and adults\n- Daily activities",
        "The support should provide good living conditions and make it possible to live like others. You are entitled to an individual plan describing your support.",
      ),
    ),
    keywords: [
      "lss",
      "funktionsnedsättning",
      "funktionsnedsattning",
      "ledsagare",
      "kontaktperson",
      "daglig verksamhet",
      "korttidsvistelse",
      "gruppbostad",
      "personlig assistans",
      "disability support",
      "personal assistance",
      "supported housing",
    ],
    related: ["bostadsanpassningsbidrag", "anhorigstod", "fardtjanst", "parkeringstillstand-rorelsehindrade"],
    authorities: ["forsakringskassan", "socialstyrelsen"],
    eServiceId: "ansokan-lss",
    variants: variants(
      "lss",
      rulesBy({
        "dals-ed": t(
          "Daglig verksamhet i Dals-Ed har bland annat inriktning mot trädgård och café.",
          "Daily activities in Dals-Ed include gardening and a café.",
        ),
        mellerud: t(
          "Korttidsvistelse för barn ordnas i samarbete med Åmål.",
          "Short stays for children are arranged together with Åmål.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "bostadsanpassningsbidrag",
    category: "omsorg-och-stod",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Bostadsanpassningsbidrag", "Housing adaptation grant"),
    summary: t(
      "Har du en funktionsnedsättning kan du få bidrag för att anpassa bostaden, till exempel ta bort trösklar, bygga en ramp eller byta badkar mot dusch.",
      "If you have a disability you can get a grant to adapt your home, for example removing thresholds, building a ramp or replacing a bathtub with a shower.",
    ),
    audience: t(
      "Personer med varaktig funktionsnedsättning som behöver anpassa sin permanenta bostad, oavsett ålder.",
      "People of any age with a lasting disability who need to adapt their permanent home.",
    ),
    howToApply: t(
      md(
        "Ansök till bostadsanpassningshandläggaren med kommunens blankett. Bifoga ett intyg från arbetsterapeut eller läkare som beskriver varför anpassningen behövs.",
        "Bor du i hyresrätt eller bostadsrätt behöver du skriftligt medgivande från fastighetsägaren eller föreningen.",
        "Börja inte arbetet innan du har fått beslut, annars kan du gå miste om bidraget.",
      ),
      md(
        "Apply to the housing adaptation officer using the municipality's form. Attach a statement from an occupational therapist or doctor explaining why the adaptation is needed.",
        "If you rent or live in a housing cooperative flat, you need written consent from the owner or the cooperative.",
        "Do not start the work before you have a decision, or you may lose the grant.",
      ),
    ),
    cost: t(
      "Bidraget är inte inkomstprövat. Ansökan är avgiftsfri.",
      "The grant is not means-tested. Applying is free.",
    ),
    processingTime: t("Beslut oftast inom fyra till sex veckor.", "A decision usually within four to six weeks."),
    processingDays: 35,
    legalBasis: t(
      "Lag (2018:222) om bostadsanpassningsbidrag",
      "The Housing Adaptation Grants Act (Lag om bostadsanpassningsbidrag, 2018:222)",
    ),
    body: t(
      md(
        "Bidraget gäller fasta funktioner i och i anslutning till bostaden som du behöver på grund av din funktionsnedsättning. Det gäller inte vanligt underhåll eller sådant som du skulle ha behövt göra ändå.",
        "## Exempel på anpassningar",
        "- Ta bort trösklar och bredda dörrar\n- Ramp eller trapphiss\n- Duschplats i stället för badkar\n- Spisvakt\n- Automatisk dörröppnare",
        "Kommunen kan ge bidrag till den billigaste lösningen som uppfyller behovet.",
      ),
      md(
        "The grant covers fixed features in and around the home that you need because of your disability. It does not cover ordinary maintenance or work you would have needed anyway.",
        "## Examples of adaptations",
        "- Removing thresholds and widening doors\n- A ramp or stair lift\n- A shower instead of a bathtub\n- A stove guard\n- An automatic door opener",
        "The municipality may fund the cheapest solution that meets the need.",
      ),
    ),
    keywords: [
      "bostadsanpassning",
      "bostadsanpassningsbidrag",
      "bab",
      "ramp",
      "trapphiss",
      "tröskel",
      "troskel",
      "dusch",
      "funktionsnedsättning",
      "housing adaptation",
      "home adaptation",
      "disability grant",
      "accessibility",
    ],
    related: ["hemtjanst", "trygghetslarm", "stod-enligt-lss"],
    authorities: ["boverket"],
    eServiceId: "ansokan-bostadsanpassningsbidrag",
    variants: variants(
      "bostadsanpassning",
      timeBy({ bengtsfors: 28, "dals-ed": 21, fargelanda: 35, mellerud: 42, amal: 35 }, (d) =>
        t(
          `Beslut normalt inom ${weeks(d)} veckor från komplett ansökan.`,
          `A decision normally within ${weeks(d)} weeks of a complete application.`,
        ),
      ),
    ),
    example: true,
  },
  {
    slug: "anhorigstod",
    category: "omsorg-och-stod",
    administration: "socialtjanst",
    offeredBy: "shared",
    title: t("Stöd till anhöriga", "Support for family carers"),
    summary: t(
      "Vårdar eller stöttar du en närstående som är sjuk, äldre eller har en funktionsnedsättning kan du få stöd, samtal och avlösning.",
      "If you care for or support someone close to you who is ill, elderly or has a disability, you can get support, someone to talk to and respite.",
    ),
    audience: t(
      "Anhöriga i alla åldrar, även barn och unga som har en förälder eller ett syskon med sjukdom eller funktionsnedsättning.",
      "Family carers of all ages, including children and young people with a parent or sibling who is ill or disabled.",
    ),
    howToApply: t(
      "Ring eller mejla anhörigkonsulenten. Du behöver inte ansöka eller få ett beslut för samtal, anhöriggrupper och aktiviteter. För avlösning i hemmet kontaktar du en biståndshandläggare.",
      "Call or email the carer support coordinator. No application or decision is needed for conversations, carer groups and activities. For respite at home, contact a needs assessment officer.",
    ),
    cost: t(
      "Samtal, grupper och information är kostnadsfria. Avlösning i hemmet är gratis upp till ett visst antal timmar per månad.",
      "Conversations, groups and information are free. Respite at home is free up to a certain number of hours per month.",
    ),
    processingTime: t(
      "Du får oftast ett första samtal inom en vecka.",
      "You usually get a first conversation within a week.",
    ),
    processingDays: 7,
    legalBasis: SOL,
    body: t(
      md(
        "Att vara anhörig kan vara både fint och tungt. Anhörigkonsulenten lyssnar, ger information om vilket stöd som finns och hjälper dig att hitta en balans i vardagen.",
        "## Stöd som finns",
        "- Enskilda samtal\n- Anhöriggrupper och föreläsningar\n- Avlösning i hemmet\n- Korttidsplats för din närstående så att du kan vila",
      ),
      md(
        "Being a family carer can be both rewarding and hard. The carer support coordinator listens, explains what support is available and helps you find a balance in everyday life.",
        "## Support available",
        "- One-to-one conversations\n- Carer groups and talks\n- Respite at home\n- A short-term care place for the person you care for, so that you can rest",
      ),
    ),
    keywords: [
      "anhörigstöd",
      "anhorigstod",
      "anhörig",
      "anhorig",
      "avlösning",
      "avlosning",
      "anhörigkonsulent",
      "carer support",
      "family carer",
      "respite care",
      "caregiver",
    ],
    related: ["hemtjanst", "sarskilt-boende", "stod-enligt-lss"],
    authorities: ["socialstyrelsen"],
    eServiceId: "ansokan-anhorigstod",
    variants: variants(
      "anhorigstod",
      rulesBy({
        bengtsfors: t(
          "Avlösning i hemmet är avgiftsfri upp till 16 timmar per månad.",
          "Respite at home is free for up to 16 hours per month.",
        ),
        "dals-ed": t(
          "Avlösning i hemmet är avgiftsfri upp till 12 timmar per månad.",
          "Respite at home is free for up to 12 hours per month.",
        ),
        fargelanda: t(
          "Avlösning i hemmet är avgiftsfri upp till 10 timmar per månad.",
          "Respite at home is free for up to 10 hours per month.",
        ),
        mellerud: t(
          "Avlösning i hemmet är avgiftsfri upp till 16 timmar per månad. Anhörigcaféet på träffpunkten är öppet varannan onsdag.",
          "Respite at home is free for up to 16 hours per month. The carers' café at the meeting place is open every other Wednesday.",
        ),
        amal: t(
          "Avlösning i hemmet är avgiftsfri upp till 20 timmar per månad.",
          "Respite at home is free for up to 20 hours per month.",
        ),
      }),
    ),
    example: true,
  },
];

// ---------------------------------------------------------------------------
// Näringsliv och arbete
// ---------------------------------------------------------------------------

const naringslivOchArbete: SeedService[] = [
  {
    slug: "serveringstillstand",
    category: "naringsliv-och-arbete",
    administration: "kommunledning",
    offeredBy: "shared",
    title: t("Serveringstillstånd för alkohol", "Alcohol licence (serving permit)"),
    summary: t(
      "För att servera alkohol till allmänheten eller till slutna sällskap behöver du serveringstillstånd från kommunen.",
      "To serve alcohol to the public or to private parties you need a serving licence from the municipality.",
    ),
    audience: t(
      "Restauranger, caféer, hotell, cateringföretag och arrangörer som vill servera alkohol, stadigvarande eller vid enstaka tillfällen.",
      "Restaurants, cafés, hotels, caterers and event organisers who want to serve alcohol, permanently or on single occasions.",
    ),
    howToApply: t(
      md(
        "Skicka ansökan med kommunens blankett till tillståndshandläggaren. Bifoga bland annat:",
        "- registreringsbevis och ägarförhållanden\n- finansieringsunderlag för verksamheten\n- planritning över serveringsytor och kök\n- meny och serveringstider\n- bevis om godkänt kunskapsprov i alkohollagen",
        "Ansök om tillfälligt tillstånd minst sex veckor före arrangemanget.",
      ),
      md(
        "Send the application on the municipality's form to the licensing officer. Attach, among other things:",
        "- certificate of registration and ownership details\n- documentation of how the business is financed\n- a floor plan of serving areas and the kitchen\n- menu and serving hours\n- proof of a passed knowledge test on the Alcohol Act",
        "Apply for a temporary licence at least six weeks before the event.",
      ),
    ),
    cost: t(
      "Ansökningsavgift enligt kommunens taxa, oftast 8 000–12 000 kr för stadigvarande tillstånd. Därtill kommer en årlig tillsynsavgift.",
      "An application fee under the municipality's fee schedule, usually SEK 8,000–12,000 for a permanent licence, plus an annual supervision fee.",
    ),
    processingTime: t(
      "Normalt sex till tio veckor från komplett ansökan, i vissa fall upp till fyra månader.",
      "Normally six to ten weeks from a complete application, in some cases up to four months.",
    ),
    processingDays: 60,
    legalBasis: t("Alkohollagen (2010:1622) 8 kap.", "The Alcohol Act (Alkohollagen, 2010:1622), Chapter 8"),
    body: t(
      md(
        "Kommunen prövar att du är lämplig att driva verksamheten, att lokalen uppfyller kraven och att serveringen inte medför olägenheter för ordning, säkerhet eller hälsa. Polisen, Skatteverket och räddningstjänsten får yttra sig över ansökan.",
        "## Olika typer av tillstånd",
        "- Stadigvarande tillstånd till allmänheten eller slutna sällskap\n- Tillfälligt tillstånd, till exempel för en festival eller ett bröllop i en hyrd lokal\n- Tillstånd för catering och för provsmakning",
        "Den som har tillstånd ska ha serveringsansvarig personal på plats och en egenkontroll som följs.",
      ),
      md(
        "The municipality checks that you are suitable to run the business, that the premises meet the requirements and that serving alcohol will not cause problems for public order, safety or health. The police, the Tax Agency and the fire service may comment on the application.",
        "## Types of licence",
        "- Permanent licence for the public or for private parties\n- Temporary licence, for example for a festival or a wedding in a rented venue\n- Licences for catering and for tastings",
        "Licence holders must have responsible serving staff on site and follow a self-monitoring programme.",
      ),
    ),
    keywords: [
      "serveringstillstånd",
      "serveringstillstand",
      "alkoholtillstånd",
      "alkoholtillstand",
      "utskänkning",
      "utskankning",
      "tillfälligt tillstånd",
      "kunskapsprov",
      "alcohol licence",
      "liquor license",
      "serving permit",
    ],
    related: ["livsmedelsregistrering", "naringslivsradgivning", "tobakstillstand", "upplatelse-offentlig-plats"],
    authorities: ["polisen", "skatteverket", "bolagsverket"],
    eServiceId: "ansokan-serveringstillstand",
    variants: variants(
      "tillstand",
      merge(
        feeBy({ bengtsfors: 9500, "dals-ed": 8000, fargelanda: 8800, mellerud: 10000, amal: 11500 }, (a) =>
          t(
            `Stadigvarande tillstånd till allmänheten: ${a.sv}. Tillfälligt tillstånd kostar ungefär en tredjedel.`,
            `Permanent licence for the public: ${a.en}. A temporary licence costs about a third.`,
          ),
        ),
        rulesBy({
          bengtsfors: t(
            "Normal serveringstid inomhus till kl. 01.00, utomhus till kl. 00.00.",
            "Normal serving hours indoors until 1 am, outdoors until midnight.",
          ),
          "dals-ed": t(
            "Normal serveringstid inomhus och utomhus till kl. 00.00.",
            "Normal serving hours indoors and outdoors until midnight.",
          ),
          fargelanda: t(
            "Normal serveringstid inomhus och utomhus till kl. 00.00.",
            "Normal serving hours indoors and outdoors until midnight.",
          ),
          mellerud: t(
            "Normal serveringstid inomhus till kl. 01.00, utomhus till kl. 00.00.",
            "Normal serving hours indoors until 1 am, outdoors until midnight.",
          ),
          amal: t(
            "Normal serveringstid inomhus till kl. 02.00 och utomhus till kl. 01.00. Under Åmåls Bluesfestival kan längre tider beviljas.",
            "Normal serving hours indoors until 2 am and outdoors until 1 am. Longer hours may be granted during the Åmål Blues Festival.",
          ),
        }),
      ),
    ),
    example: true,
  },
  {
    slug: "livsmedelsregistrering",
    category: "naringsliv-och-arbete",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Registrering av livsmedelsanläggning", "Registering a food business"),
    summary: t(
      "Ska du starta eller ta över en verksamhet som hanterar livsmedel, till exempel ett café, en restaurang eller en gårdsbutik, måste du registrera den hos miljöenheten.",
      "If you are starting or taking over a business that handles food, such as a café, restaurant or farm shop, you must register it with the environmental health unit.",
    ),
    audience: t(
      "Företag och föreningar som tillverkar, serverar, säljer eller transporterar livsmedel.",
      "Businesses and associations that produce, serve, sell or transport food.",
    ),
    howToApply: t(
      "Skicka in anmälan om registrering senast två veckor innan du startar. Beskriv verksamheten, vilka livsmedel du hanterar och ungefär hur mycket. Vid ägarbyte ska den nya ägaren göra en ny registrering.",
      "Submit the registration form at least two weeks before you start. Describe the business, which foods you handle and roughly how much. When ownership changes, the new owner must register again.",
    ),
    cost: t(
      "Handläggningsavgift för registreringen motsvarande en till två timmar enligt miljöenhetens timtaxa. Kontrollavgifter tas sedan ut i efterhand.",
      "A processing fee for the registration equivalent to one or two hours at the environmental health unit's hourly rate. Inspection fees are then charged afterwards.",
    ),
    processingTime: t(
      "Du får ett registreringsbeslut oftast inom två veckor. Du får börja två veckor efter att anmälan kommit in, även om du inte fått beslut.",
      "You usually get a registration decision within two weeks. You may start two weeks after the form was received, even without a decision.",
    ),
    processingDays: 14,
    legalBasis: t(
      "Livsmedelslagen (2006:804) och förordning (EG) nr 852/2004 om livsmedelshygien",
      "The Food Act (Livsmedelslagen, 2006:804) and Regulation (EC) No 852/2004 on the hygiene of foodstuffs",
    ),
    body: t(
      md(
        "Du som driver verksamheten ansvarar för att maten är säker. Du ska ha rutiner för till exempel temperaturer, rengöring, allergener och spårbarhet (egenkontroll).",
        "Miljöenheten gör kontroller utifrån hur stor risk verksamheten har. Kontrollen kan vara oanmäld.",
        "## Behöver jag registrera mig?",
        "Om du bara säljer hembakat vid enstaka tillfällen, till exempel på en julmarknad, behöver du oftast inte registrera dig. Fråga oss om du är osäker.",
      ),
      md(
        "As the operator you are responsible for making sure the food is safe. You must have routines for things like temperatures, cleaning, allergens and traceability (self-monitoring).",
        "The environmental health unit carries out inspections based on how risky the business is. Inspections may be unannounced.",
        "## Do I need to register?",
        "If you only sell home baking occasionally, for example at a Christmas market, you usually do not need to register. Ask us if you are unsure.",
      ),
    ),
    keywords: [
      "livsmedel",
      "livsmedelsregistrering",
      "livsmedelsanläggning",
      "livsmedelsanlaggning",
      "registrera restaurang",
      "café",
      "cafe",
      "food truck",
      "matlastbil",
      "egenkontroll",
      "food business",
      "food registration",
      "restaurant",
    ],
    related: ["serveringstillstand", "naringslivsradgivning", "upplatelse-offentlig-plats"],
    authorities: ["livsmedelsverket", "verksamt", "bolagsverket"],
    eServiceId: "anmalan-livsmedelsanlaggning",
    variants: variants(
      "miljo",
      feeBy({ bengtsfors: 1350, "dals-ed": 1290, fargelanda: 1320, mellerud: 1390, amal: 1420 }, (a) =>
        t(
          `Timtaxa ${a.sv}. En normal registrering tar en till två timmar.`,
          `Hourly rate ${a.en}. A normal registration takes one to two hours.`,
        ),
      ),
    ),
    example: true,
  },
  {
    slug: "tobakstillstand",
    category: "naringsliv-och-arbete",
    administration: "kommunledning",
    offeredBy: "shared",
    title: t("Tillstånd för försäljning av tobak", "Licence to sell tobacco"),
    summary: t(
      "För att sälja tobaksvaror behöver du tillstånd från kommunen. Försäljning av e-cigaretter och tobaksfria nikotinprodukter ska anmälas.",
      "To sell tobacco products you need a licence from the municipality. Selling e-cigarettes and tobacco-free nicotine products must be notified.",
    ),
    audience: t(
      "Butiker, kiosker och bensinstationer som vill sälja tobak, e-cigaretter eller nikotinprodukter.",
      "Shops, kiosks and petrol stations that want to sell tobacco, e-cigarettes or nicotine products.",
    ),
    howToApply: t(
      "Skicka ansökan med kommunens blankett till tillståndshandläggaren. Bifoga registreringsbevis, uppgifter om ägare och finansiering samt ett egenkontrollprogram.",
      "Send the application on the municipality's form to the licensing officer. Attach the certificate of registration, details of owners and financing, and a self-monitoring programme.",
    ),
    cost: t(
      "Ansökningsavgift enligt kommunens taxa, oftast 7 000–9 500 kr. Därtill kommer en årlig tillsynsavgift.",
      "An application fee under the municipality's fee schedule, usually SEK 7,000–9,500, plus an annual supervision fee.",
    ),
    processingTime: t(
      "Normalt sex till åtta veckor, högst fyra månader.",
      "Normally six to eight weeks, at most four months.",
    ),
    processingDays: 56,
    legalBasis: t(
      "Lag (2018:2088) om tobak och liknande produkter och lag (2022:1257) om tobaksfria nikotinprodukter",
      "The Act on Tobacco and Similar Products (2018:2088) and the Act on Tobacco-Free Nicotine Products (2022:1257)",
    ),
    body: t(
      md(
        "Kommunen prövar att du har tillräcklig kunskap om reglerna och är lämplig att sälja tobak. Polisen, Skatteverket och Tullverket får yttra sig.",
        "## Regler för försäljningen",
        "- Du får inte sälja till någon under 18 år och ska kontrollera ålder.\n- Skylt om åldersgräns ska finnas vid kassan.\n- Tobaksvaror får inte exponeras på ett sätt som uppmuntrar till köp.",
      ),
      md(
        "The municipality checks that you know the rules and are suitable to sell tobacco. The police, the Tax Agency and Swedish Customs may comment.",
        "## Rules for selling",
        "- You may not sell to anyone under 18 and must check age.\n- A sign about the age limit must be displayed at the till.\n- Tobacco products may not be displayed in a way that encourages purchase.",
      ),
    ),
    keywords: [
      "tobak",
      "tobakstillstånd",
      "tobakstillstand",
      "snus",
      "cigaretter",
      "e-cigaretter",
      "nikotinprodukter",
      "vitt snus",
      "tobacco licence",
      "tobacco permit",
      "nicotine",
    ],
    related: ["serveringstillstand", "naringslivsradgivning"],
    authorities: ["skatteverket", "polisen", "bolagsverket"],
    eServiceId: "ansokan-tobakstillstand",
    variants: variants(
      "tillstand",
      feeBy({ bengtsfors: 8200, "dals-ed": 7000, fargelanda: 7600, mellerud: 8600, amal: 9400 }, (a) =>
        t(
          `Ansökningsavgift ${a.sv}. Anmälan av e-cigaretter och nikotinprodukter är avgiftsfri.`,
          `Application fee ${a.en}. Notifying e-cigarettes and nicotine products is free.`,
        ),
      ),
    ),
    example: true,
  },
  {
    slug: "naringslivsradgivning",
    category: "naringsliv-och-arbete",
    administration: "kommunledning",
    offeredBy: "shared",
    title: t("Företagslotsen – rådgivning för företag", "Business pilot – advice for businesses"),
    summary: t(
      "Företagslotsen är din väg in till kommunen när du vill starta, driva eller utveckla ett företag. Du får en kontaktperson som samordnar dina ärenden.",
      "The business pilot is your way into the municipality when you want to start, run or grow a business. You get one contact person who coordinates your cases.",
    ),
    audience: t(
      "Företagare, blivande företagare och företag som vill etablera sig i Dalsland.",
      "Business owners, future entrepreneurs and companies wanting to set up in Dalsland.",
    ),
    howToApply: t(
      "Ring eller mejla näringslivsenheten och berätta kort om ditt företag och vad du behöver hjälp med. Vi bokar ett möte, på plats, hos dig eller digitalt.",
      "Call or email the business unit and briefly describe your company and what you need help with. We book a meeting at our office, at your premises or online.",
    ),
    cost: t("Kostnadsfritt.", "Free of charge."),
    processingTime: t("Vi återkommer inom två arbetsdagar.", "We get back to you within two working days."),
    processingDays: 2,
    legalBasis: t(
      "Ingen särskild lag. Kommunens näringslivsservice enligt kommunallagen (2017:725) 2 kap.",
      "No specific law. The municipality's business service under the Local Government Act (Kommunallagen, 2017:725), Chapter 2",
    ),
    body: t(
      md(
        "Många företag behöver flera tillstånd från kommunen samtidigt, till exempel bygglov, livsmedelsregistrering och serveringstillstånd. Företagslotsen samlar rätt handläggare till ett gemensamt möte så att du slipper gå runt.",
        "## Vi kan hjälpa dig med",
        "- Vilka tillstånd och anmälningar du behöver\n- Lediga lokaler och mark för verksamhet\n- Kontakter med Almi, Nyföretagarcentrum och andra rådgivare\n- Information om kommunens upphandlingar",
        "Företag registrerar du hos Bolagsverket och Skatteverket, till exempel via verksamt.se.",
      ),
      md(
        "Many businesses need several permits from the municipality at the same time, such as a building permit, food registration and an alcohol licence. The business pilot brings the right officers together in one meeting so you do not have to go from office to office.",
        "## We can help you with",
        "- Which permits and notifications you need\n- Available premises and land for business\n- Contacts with Almi, the new enterprise centre and other advisers\n- Information about the municipality's procurements",
        "You register a company with the Companies Registration Office and the Tax Agency, for example through verksamt.se.",
      ),
    ),
    keywords: [
      "företagslots",
      "foretagslots",
      "företagslotsen",
      "naringslivsradgivning",
      "näringsliv",
      "naringsliv",
      "starta företag",
      "starta foretag",
      "etablering",
      "företagsrådgivning",
      "business advice",
      "start a business",
      "business support",
    ],
    related: ["livsmedelsregistrering", "serveringstillstand", "upphandling", "bygglov-nybyggnad", "tobakstillstand"],
    authorities: ["verksamt", "bolagsverket", "skatteverket", "arbetsformedlingen", "your-europe"],
    eServiceId: "bokning-foretagslots",
    variants: variants(
      "naringsliv",
      rulesBy({
        bengtsfors: t(
          "Frukostmöte för företagare första fredagen varje månad.",
          "Business breakfast on the first Friday of every month.",
        ),
        "dals-ed": t(
          "Företagslotsen har särskild kunskap om gränshandel och etablering med koppling till Norge.",
          "The business pilot has special knowledge of cross-border trade and setting up with links to Norway.",
        ),
        amal: t(
          "Lediga verksamhetslokaler och industrimark finns i kommunens lokalbank.",
          "Available business premises and industrial land are listed in the municipality's premises database.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "upphandling",
    category: "naringsliv-och-arbete",
    administration: "kommunledning",
    offeredBy: "shared",
    title: t("Upphandling – sälja till kommunen", "Procurement – selling to the municipality"),
    summary: t(
      "Kommunen köper varor, tjänster och byggentreprenader genom offentlig upphandling. Här får du veta hur du hittar upphandlingar och lämnar anbud.",
      "The municipality buys goods, services and construction works through public procurement. Here you find out how to find tenders and submit bids.",
    ),
    audience: t("Företag som vill sälja till kommunen.", "Businesses that want to sell to the municipality."),
    howToApply: t(
      "Registrera dig kostnadsfritt i kommunens upphandlingssystem och bevaka de områden du är intresserad av. Anbud lämnas elektroniskt i systemet före sista anbudsdag.",
      "Register free of charge in the municipality's procurement system and follow the areas you are interested in. Bids are submitted electronically in the system before the deadline.",
    ),
    cost: t("Det är gratis att registrera sig och lämna anbud.", "Registering and submitting bids is free."),
    processingTime: t(
      "Tilldelningsbeslut meddelas efter utvärderingen. Därefter gäller en avtalsspärr på tio dagar.",
      "The award decision is announced after evaluation. A ten-day standstill period then applies.",
    ),
    legalBasis: t("Lag (2016:1145) om offentlig upphandling (LOU)", "The Public Procurement Act (LOU, 2016:1145)"),
    body: t(
      md(
        "Kommunen måste följa lagen om offentlig upphandling. Det betyder att alla leverantörer ska behandlas lika och att upphandlingar över vissa belopp annonseras öppet.",
        "Mindre köp kan göras som direktupphandling. Kommunen frågar då ofta lokala leverantörer, så berätta gärna för oss vad ditt företag kan erbjuda.",
        "## Tips för små företag",
        "- Gå samman med andra företag och lämna ett gemensamt anbud.\n- Ställ frågor i systemet under anbudstiden om något är oklart.\n- Delta på kommunens leverantörsträffar.",
      ),
      md(
        "The municipality must follow the Public Procurement Act. This means all suppliers must be treated equally and procurements above certain values are advertised openly.",
        "Smaller purchases can be made by direct award. The municipality then often asks local suppliers, so let us know what your business can offer.",
        "## Tips for small businesses",
        "- Team up with other companies and submit a joint bid.\n- Ask questions in the system during the tender period if anything is unclear.\n- Attend the municipality's supplier meetings.",
      ),
    ),
    keywords: [
      "upphandling",
      "offentlig upphandling",
      "anbud",
      "lou",
      "direktupphandling",
      "leverantör",
      "leverantor",
      "procurement",
      "tender",
      "public procurement",
      "bid",
      "supplier",
    ],
    related: ["naringslivsradgivning"],
    authorities: ["verksamt", "your-europe"],
    variants: variants(
      "upphandling",
      rulesBy({
        bengtsfors: t(
          "Bengtsfors, Dals-Ed och Färgelanda genomför många upphandlingar tillsammans.",
          "Bengtsfors, Dals-Ed and Färgelanda carry out many procurements together.",
        ),
        "dals-ed": t(
          "Dals-Ed, Bengtsfors och Färgelanda genomför många upphandlingar tillsammans.",
          "Dals-Ed, Bengtsfors and Färgelanda carry out many procurements together.",
        ),
        fargelanda: t(
          "Färgelanda, Bengtsfors och Dals-Ed genomför många upphandlingar tillsammans.",
          "Färgelanda, Bengtsfors and Dals-Ed carry out many procurements together.",
        ),
        amal: t(
          "Leverantörsträff hålls varje vår i Åmåls stadshus.",
          "A supplier meeting is held every spring at Åmål town hall.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "feriearbete",
    category: "naringsliv-och-arbete",
    administration: "kommunledning",
    offeredBy: ["bengtsfors", "fargelanda", "mellerud", "amal"],
    title: t("Feriearbete för ungdomar", "Summer jobs for young people"),
    summary: t(
      "Kommunen erbjuder sommarjobb i tre veckor för ungdomar, till exempel inom äldreomsorg, förskola, park och kultur.",
      "The municipality offers three-week summer jobs for young people, for example in elderly care, preschool, parks and culture.",
    ),
    audience: t(
      "Ungdomar som är folkbokförda i kommunen och går ut årskurs 9 eller går första eller andra året på gymnasiet.",
      "Young people registered in the municipality who are finishing year 9 or are in their first or second year of upper secondary school.",
    ),
    howToApply: t(
      "Ansök i kommunens ansökningsformulär för feriearbete under mars och april. Vårdnadshavare måste godkänna ansökan om du är under 18 år.",
      "Apply using the municipality's summer job form in March and April. A guardian must approve the application if you are under 18.",
    ),
    cost: t(
      "Gratis att söka. Du får lön enligt kommunens timlön för feriearbetare.",
      "Applying is free. You are paid the municipality's hourly wage for summer workers.",
    ),
    processingTime: t(
      "Besked om placering skickas ut i slutet av maj.",
      "Placement decisions are sent out at the end of May.",
    ),
    legalBasis: t(
      "Ingen särskild lag. Arbetet följer arbetsmiljölagen (1977:1160) 5 kap. om minderåriga.",
      "No specific law. The work follows the Work Environment Act (Arbetsmiljölagen, 1977:1160), Chapter 5 on minors.",
    ),
    body: t(
      md(
        "Feriearbetet är ett sätt att få arbetslivserfarenhet, tjäna egna pengar och lära känna kommunens verksamheter. Du arbetar oftast sex timmar om dagen under tre veckor.",
        "Alla som söker i tid och uppfyller kraven brukar få en plats, men vi kan inte lova att du får just det arbete du önskar.",
        "Efter feriearbetet får du ett intyg som du kan använda när du söker jobb.",
      ),
      md(
        "A summer job is a way to gain work experience, earn your own money and get to know the municipality's services. You usually work six hours a day for three weeks.",
        "Everyone who applies on time and meets the requirements usually gets a place, but we cannot promise you the exact job you want.",
        "After the summer job you receive a certificate you can use when applying for jobs.",
      ),
    ),
    keywords: [
      "feriearbete",
      "feriejobb",
      "sommarjobb",
      "ungdomsjobb",
      "sommarjobb ungdom",
      "summer job",
      "youth employment",
      "holiday job",
    ],
    related: ["gymnasieskola", "fritidsgardar"],
    authorities: ["arbetsformedlingen", "skatteverket"],
    eServiceId: "ansokan-feriearbete",
    variants: variants(
      "arbetsmarknad",
      rulesBy({
        bengtsfors: t(
          "Timlön 98 kr. Sista ansökningsdag 15 april.",
          "Hourly wage SEK 98. Application deadline 15 April.",
        ),
        fargelanda: t(
          "Timlön 95 kr. Sista ansökningsdag 10 april.",
          "Hourly wage SEK 95. Application deadline 10 April.",
        ),
        mellerud: t(
          "Timlön 100 kr. Sista ansökningsdag 15 april. Du kan också söka feriearbete hos föreningar som får bidrag från kommunen.",
          "Hourly wage SEK 100. Application deadline 15 April. You can also apply for summer jobs with associations funded by the municipality.",
        ),
        amal: t("Timlön 104 kr. Sista ansökningsdag 31 mars.", "Hourly wage SEK 104. Application deadline 31 March."),
      }),
      ["bengtsfors", "fargelanda", "mellerud", "amal"],
    ),
    example: true,
  },
];

// ---------------------------------------------------------------------------
// Kommun och politik
// ---------------------------------------------------------------------------

const kommunOchPolitik: SeedService[] = [
  {
    slug: "allman-handling",
    category: "kommun-och-politik",
    administration: "kommunledning",
    offeredBy: "shared",
    title: t("Begära ut allmänna handlingar", "Requesting official documents"),
    summary: t(
      "Alla har rätt att ta del av kommunens allmänna handlingar, till exempel protokoll, beslut, e-post och ritningar, om de inte omfattas av sekretess.",
      "Everyone has the right to see the municipality's official documents, such as minutes, decisions, emails and drawings, unless they are confidential.",
    ),
    audience: t(
      "Alla, oavsett ålder, nationalitet eller syfte.",
      "Everyone, regardless of age, nationality or purpose.",
    ),
    howToApply: t(
      md(
        "Skicka din begäran i e-tjänsten **Begäran om allmän handling**, mejla registraturen eller besök kommunhuset. Beskriv så tydligt du kan vilken handling du vill ha, gärna med diarienummer eller datum.",
        "Du behöver inte tala om vem du är eller varför du vill ha handlingen. Du kan vara anonym.",
      ),
      md(
        "Send your request in the e-service **Request for official documents**, email the registry or visit the town hall. Describe as clearly as you can which document you want, preferably with a case number or date.",
        "You do not have to say who you are or why you want the document. You may remain anonymous.",
      ),
    ),
    cost: t(
      "Det är gratis att läsa handlingar på plats och att få dem som e-post i de flesta fall. Papperskopior: sida 1–9 gratis, sida 10 kostar 50 kr och därefter 2 kr per sida.",
      "Reading documents on site is free, and receiving them by email is free in most cases. Paper copies: pages 1–9 free, page 10 costs SEK 50 and then SEK 2 per page.",
    ),
    processingTime: t(
      "Begäran ska hanteras skyndsamt, oftast samma dag eller inom några dagar. Om handlingen måste sekretessprövas kan det ta längre tid.",
      "Requests must be handled promptly, usually the same day or within a few days. If the document needs a confidentiality review it can take longer.",
    ),
    processingDays: 2,
    legalBasis: t(
      "Tryckfrihetsförordningen 2 kap. och offentlighets- och sekretesslagen (2009:400)",
      "The Freedom of the Press Act, Chapter 2, and the Public Access to Information and Secrecy Act (2009:400)",
    ),
    body: t(
      md(
        "En handling är allmän om den förvaras hos kommunen och har kommit in till eller upprättats av kommunen. Det gäller både papper och digitala uppgifter, som e-post och sms i tjänsten.",
        "Vissa uppgifter är sekretessbelagda, till exempel om enskildas hälsa och sociala förhållanden. Då kan handlingen lämnas ut med vissa delar maskade, eller inte alls.",
        "## Om du får avslag",
        "Om kommunen inte vill lämna ut en handling får du ett skriftligt beslut. Du kan överklaga beslutet till kammarrätten.",
      ),
      md(
        "A document is official if it is held by the municipality and has been received or drawn up by it. This covers both paper and digital information, such as work emails and text messages.",
        "Some information is confidential, for example about individuals' health and social circumstances. The document may then be released with parts redacted, or not at all.",
        "## If you are refused",
        "If the municipality refuses to release a document, you get a written decision. You can appeal to the administrative court of appeal (kammarrätten).",
      ),
    ),
    keywords: [
      "allmän handling",
      "allman handling",
      "allmänna handlingar",
      "offentlighetsprincipen",
      "diarium",
      "registratur",
      "protokoll",
      "sekretess",
      "public records",
      "official documents",
      "freedom of information",
      "foi request",
    ],
    related: ["synpunkter-och-klagomal", "medborgarforslag"],
    authorities: [],
    eServiceId: "begaran-allman-handling",
    variants: variants(
      "registrator",
      rulesBy({
        bengtsfors: t(
          "Kommunens diarium går att söka i på webben.",
          "The municipality's case register can be searched online.",
        ),
        amal: t(
          "Kommunens diarium och protokoll från alla nämnder går att söka i på webben.",
          "The municipality's case register and minutes from all committees can be searched online.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "synpunkter-och-klagomal",
    category: "kommun-och-politik",
    administration: "kommunledning",
    offeredBy: "shared",
    title: t("Synpunkter och klagomål", "Feedback and complaints"),
    summary: t(
      "Har du beröm, förslag eller klagomål på kommunens verksamheter vill vi gärna veta. Dina synpunkter hjälper oss att bli bättre.",
      "If you have praise, suggestions or complaints about the municipality's services, we want to hear them. Your feedback helps us improve.",
    ),
    audience: t(
      "Alla som bor i, verkar i eller besöker kommunerna.",
      "Everyone who lives in, works in or visits the municipalities.",
    ),
    howToApply: t(
      "Lämna din synpunkt i e-tjänsten **Synpunkter och klagomål**, ring kontaktcenter eller prata med personalen i verksamheten. Du kan vara anonym, men då kan vi inte svara dig.",
      "Submit your feedback in the e-service **Feedback and complaints**, call the contact centre or talk to the staff at the service. You may remain anonymous, but then we cannot reply.",
    ),
    cost: t("Kostnadsfritt.", "Free of charge."),
    processingTime: t(
      "Vi bekräftar att vi tagit emot din synpunkt inom två arbetsdagar och svarar oftast inom tio arbetsdagar.",
      "We confirm receipt within two working days and usually reply within ten working days.",
    ),
    processingDays: 14,
    legalBasis: t("Förvaltningslagen (2017:900)", "The Administrative Procedure Act (Förvaltningslagen, 2017:900)"),
    body: t(
      md(
        "Din synpunkt skickas till den som ansvarar för verksamheten. Den används för att rätta till fel och förbättra arbetet, och sammanställs varje år till nämnderna.",
        "Synpunkter är allmänna handlingar. Skriv inte känsliga personuppgifter om dig själv eller någon annan.",
        "## Det här är inte en synpunkt",
        "- Fel på gator, belysning eller lekplatser: använd **Felanmälan gata och park**.\n- Om du vill överklaga ett beslut: följ anvisningen i beslutet.\n- Klagomål på vård kan också lämnas till patientnämnden.",
      ),
      md(
        "Your feedback is sent to the person responsible for the service. It is used to correct mistakes and improve our work, and is summarised for the committees every year.",
        "Feedback is an official document. Do not include sensitive personal data about yourself or others.",
        "## This is not feedback",
        "- Faults in streets, lighting or playgrounds: use **Report a fault – streets and parks**.\n- If you want to appeal a decision: follow the instructions in the decision.\n- Complaints about health care can also be made to the patients' advisory committee.",
      ),
    ),
    keywords: [
      "synpunkter",
      "klagomål",
      "klagomal",
      "beröm",
      "berom",
      "förslag",
      "forslag",
      "missnöje",
      "feedback",
      "complaint",
      "suggestion",
      "compliment",
    ],
    related: ["felanmalan-gata-park", "allman-handling", "medborgarforslag"],
    authorities: [],
    eServiceId: "synpunkter-klagomal",
    variants: variants(
      "kontaktcenter",
      timeBy({ bengtsfors: 10, "dals-ed": 7, fargelanda: 14, mellerud: 10, amal: 14 }, (d) =>
        t(`Svar oftast inom ${d} dagar.`, `A reply usually within ${d} days.`),
      ),
    ),
    example: true,
  },
  {
    slug: "borgerlig-vigsel",
    category: "kommun-och-politik",
    administration: "kommunledning",
    offeredBy: "shared",
    title: t("Borgerlig vigsel", "Civil wedding"),
    summary: t(
      "Ni kan gifta er borgerligt med en vigselförrättare som är utsedd av länsstyrelsen, i kommunhuset eller på en plats ni väljer själva.",
      "You can have a civil wedding with an officiant appointed by the County Administrative Board, at the town hall or at a place of your choice.",
    ),
    audience: t(
      "Par som vill gifta sig utan religiös ceremoni.",
      "Couples who want to marry without a religious ceremony.",
    ),
    howToApply: t(
      md(
        "1. Ansök om hindersprövning hos Skatteverket. Intyget gäller i fyra månader.\n2. Boka vigsel i e-tjänsten **Borgerlig vigsel**, gärna minst sex veckor i förväg.\n3. Skicka hindersprövningsintyget till kommunen senast två veckor före vigseln.",
        "Ni behöver två vittnen som är över 18 år.",
      ),
      md(
        "1. Apply for a marriage impediment investigation (hindersprövning) with the Swedish Tax Agency. The certificate is valid for four months.\n2. Book the wedding in the e-service **Civil wedding**, preferably at least six weeks in advance.\n3. Send the certificate to the municipality no later than two weeks before the wedding.",
        "You need two witnesses over 18.",
      ),
    ),
    cost: t(
      "Vigsel i kommunens lokal på vardagar är avgiftsfri. Vigsel på annan plats eller på helger kan kosta en avgift.",
      "A weekday wedding in the municipality's premises is free. A wedding elsewhere or at weekends may have a fee.",
    ),
    processingTime: t("Bekräftelse på bokningen inom en vecka.", "Booking confirmation within a week."),
    processingDays: 7,
    legalBasis: t("Äktenskapsbalken (1987:230) 4 kap.", "The Marriage Code (Äktenskapsbalken, 1987:230), Chapter 4"),
    body: t(
      md(
        "Vigseln är kort och tar ungefär tio minuter. Ni kan välja mellan en enkel och en lite längre ceremoni, och ni får gärna ha med musik eller en dikt.",
        "Efter vigseln skickar vigselförrättaren uppgifterna till Skatteverket, som registrerar äktenskapet. Om någon av er vill byta efternamn anmäler ni det till Skatteverket.",
        "Vigsel kan hållas på svenska eller engelska. Behöver ni tolk ordnar ni den själva.",
      ),
      md(
        "The ceremony is short, about ten minutes. You can choose a simple or a slightly longer ceremony, and you are welcome to include music or a poem.",
        "After the wedding the officiant sends the details to the Swedish Tax Agency, which registers the marriage. If either of you wants to change your surname, notify the Tax Agency.",
        "The ceremony can be held in Swedish or English. If you need an interpreter you arrange one yourselves.",
      ),
    ),
    keywords: [
      "borgerlig vigsel",
      "vigsel",
      "gifta sig",
      "bröllop",
      "brollop",
      "vigselförrättare",
      "vigselforrattare",
      "hindersprövning",
      "hindersprovning",
      "civil wedding",
      "marriage",
      "get married",
      "wedding",
    ],
    related: ["synpunkter-och-klagomal"],
    authorities: ["skatteverket", "lansstyrelsen-vastra-gotaland"],
    eServiceId: "ansokan-borgerlig-vigsel",
    variants: variants("vigsel", {
      bengtsfors: {
        fee: t(
          "Vardagar i kommunhuset: gratis. Annan plats inom kommunen: 800 kr.",
          "Weekdays at the town hall: free. Another venue in the municipality: SEK 800.",
        ),
        localRules: t(
          "Under sommaren kan ni vigas utomhus vid Gammelgården i Bengtsfors på lördagar.",
          "In summer you can marry outdoors at Gammelgården open-air museum in Bengtsfors on Saturdays.",
        ),
      },
      "dals-ed": {
        fee: t(
          "Vigsel är avgiftsfri, även på annan plats inom kommunen.",
          "Weddings are free, also at another venue in the municipality.",
        ),
      },
      fargelanda: {
        fee: t(
          "Vardagar i kommunhuset: gratis. Helger och annan plats: 600 kr.",
          "Weekdays at the town hall: free. Weekends and other venues: SEK 600.",
        ),
      },
      mellerud: {
        fee: t(
          "Vardagar i kommunhuset: gratis. Annan plats eller helg: 1 000 kr.",
          "Weekdays at the town hall: free. Other venue or weekend: SEK 1,000.",
        ),
        localRules: t(
          "Vigsel vid Vänerns strand vid Sunnanå hamn kan bokas maj–september.",
          "Weddings on the shore of Lake Vänern at Sunnanå harbour can be booked May–September.",
        ),
      },
      amal: {
        fee: t(
          "Vardagar i stadshuset: gratis. Annan plats eller helg: 1 200 kr.",
          "Weekdays at the town hall: free. Other venue or weekend: SEK 1,200.",
        ),
        localRules: t(
          "Stadshusets vigselrum kan bokas tisdagar och fredagar. Utomhusvigsel i Plantaget erbjuds under sommaren.",
          "The town hall's wedding room can be booked on Tuesdays and Fridays. Outdoor weddings in Plantaget park are offered in summer.",
        ),
      },
    }),
    example: true,
  },
  {
    slug: "medborgarforslag",
    category: "kommun-och-politik",
    administration: "kommunledning",
    offeredBy: ["bengtsfors", "fargelanda", "amal"],
    title: t("Medborgarförslag", "Citizens' proposals"),
    summary: t(
      "Med ett medborgarförslag kan du som bor i kommunen lämna ett förslag direkt till kommunfullmäktige.",
      "With a citizens' proposal, residents can submit a proposal directly to the municipal council.",
    ),
    audience: t(
      "Alla som är folkbokförda i kommunen, oavsett ålder.",
      "Everyone registered in the municipality, regardless of age.",
    ),
    howToApply: t(
      "Skriv ditt förslag, med namn och adress, och skicka det till kommunkansliet via e-post eller brev. Beskriv vad du vill att kommunen ska göra och varför. Ett förslag ska bara handla om en fråga.",
      "Write your proposal, including your name and address, and send it to the municipal secretariat by email or post. Describe what you want the municipality to do and why. A proposal should only cover one issue.",
    ),
    cost: t("Kostnadsfritt.", "Free of charge."),
    processingTime: t(
      "Förslaget ska om möjligt besvaras inom ett år från att det lämnades in.",
      "The proposal should, if possible, be answered within one year of submission.",
    ),
    processingDays: 365,
    legalBasis: t(
      "Kommunallagen (2017:725) 8 kap. 1 § och 5 kap. 35 §",
      "The Local Government Act (Kommunallagen, 2017:725), Chapter 8 Section 1 and Chapter 5 Section 35",
    ),
    body: t(
      md(
        "Kommunfullmäktige tar emot förslaget och skickar det till den nämnd som ansvarar för frågan. Du får besked om när förslaget ska behandlas och kan bli kontaktad för att berätta mer.",
        "Förslag kan inte handla om myndighetsutövning mot enskilda, till exempel ett bygglov eller ett biståndsbeslut.",
        "Om din kommun inte har medborgarförslag kan du lämna en synpunkt eller kontakta en förtroendevald politiker.",
      ),
      md(
        "The municipal council receives the proposal and forwards it to the committee responsible. You are told when the proposal will be considered and may be contacted to tell us more.",
        "Proposals cannot concern decisions about individuals, such as a building permit or a social care decision.",
        "If your municipality does not accept citizens' proposals, you can submit feedback or contact an elected politician.",
      ),
    ),
    keywords: [
      "medborgarförslag",
      "medborgarforslag",
      "e-förslag",
      "e-forslag",
      "kommunfullmäktige",
      "kommunfullmaktige",
      "påverka",
      "paverka",
      "demokrati",
      "citizens proposal",
      "petition",
      "democracy",
      "council",
    ],
    related: ["synpunkter-och-klagomal", "allman-handling"],
    authorities: [],
    eServiceId: "medborgarforslag",
    variants: variants(
      "kansli",
      rulesBy({
        bengtsfors: t(
          "Förslagsställaren får presentera sitt förslag i fullmäktiges allmänhetens frågestund.",
          "The person making the proposal may present it during the council's public question time.",
        ),
        fargelanda: t(
          "Medborgarförslag kan också lämnas i brevlådan i kommunhusets entré.",
          "Citizens' proposals can also be left in the letterbox at the town hall entrance.",
        ),
        amal: t(
          "Åmål har även e-förslag på webben. Ett e-förslag som får minst 100 röster inom 60 dagar behandlas av kommunstyrelsen.",
          "Åmål also has online e-proposals. An e-proposal that gets at least 100 votes within 60 days is considered by the executive board.",
        ),
      }),
      ["bengtsfors", "fargelanda", "amal"],
    ),
    example: true,
  },
  {
    slug: "overformyndare-god-man",
    category: "kommun-och-politik",
    administration: "kommunledning",
    offeredBy: "shared",
    title: t("God man och förvaltare (överförmyndaren)", "Trustees and administrators (chief guardian)"),
    summary: t(
      "Överförmyndaren utser och granskar gode män och förvaltare för personer som inte kan sköta sin ekonomi eller bevaka sin rätt. Du kan också anmäla intresse för att bli god man.",
      "The chief guardian appoints and supervises trustees and administrators for people who cannot manage their finances or protect their rights. You can also volunteer to become a trustee.",
    ),
    audience: t(
      "Personer som behöver hjälp med ekonomi och kontakter med myndigheter, deras anhöriga, och du som vill bli god man.",
      "People who need help with finances and contacts with authorities, their relatives, and anyone who wants to become a trustee.",
    ),
    howToApply: t(
      md(
        "Ansökan om god man görs hos tingsrätten, av personen själv, en anhörig eller överförmyndaren. Överförmyndaren hjälper dig med blanketter och föreslår en lämplig god man.",
        "Vill du bli god man fyller du i en intresseanmälan. Du blir kallad till ett samtal och går en grundutbildning.",
      ),
      md(
        "An application for a trustee is made to the district court, by the person themselves, a relative or the chief guardian. The chief guardian helps you with forms and proposes a suitable trustee.",
        "If you want to become a trustee, fill in an expression of interest. You are invited to an interview and take a basic training course.",
      ),
    ),
    cost: t(
      "Det är kostnadsfritt att ansöka. Den gode mannens arvode betalas av huvudmannen om hen har tillräcklig inkomst eller förmögenhet, annars av kommunen.",
      "Applying is free. The trustee's fee is paid by the person being helped if they have sufficient income or assets, otherwise by the municipality.",
    ),
    processingTime: t(
      "Tingsrättens handläggning tar oftast två till tre månader. I brådskande fall kan en tillfällig god man förordnas snabbare.",
      "The district court usually takes two to three months. In urgent cases a temporary trustee can be appointed faster.",
    ),
    processingDays: 75,
    legalBasis: t(
      "Föräldrabalken (1949:381) 11–16 kap.",
      "The Children and Parents Code (Föräldrabalken, 1949:381), Chapters 11–16",
    ),
    body: t(
      md(
        "En god man hjälper till med till exempel att betala räkningar, söka bidrag och se till att huvudmannen får den vård och omsorg hen behöver. Huvudmannen bestämmer fortfarande själv. En förvaltare utses bara om det inte räcker med god man.",
        "Varje år lämnar den gode mannen en redovisning som överförmyndaren granskar.",
        "Överförmyndaren utser också gode män för ensamkommande barn och granskar förmyndares förvaltning när ett barn äger större tillgångar.",
      ),
      md(
        "A trustee helps with things like paying bills, applying for benefits and making sure the person gets the care they need. The person still makes their own decisions. An administrator is only appointed if a trustee is not enough.",
        "Every year the trustee submits a report that the chief guardian reviews.",
        "The chief guardian also appoints trustees for unaccompanied children and supervises guardians when a child owns significant assets.",
      ),
    ),
    keywords: [
      "god man",
      "förvaltare",
      "forvaltare",
      "överförmyndare",
      "overformyndare",
      "överförmyndarnämnd",
      "förmyndare",
      "formyndare",
      "trustee",
      "guardian",
      "conservator",
      "legal guardian",
    ],
    related: ["budget-och-skuldradgivning", "stod-enligt-lss", "anhorigstod"],
    authorities: ["migrationsverket"],
    eServiceId: "anmalan-behov-god-man",
    variants: hostedBy("mellerud", "overformyndare", {
      bengtsfors: t(
        "Överförmyndarverksamheten är gemensam för Dalslandskommunerna och har sitt kansli i Mellerud.",
        "The chief guardian service is shared by the Dalsland municipalities and based in Mellerud.",
      ),
      "dals-ed": t(
        "Överförmyndarverksamheten är gemensam för Dalslandskommunerna och har sitt kansli i Mellerud.",
        "The chief guardian service is shared by the Dalsland municipalities and based in Mellerud.",
      ),
      fargelanda: t(
        "Överförmyndarverksamheten är gemensam för Dalslandskommunerna och har sitt kansli i Mellerud.",
        "The chief guardian service is shared by the Dalsland municipalities and based in Mellerud.",
      ),
      mellerud: t(
        "Överförmyndarens kansli finns i kommunhuset i Mellerud. Besök efter överenskommelse.",
        "The chief guardian's office is at the town hall in Mellerud. Visits by appointment.",
      ),
      amal: t(
        "Överförmyndarverksamheten är gemensam för Dalslandskommunerna och har sitt kansli i Mellerud. Mottagning i Åmåls stadshus varannan torsdag.",
        "The chief guardian service is shared by the Dalsland municipalities and based in Mellerud. Drop-in at Åmål town hall every other Thursday.",
      ),
    }),
    example: true,
  },
];

// ---------------------------------------------------------------------------
// Trafik och infrastruktur
// ---------------------------------------------------------------------------

const trafikOchInfrastruktur: SeedService[] = [
  {
    slug: "parkeringstillstand-rorelsehindrade",
    category: "trafik-och-infrastruktur",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Parkeringstillstånd för rörelsehindrade", "Disabled parking permit"),
    summary: t(
      "Har du svårt att gå kan du få ett parkeringstillstånd som gör att du får parkera närmare ditt mål och längre än andra.",
      "If you have difficulty walking, you can get a parking permit that lets you park closer to where you are going and for longer than others.",
    ),
    audience: t(
      "Dig som har ett varaktigt rörelsehinder och har stora svårigheter att förflytta dig, som förare eller som passagerare som behöver hjälp av föraren.",
      "People with a lasting mobility impairment who have great difficulty moving about, as a driver or as a passenger who needs the driver's help.",
    ),
    howToApply: t(
      md(
        "Ansök i e-tjänsten **Parkeringstillstånd för rörelsehindrade**. Bifoga:",
        "- ett läkarintyg som beskriver hur funktionsnedsättningen påverkar din förmåga att gå\n- ett foto (passfoto)\n- ett prov på din namnteckning",
      ),
      md(
        "Apply in the e-service **Disabled parking permit**. Attach:",
        "- a medical certificate describing how your disability affects your ability to walk\n- a photo (passport photo)\n- a sample of your signature",
      ),
    ),
    cost: t(
      "Ansökan är oftast avgiftsfri. Läkarintyget betalar du själv.",
      "Applying is usually free. You pay for the medical certificate yourself.",
    ),
    processingTime: t("Beslut oftast inom tre till fyra veckor.", "A decision usually within three to four weeks."),
    processingDays: 28,
    legalBasis: t(
      "Trafikförordningen (1998:1276) 13 kap. 8 §",
      "The Road Traffic Ordinance (Trafikförordningen, 1998:1276), Chapter 13 Section 8",
    ),
    body: t(
      md(
        "Tillståndet gäller i hela Sverige och i de flesta EU-länder. Det är personligt och gäller oavsett vilken bil du åker i.",
        "## Det här får du göra",
        "- Parkera på platser som är reserverade för rörelsehindrade\n- Parkera längre tid än annars där tiden är begränsad\n- Parkera i högst tre timmar där det annars är förbjudet att parkera, om det inte är förbjudet att stanna",
        "Tillståndet gäller i högst fem år, oftast kortare. Ansök om förnyelse i god tid innan det går ut.",
      ),
      md(
        "The permit is valid throughout Sweden and in most EU countries. It is personal and valid whichever car you travel in.",
        "## What you may do",
        "- Park in spaces reserved for disabled people\n- Park for longer than usual where time is limited\n- Park for up to three hours where parking is otherwise prohibited, unless stopping is prohibited",
        "The permit is valid for at most five years, usually less. Apply for renewal in good time before it expires.",
      ),
    ),
    keywords: [
      "parkeringstillstånd",
      "parkeringstillstand",
      "handikapptillstånd",
      "handikapparkering",
      "rörelsehindrad",
      "rorelsehindrad",
      "p-tillstånd",
      "disabled parking",
      "blue badge",
      "parking permit",
      "accessible parking",
    ],
    related: ["fardtjanst", "bostadsanpassningsbidrag", "stod-enligt-lss"],
    authorities: ["transportstyrelsen"],
    eServiceId: "parkeringstillstand-rorelsehindrade",
    variants: variants("teknik", {
      bengtsfors: { fee: t("Avgiftsfritt.", "Free of charge.") },
      "dals-ed": { fee: t("Avgiftsfritt.", "Free of charge.") },
      fargelanda: { fee: t("Avgiftsfritt.", "Free of charge.") },
      mellerud: { fee: t("Avgiftsfritt.", "Free of charge.") },
      amal: {
        fee: t("Ansökningsavgift 200 kr.", "Application fee SEK 200."),
        localRules: t(
          "Med tillståndet parkerar du avgiftsfritt på kommunens avgiftsbelagda platser i Åmål.",
          "With the permit you park free of charge in the municipality's pay parking spaces in Åmål.",
        ),
      },
    }),
    example: true,
  },
  {
    slug: "felanmalan-gata-park",
    category: "trafik-och-infrastruktur",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Felanmälan gata och park", "Report a fault – streets and parks"),
    summary: t(
      "Anmäl fel på kommunens gator, gång- och cykelvägar, gatubelysning, parker och lekplatser, till exempel potthål, trasiga lampor eller klotter.",
      "Report faults on the municipality's streets, footpaths and cycle paths, street lighting, parks and playgrounds, for example potholes, broken lights or graffiti.",
    ),
    audience: t(
      "Alla som upptäcker ett fel i den kommunala utemiljön.",
      "Anyone who notices a fault in the municipal outdoor environment.",
    ),
    howToApply: t(
      md(
        "Gör en anmälan i e-tjänsten **Felanmälan gata och park**. Markera platsen på kartan och bifoga gärna en bild. Du kan följa ditt ärende om du lämnar e-postadress.",
        "Vid akut fara, till exempel ett stort hål i vägen eller ett nedfallet träd över gatan, ring kommunens växel. Utanför kontorstid kopplas du till beredskapen.",
      ),
      md(
        "Submit a report in the e-service **Report a fault – streets and parks**. Mark the place on the map and add a photo if you can. You can follow your case if you leave an email address.",
        "If there is immediate danger, for example a large hole in the road or a fallen tree across the street, call the municipal switchboard. Outside office hours you are transferred to the on-call service.",
      ),
    ),
    cost: t("Kostnadsfritt.", "Free of charge."),
    processingTime: t(
      "Akuta fel åtgärdas samma dag. Övriga fel åtgärdas oftast inom två veckor, gatubelysning inom tre veckor.",
      "Urgent faults are fixed the same day. Other faults are usually fixed within two weeks, street lighting within three weeks.",
    ),
    processingDays: 14,
    legalBasis: t(
      "Lag (1998:814) med särskilda bestämmelser om gaturenhållning och skyltning",
      "The Act with Special Provisions on Street Cleaning and Signage (1998:814)",
    ),
    body: t(
      md(
        "## Det här kan du felanmäla",
        "- Potthål och skador i gator, gång- och cykelvägar\n- Trasig gatubelysning\n- Skadade skyltar, bänkar och papperskorgar\n- Fel på lekplatser\n- Klotter och nedskräpning på kommunal mark\n- Träd och buskar som skymmer sikten",
        "Kommunen ansvarar bara för kommunala gator. Statliga vägar sköts av Trafikverket och enskilda vägar av vägföreningar eller samfälligheter, vilket är vanligt på landsbygden i Dalsland. Vi skickar vidare din anmälan om den hör till någon annan.",
        "Vattenläckor och avloppsstopp anmäler du till VA-enheten.",
      ),
      md(
        "## What you can report",
        "- Potholes and damage to streets, footpaths and cycle paths\n- Broken street lights\n- Damaged signs, benches and litter bins\n- Faults at playgrounds\n- Graffiti and litter on municipal land\n- Trees and bushes blocking the view",
        "The municipality is only responsible for municipal streets. State roads are managed by the Swedish Transport Administration and private roads by road associations, which is common in rural Dalsland. We forward your report if it belongs to someone else.",
        "Report water leaks and sewer blockages to the water and sewage unit.",
      ),
    ),
    keywords: [
      "felanmälan",
      "felanmalan",
      "potthål",
      "potthal",
      "gatubelysning",
      "gatlykta",
      "lekplats",
      "klotter",
      "trasig",
      "report a fault",
      "pothole",
      "street light",
      "graffiti",
      "playground",
    ],
    related: ["snorojning", "synpunkter-och-klagomal", "vatten-och-avlopp", "gravtillstand"],
    authorities: [],
    eServiceId: "felanmalan-gata-park",
    variants: variants(
      "teknik",
      rulesBy({
        "dals-ed": t(
          "Gatubelysningen längs de flesta vägar utanför Ed sköts av Trafikverket.",
          "Street lighting along most roads outside Ed is managed by the Swedish Transport Administration.",
        ),
        mellerud: t(
          "Fel på belysningen i elljusspåret anmäls till fritidsenheten.",
          "Faults on the floodlit exercise trail are reported to the leisure unit.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "gravtillstand",
    category: "trafik-och-infrastruktur",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Grävtillstånd", "Excavation permit"),
    summary: t(
      "Den som ska gräva i kommunens gator, trottoarer eller parkmark behöver grävtillstånd och ofta en godkänd trafikanordningsplan.",
      "Anyone digging in the municipality's streets, pavements or parkland needs an excavation permit and often an approved traffic management plan.",
    ),
    audience: t(
      "Ledningsägare, entreprenörer och fastighetsägare som ska gräva i allmän platsmark, till exempel för fiber, el, fjärrvärme eller VA-anslutning.",
      "Utility owners, contractors and property owners digging in public land, for example for fibre, electricity, district heating or water connections.",
    ),
    howToApply: t(
      md(
        "Ansök i e-tjänsten **Ansökan om grävtillstånd** minst tio arbetsdagar innan arbetet ska börja. Bifoga karta över grävområdet och trafikanordningsplan (TA-plan) om arbetet påverkar trafiken.",
        "Gör alltid en ledningsanvisning via Ledningskollen innan du gräver.",
      ),
      md(
        "Apply in the e-service **Excavation permit application** at least ten working days before work starts. Attach a map of the excavation area and a traffic management plan (TA plan) if the work affects traffic.",
        "Always request cable and pipe locations through Ledningskollen before digging.",
      ),
    ),
    cost: t(
      "En avgift för handläggning och besiktning enligt kommunens taxa, oftast 2 000–3 500 kr. Vid längre arbeten tas även en upplåtelseavgift ut.",
      "A fee for processing and inspection under the municipality's fee schedule, usually SEK 2,000–3,500. For longer works an occupancy fee is also charged.",
    ),
    processingTime: t(
      "Beslut inom tio arbetsdagar från komplett ansökan.",
      "A decision within ten working days of a complete application.",
    ),
    processingDays: 14,
    legalBasis: t(
      "Ordningslagen (1993:1617) 3 kap. och kommunens lokala ordningsföreskrifter",
      "The Public Order Act (Ordningslagen, 1993:1617), Chapter 3, and the municipality's local public order regulations",
    ),
    body: t(
      md(
        "Grävtillståndet innehåller villkor för hur arbetsplatsen ska märkas ut, hur trafiken ska ledas förbi och hur marken ska återställas.",
        "När arbetet är klart ska du anmäla det för slutbesiktning. Den som grävt ansvarar för återställningen i två år. Om återställningen inte är godkänd kan kommunen utföra den på din bekostnad.",
        "Akuta ledningsfel får åtgärdas direkt, men ska anmälas till kommunen senast nästa arbetsdag.",
      ),
      md(
        "The excavation permit sets conditions for signing the work site, diverting traffic and restoring the ground.",
        "When the work is finished you must report it for final inspection. Whoever dug is responsible for the restoration for two years. If the restoration is not approved, the municipality may carry it out at your expense.",
        "Urgent faults in cables or pipes may be fixed immediately but must be reported to the municipality by the next working day.",
      ),
    ),
    keywords: [
      "grävtillstånd",
      "gravtillstand",
      "grävning",
      "gravning",
      "schakt",
      "ta-plan",
      "trafikanordningsplan",
      "ledningsarbete",
      "fiber",
      "excavation permit",
      "digging permit",
      "roadworks",
      "traffic management plan",
    ],
    related: ["upplatelse-offentlig-plats", "felanmalan-gata-park", "marklov"],
    authorities: [],
    eServiceId: "ansokan-gravtillstand",
    variants: variants(
      "teknik",
      merge(
        feeBy({ bengtsfors: 2800, "dals-ed": 2400, fargelanda: 2600, mellerud: 3100, amal: 3400 }, (a) =>
          t(`${a.sv} per tillstånd, inklusive slutbesiktning.`, `${a.en} per permit, including final inspection.`),
        ),
        rulesBy({
          amal: t(
            "I Åmåls centrum får grävning i gågatan inte ske under juli och under Åmåls Bluesfestival.",
            "In central Åmål, no digging is allowed in the pedestrian street in July or during the Åmål Blues Festival.",
          ),
          bengtsfors: t(
            "Grävning i nybelagda gator tillåts normalt inte under de första tre åren.",
            "Digging in newly paved streets is normally not allowed during the first three years.",
          ),
        }),
      ),
    ),
    example: true,
  },
  {
    slug: "snorojning",
    category: "trafik-och-infrastruktur",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t("Snöröjning och halkbekämpning", "Snow clearing and gritting"),
    summary: t(
      "Kommunen plogar och sandar kommunala gator, gång- och cykelvägar och parkeringar. Här ser du i vilken ordning vi röjer och vad du själv ansvarar för.",
      "The municipality ploughs and grits municipal streets, footpaths, cycle paths and car parks. Here you can see the order in which we clear and what you are responsible for.",
    ),
    audience: t(
      "Alla som bor längs kommunala gator, och fastighetsägare.",
      "Everyone living along municipal streets, and property owners.",
    ),
    howToApply: t(
      "Du behöver inte ansöka. Om en kommunal gata inte röjts enligt planen kan du göra en felanmälan.",
      "There is nothing to apply for. If a municipal street has not been cleared as planned, you can report a fault.",
    ),
    cost: t("Ingen avgift. Snöröjningen betalas via skatten.", "No fee. Snow clearing is paid for through taxes."),
    processingTime: t(
      "Prioriterade vägar röjs först, bostadsgator oftast inom ett dygn efter avslutat snöfall.",
      "Priority routes are cleared first, residential streets usually within a day after the snow stops.",
    ),
    legalBasis: t(
      "Lag (1998:814) med särskilda bestämmelser om gaturenhållning och skyltning",
      "The Act with Special Provisions on Street Cleaning and Signage (1998:814)",
    ),
    body: t(
      md(
        "## Så prioriterar vi",
        "1. Huvudgator, bussgator och vägar till sjukhus, räddningstjänst och skolor\n2. Gång- och cykelvägar och trappor\n3. Bostadsgator och parkeringar",
        "## Ditt ansvar som fastighetsägare",
        "Du ansvarar för att skotta och sanda din utfart och vägen fram till brevlådan och soptunnan. Snö från tomten får inte läggas ut på gatan. Plogvallen som plogbilen lämnar vid din infart måste du tyvärr själv ta hand om.",
        "Statliga vägar röjs av Trafikverket och enskilda vägar av vägföreningen.",
      ),
      md(
        "## How we prioritise",
        "1. Main streets, bus routes and roads to the hospital, fire station and schools\n2. Footpaths, cycle paths and steps\n3. Residential streets and car parks",
        "## Your responsibility as a property owner",
        "You are responsible for clearing and gritting your driveway and the path to your letterbox and bin. Snow from your plot must not be put on the street. Unfortunately, you must deal with the snow bank the plough leaves at your driveway yourself.",
        "State roads are cleared by the Swedish Transport Administration and private roads by the road association.",
      ),
    ),
    keywords: [
      "snöröjning",
      "snorojning",
      "plogning",
      "halkbekämpning",
      "halkbekampning",
      "sandning",
      "snö",
      "sno",
      "is",
      "snow clearing",
      "ploughing",
      "gritting",
      "ice",
      "winter roads",
    ],
    related: ["felanmalan-gata-park", "avfall-och-sophamtning"],
    authorities: [],
    variants: variants(
      "teknik",
      rulesBy({
        bengtsfors: t(
          "Plogning startar vid 6 cm snö på gator och 4 cm på gång- och cykelvägar.",
          "Ploughing starts at 6 cm of snow on streets and 4 cm on footpaths and cycle paths.",
        ),
        "dals-ed": t(
          "Plogning startar vid 6 cm snö. Kommunen plogar också vissa enskilda vägar mot avgift till vägföreningen.",
          "Ploughing starts at 6 cm of snow. The municipality also ploughs some private roads for a fee paid by the road association.",
        ),
        fargelanda: t(
          "Plogning startar vid 5 cm snö på gator och gång- och cykelvägar.",
          "Ploughing starts at 5 cm of snow on streets, footpaths and cycle paths.",
        ),
        mellerud: t(
          "Plogning startar vid 5 cm snö. I centrum ansvarar fastighetsägaren för att hålla trottoaren längs tomten fri från snö och is.",
          "Ploughing starts at 5 cm of snow. In the town centre, property owners must keep the pavement along their plot free of snow and ice.",
        ),
        amal: t(
          "Plogning startar vid 4 cm snö på gång- och cykelvägar och 6 cm på gator. Sms-tjänst om pågående plogning finns.",
          "Ploughing starts at 4 cm of snow on footpaths and cycle paths and 6 cm on streets. A text message service about ongoing ploughing is available.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "fardtjanst",
    category: "trafik-och-infrastruktur",
    administration: "socialtjanst",
    offeredBy: "shared",
    title: t("Färdtjänst", "Mobility service (färdtjänst)"),
    summary: t(
      "Färdtjänst är resor med taxi eller specialfordon för dig som på grund av funktionsnedsättning har stora svårigheter att resa med buss och tåg.",
      "The mobility service provides trips by taxi or adapted vehicle for people who, because of a disability, have great difficulty using buses and trains.",
    ),
    audience: t(
      "Personer med en funktionsnedsättning som väntas vara i minst tre månader och som inte kan resa med allmänna kommunikationer.",
      "People with a disability expected to last at least three months who cannot travel on public transport.",
    ),
    howToApply: t(
      md(
        "Fyll i ansökan om färdtjänst och skicka den till färdtjänsthandläggaren. Bifoga gärna ett intyg från läkare eller arbetsterapeut.",
        "Handläggaren kan kontakta dig för ett samtal om dina behov. När du har fått tillstånd beställer du resor hos Västtrafiks beställningscentral.",
      ),
      md(
        "Fill in the mobility service application and send it to the mobility service officer. Attach a statement from a doctor or occupational therapist if you can.",
        "The officer may contact you to talk about your needs. Once you have a permit, you book trips through the Västtrafik booking centre.",
      ),
    ),
    cost: t(
      "Du betalar en egenavgift per resa som beror på avståndet. Ansökan är avgiftsfri.",
      "You pay a fare per trip depending on the distance. Applying is free.",
    ),
    processingTime: t("Beslut oftast inom tre veckor.", "A decision usually within three weeks."),
    processingDays: 21,
    legalBasis: t("Lag (1997:736) om färdtjänst", "The Mobility Service Act (Lag om färdtjänst, 1997:736)"),
    body: t(
      md(
        "Med färdtjänst kan du resa inom din kommun och till grannkommunerna i Dalsland, i samma utsträckning som andra reser med kollektivtrafiken.",
        "Tillståndet kan gälla med villkor, till exempel att du får ta med en ledsagare eller behöver en bil med plats för rullstol.",
        "Resor till och från vården ersätts oftast som sjukresa från Västra Götalandsregionen och inte som färdtjänst.",
      ),
      md(
        "With the mobility service you can travel within your municipality and to neighbouring Dalsland municipalities, to the same extent as others travel on public transport.",
        "The permit can include conditions, for example that you may bring a companion or need a vehicle with room for a wheelchair.",
        "Trips to and from health care are usually reimbursed as patient travel by Region Västra Götaland, not as mobility service.",
      ),
    ),
    keywords: [
      "färdtjänst",
      "fardtjanst",
      "färdtjänsttillstånd",
      "taxi",
      "rullstol",
      "sjukresa",
      "mobility service",
      "paratransit",
      "disabled transport",
      "accessible taxi",
    ],
    related: ["riksfardtjanst", "parkeringstillstand-rorelsehindrade", "hemtjanst", "stod-enligt-lss"],
    authorities: ["vastra-gotalandsregionen"],
    eServiceId: "ansokan-fardtjanst",
    variants: variants(
      "fardtjanst",
      feeBy({ bengtsfors: 55, "dals-ed": 50, fargelanda: 55, mellerud: 60, amal: 65 }, (a) =>
        t(
          `Egenavgift från ${a.sv} per enkelresa inom kommunen. Längre resor kostar mer.`,
          `Fares from ${a.en} per single trip within the municipality. Longer trips cost more.`,
        ),
      ),
    ),
    example: true,
  },
  {
    slug: "riksfardtjanst",
    category: "trafik-och-infrastruktur",
    administration: "socialtjanst",
    offeredBy: "shared",
    title: t("Riksfärdtjänst", "National mobility service (riksfärdtjänst)"),
    summary: t(
      "Riksfärdtjänst är resor på fritiden till andra delar av Sverige för dig som har en stor och varaktig funktionsnedsättning.",
      "The national mobility service covers leisure trips to other parts of Sweden for people with a major and lasting disability.",
    ),
    audience: t(
      "Personer som på grund av funktionsnedsättning inte kan resa till normal kostnad med allmänna kommunikationer, eller bara med ledsagare.",
      "People who because of a disability cannot travel at normal cost on public transport, or only with a companion.",
    ),
    howToApply: t(
      "Ansök hos färdtjänsthandläggaren för varje resa, minst tre veckor före avresan och gärna tidigare inför storhelger. Ange resmål, datum och om du behöver ledsagare.",
      "Apply to the mobility service officer for each trip, at least three weeks before departure and earlier before major holidays. State your destination, dates and whether you need a companion.",
    ),
    cost: t(
      "Du betalar en egenavgift som motsvarar ungefär vad resan skulle kosta med allmänna kommunikationer. Ledsagare reser gratis.",
      "You pay a fare roughly equal to what the trip would cost on public transport. A companion travels free.",
    ),
    processingTime: t("Beslut inom tre veckor.", "A decision within three weeks."),
    processingDays: 21,
    legalBasis: t(
      "Lag (1997:735) om riksfärdtjänst",
      "The National Mobility Service Act (Lag om riksfärdtjänst, 1997:735)",
    ),
    body: t(
      md(
        "Riksfärdtjänst gäller fritidsresor, till exempel för att hälsa på släkt och vänner eller för semester. Resor till arbete, studier eller vård ingår inte.",
        "Resan görs i första hand med tåg, buss eller flyg med ledsagare. Om det inte går kan du få resa med taxi eller specialfordon hela vägen.",
      ),
      md(
        "The national mobility service covers leisure trips, for example to visit family and friends or for a holiday. Trips to work, studies or health care are not included.",
        "The trip is primarily made by train, bus or plane with a companion. If that is not possible, you may travel by taxi or adapted vehicle all the way.",
      ),
    ),
    keywords: [
      "riksfärdtjänst",
      "riksfardtjanst",
      "resa",
      "ledsagare",
      "semesterresa",
      "national mobility service",
      "long-distance travel",
      "disabled travel",
    ],
    related: ["fardtjanst", "parkeringstillstand-rorelsehindrade"],
    authorities: [],
    eServiceId: "ansokan-riksfardtjanst",
    variants: variants("fardtjanst"),
    example: true,
  },
  {
    slug: "upplatelse-offentlig-plats",
    category: "trafik-och-infrastruktur",
    administration: "samhallsbyggnad",
    offeredBy: "shared",
    title: t(
      "Använda offentlig plats (uteservering, torghandel, evenemang)",
      "Using public space (outdoor seating, market stalls, events)",
    ),
    summary: t(
      "Vill du ha uteservering, sälja på torget, ställa upp en byggställning eller ordna ett evenemang på gator och torg behöver du tillstånd från Polisen. Kommunen yttrar sig och tar ut avgift.",
      "To have outdoor seating, sell at the market square, put up scaffolding or hold an event in streets and squares you need a permit from the Police. The municipality gives its opinion and charges a fee.",
    ),
    audience: t(
      "Företag, föreningar och privatpersoner som vill använda gator, torg eller parker.",
      "Businesses, associations and individuals who want to use streets, squares or parks.",
    ),
    howToApply: t(
      "Ansök om tillstånd att använda offentlig plats hos Polisen, gärna minst fyra veckor innan. Polisen skickar ansökan till kommunen för yttrande. För torghandel på kommunens torgplatser bokar du direkt hos tekniska enheten.",
      "Apply to the Police for a permit to use public space, preferably at least four weeks in advance. The Police send the application to the municipality for comment. For the municipality's market stall pitches, book directly with technical services.",
    ),
    cost: t(
      "Kommunen tar ut en upplåtelseavgift enligt sin taxa. Polisen tar ut en ansökningsavgift.",
      "The municipality charges an occupancy fee under its fee schedule. The Police charge an application fee.",
    ),
    processingTime: t("Oftast två till fyra veckor.", "Usually two to four weeks."),
    processingDays: 21,
    legalBasis: t(
      "Ordningslagen (1993:1617) 3 kap. och kommunens lokala ordningsföreskrifter",
      "The Public Order Act (Ordningslagen, 1993:1617), Chapter 3, and the municipality's local public order regulations",
    ),
    body: t(
      md(
        "Offentlig plats är gator, torg, parker och annan mark som i detaljplanen är allmän plats. För att ta den i anspråk för något annat än det vanliga behövs tillstånd.",
        "Kommunen bedömer bland annat tillgänglighet för personer med funktionsnedsättning, framkomlighet för räddningsfordon och hur det passar in i stadsmiljön.",
        "Ska du servera alkohol på uteserveringen behöver du också serveringstillstånd.",
      ),
      md(
        "Public space means streets, squares, parks and other land designated as public in the local plan. Using it for anything other than its normal purpose requires a permit.",
        "The municipality considers accessibility for people with disabilities, access for emergency vehicles and how it fits into the townscape, among other things.",
        "If you will serve alcohol in the outdoor seating area you also need an alcohol licence.",
      ),
    ),
    keywords: [
      "offentlig plats",
      "upplåtelse",
      "upplatelse",
      "uteservering",
      "torghandel",
      "torgplats",
      "evenemang",
      "byggställning",
      "markupplåtelse",
      "public space",
      "outdoor seating",
      "market stall",
      "street event",
    ],
    related: ["serveringstillstand", "gravtillstand", "livsmedelsregistrering"],
    authorities: ["polisen"],
    variants: variants(
      "teknik",
      merge(
        feeBy({ bengtsfors: 30, "dals-ed": 25, fargelanda: 25, mellerud: 30, amal: 40 }, (a) =>
          t(
            `Uteservering: ${a.sv} per kvadratmeter och månad.`,
            `Outdoor seating: ${a.en} per square metre per month.`,
          ),
        ),
        rulesBy({
          bengtsfors: t("Torgdag varje fredag på Storgatan.", "Market day every Friday on Storgatan."),
          mellerud: t(
            "Torghandel på Köpmantorget tisdagar och lördagar.",
            "Market trading on Köpmantorget on Tuesdays and Saturdays.",
          ),
          amal: t(
            "Uteserveringar i centrum får vara uppställda 1 april–30 september.",
            "Outdoor seating in the town centre may be set up from 1 April to 30 September.",
          ),
        }),
      ),
    ),
    example: true,
  },
];

// ---------------------------------------------------------------------------
// Kultur och fritid
// ---------------------------------------------------------------------------

const kulturOchFritid: SeedService[] = [
  {
    slug: "bibliotek",
    category: "kultur-och-fritid",
    administration: "kultur-och-fritid",
    offeredBy: "shared",
    title: t("Bibliotek och lånekort", "Libraries and library cards"),
    summary: t(
      "På biblioteket lånar du böcker, ljudböcker, filmer och tidningar gratis. Med lånekortet kan du också låna e-böcker och e-ljudböcker.",
      "At the library you can borrow books, audiobooks, films and magazines free of charge. With a library card you can also borrow e-books and e-audiobooks.",
    ),
    audience: t(
      "Alla, oavsett var du bor. Barn under 15 år behöver vårdnadshavarens underskrift.",
      "Everyone, wherever you live. Children under 15 need a guardian's signature.",
    ),
    howToApply: t(
      "Kom till biblioteket med id-handling så får du ett lånekort direkt. Du väljer en pinkod och kan sedan låna, reservera och förnya på webben.",
      "Visit the library with ID and you get a library card straight away. You choose a PIN code and can then borrow, reserve and renew online.",
    ),
    cost: t(
      "Det är gratis att låna. Förlorade eller skadade medier ersätter du.",
      "Borrowing is free. You pay for lost or damaged items.",
    ),
    processingTime: t("Lånekortet får du direkt.", "You get your library card immediately."),
    legalBasis: t("Bibliotekslagen (2013:801)", "The Libraries Act (Bibliotekslagen, 2013:801)"),
    body: t(
      md(
        "Biblioteken i Dalsland har ett gemensamt bibliotekssystem. Det betyder att du kan låna och lämna tillbaka på alla bibliotek i de fem kommunerna med samma lånekort.",
        "## Det här erbjuder biblioteket",
        "- Böcker på många språk, lättläst och talböcker\n- E-böcker och e-ljudböcker\n- Datorer, wifi, skrivare och studieplatser\n- Sagostunder, bokcirklar och författarbesök\n- Hjälp med digitala tjänster som BankID och e-legitimation",
        "Kan du inte ta dig till biblioteket på grund av sjukdom eller funktionsnedsättning kan du få böcker hemkörda genom tjänsten **Boken kommer**.",
      ),
      md(
        "The libraries in Dalsland share a library system. This means you can borrow and return at any library in the five municipalities with the same card.",
        "## What the library offers",
        "- Books in many languages, easy-read books and talking books\n- E-books and e-audiobooks\n- Computers, wifi, printers and study spaces\n- Story time, book clubs and author visits\n- Help with digital services such as BankID and e-identification",
        "If you cannot get to the library because of illness or disability, books can be delivered to your home through the **Books on wheels** service.",
      ),
    ),
    keywords: [
      "bibliotek",
      "lånekort",
      "lanekort",
      "låna böcker",
      "lana bocker",
      "e-bok",
      "ljudbok",
      "talbok",
      "meröppet",
      "meroppet",
      "library",
      "library card",
      "books",
      "e-books",
      "audiobooks",
    ],
    related: ["kulturskola", "fritidsgardar", "sfi"],
    authorities: [],
    variants: variants(
      "bibliotek",
      rulesBy({
        bengtsfors: t(
          "Meröppet alla dagar kl. 7–22 med lånekort och pinkod, även när personalen inte är på plats.",
          "Extended self-service access every day 7 am–10 pm with your card and PIN, even when no staff are present.",
        ),
        "dals-ed": t(
          "Biblioteket är också skolbibliotek. Allmänheten är välkommen alla vardagar efter kl. 15 och på lördagar.",
          "The library is also a school library. The public is welcome every weekday after 3 pm and on Saturdays.",
        ),
        fargelanda: t(
          "Filialbibliotek i Högsäter är öppet tisdagar och torsdagar.",
          "The branch library in Högsäter is open on Tuesdays and Thursdays.",
        ),
        mellerud: t(
          "Meröppet alla dagar kl. 8–21. Inga förseningsavgifter.",
          "Extended self-service access every day 8 am–9 pm. No late fees.",
        ),
        amal: t(
          "Meröppet alla dagar kl. 7–21. Förseningsavgift 5 kr per dag och medium för vuxna, inga avgifter för barn.",
          "Extended self-service access every day 7 am–9 pm. Late fee SEK 5 per day and item for adults, no fees for children.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "kulturskola",
    category: "kultur-och-fritid",
    administration: "kultur-och-fritid",
    offeredBy: "shared",
    title: t("Kulturskolan", "The arts school (Kulturskolan)"),
    summary: t(
      "I kulturskolan kan barn och unga lära sig spela instrument, sjunga, dansa, spela teater eller skapa bild och form efter skoltid.",
      "At the arts school children and young people can learn to play an instrument, sing, dance, act or create art after school.",
    ),
    audience: t(
      "Barn och unga från förskoleklass upp till 19 år.",
      "Children and young people from preschool class up to age 19.",
    ),
    howToApply: t(
      "Anmäl dig i kulturskolans anmälningsformulär. Anmälan för höstterminen öppnar i maj och för vårterminen i november. Om det är kö får du en plats i turordning.",
      "Sign up using the arts school's registration form. Registration for the autumn term opens in May and for the spring term in November. If there is a queue, places are offered in turn.",
    ),
    cost: t(
      "En terminsavgift per ämne. Syskonrabatt finns och instrument kan hyras.",
      "A termly fee per subject. There is a sibling discount and instruments can be rented.",
    ),
    processingTime: t("Besked om plats före terminsstart.", "Notice of a place before the term starts."),
    legalBasis: t(
      "Ingen särskild lag. Kulturskolan är en frivillig verksamhet som kommunen beslutar om.",
      "No specific law. The arts school is a voluntary service decided by the municipality.",
    ),
    body: t(
      md(
        "Undervisningen sker enskilt eller i grupp, oftast en gång i veckan. Eleverna medverkar i konserter, föreställningar och utställningar under året.",
        "Kulturskolan samarbetar med grundskolan, och en del undervisning sker på skolorna under eller direkt efter skoldagen så att det blir lättare för barn på landsbygden att delta.",
      ),
      md(
        "Lessons are individual or in groups, usually once a week. Pupils take part in concerts, performances and exhibitions during the year.",
        "The arts school works with the compulsory schools, and some lessons take place at the schools during or right after the school day, making it easier for children in rural areas to take part.",
      ),
    ),
    keywords: [
      "kulturskola",
      "kulturskolan",
      "musikskola",
      "musikskolan",
      "instrument",
      "dans",
      "teater",
      "sång",
      "sang",
      "arts school",
      "music school",
      "music lessons",
      "dance",
      "drama",
    ],
    related: ["bibliotek", "fritidsgardar", "foreningsbidrag"],
    authorities: [],
    eServiceId: "ansokan-kulturskola",
    variants: variants(
      "kulturskola",
      merge(
        feeBy({ bengtsfors: 450, "dals-ed": 400, fargelanda: 500, mellerud: 550, amal: 600 }, (a) =>
          t(
            `${a.sv} per termin och ämne. Syskon betalar halva avgiften.`,
            `${a.en} per term and subject. Siblings pay half.`,
          ),
        ),
        rulesBy({
          "dals-ed": t(
            "Kulturskolan i Dals-Ed erbjuder musik och bild. Dans erbjuds i samarbete med Bengtsfors.",
            "The Dals-Ed arts school offers music and art. Dance is offered together with Bengtsfors.",
          ),
          amal: t(
            "Kulturskolan i Åmål har också filmskapande och musikproduktion för unga 13–19 år.",
            "The Åmål arts school also offers film-making and music production for ages 13–19.",
          ),
        }),
      ),
    ),
    example: true,
  },
  {
    slug: "lokalbokning-idrottshallar",
    category: "kultur-och-fritid",
    administration: "kultur-och-fritid",
    offeredBy: "shared",
    title: t("Boka idrottshall och lokal", "Booking sports halls and venues"),
    summary: t(
      "Föreningar, företag och privatpersoner kan hyra kommunens idrottshallar, gymnastiksalar, konstgräsplaner och samlingslokaler.",
      "Associations, companies and individuals can rent the municipality's sports halls, gyms, artificial turf pitches and meeting rooms.",
    ),
    audience: t("Föreningar, företag och privatpersoner.", "Associations, companies and individuals."),
    howToApply: t(
      md(
        "Se lediga tider i kommunens bokningssystem och skicka en bokningsförfrågan. Föreningar söker fasta tider för säsongen senast den 1 maj (hösten) och 1 november (våren).",
        "Enstaka tider kan bokas med kort varsel om de är lediga.",
      ),
      md(
        "Check available times in the municipality's booking system and send a booking request. Associations apply for regular season slots by 1 May (autumn) and 1 November (spring).",
        "Single slots can be booked at short notice if available.",
      ),
    ),
    cost: t(
      "Timhyra enligt kommunens taxa. Föreningar med barn- och ungdomsverksamhet betalar lägre taxa eller ingenting.",
      "An hourly rate under the municipality's fee schedule. Associations with activities for children and young people pay a lower rate or nothing.",
    ),
    processingTime: t(
      "Bekräftelse på enstaka bokningar inom två arbetsdagar.",
      "Confirmation of single bookings within two working days.",
    ),
    processingDays: 2,
    legalBasis: t(
      "Ingen särskild lag. Kommunens taxa och regler för lokalupplåtelse.",
      "No specific law. The municipality's fee schedule and rules for renting out facilities.",
    ),
    body: t(
      md(
        "Den som bokar ansvarar för att lokalen lämnas i gott skick och att ordningsreglerna följs. Nyckelkort eller kod får du efter att bokningen är bekräftad.",
        "Under skoltid används hallarna av skolan. Kvällar, helger och lov kan bokas av andra.",
        "Avbokning ska göras senast sju dagar i förväg, annars debiteras hela hyran.",
      ),
      md(
        "The person booking is responsible for leaving the venue in good condition and following the house rules. You receive a key card or code once the booking is confirmed.",
        "During school hours the halls are used by schools. Evenings, weekends and holidays can be booked by others.",
        "Cancellations must be made at least seven days in advance, otherwise the full rent is charged.",
      ),
    ),
    keywords: [
      "lokalbokning",
      "boka lokal",
      "idrottshall",
      "sporthall",
      "gymnastiksal",
      "konstgräs",
      "konstgras",
      "hyra lokal",
      "book a hall",
      "sports hall",
      "venue hire",
      "facility booking",
    ],
    related: ["foreningsbidrag", "simhall", "fritidsgardar"],
    authorities: [],
    eServiceId: "bokning-idrottshall",
    variants: variants(
      "fritid",
      feeBy({ bengtsfors: 250, "dals-ed": 220, fargelanda: 230, mellerud: 260, amal: 300 }, (a) =>
        t(
          `Idrottshall för privatpersoner och företag: ${a.sv} per timme. Föreningar med ungdomsverksamhet hyr avgiftsfritt.`,
          `Sports hall for individuals and companies: ${a.en} per hour. Associations with youth activities rent free of charge.`,
        ),
      ),
    ),
    example: true,
  },
  {
    slug: "badplatser",
    category: "kultur-och-fritid",
    administration: "kultur-och-fritid",
    offeredBy: "shared",
    title: t("Badplatser och badvatten", "Bathing places and water quality"),
    summary: t(
      "I Dalsland finns många kommunala badplatser vid sjöar och vid Vänern. Kommunen tar vattenprov under sommaren och publicerar resultaten.",
      "Dalsland has many municipal bathing places on lakes and on Lake Vänern. The municipality tests the water in summer and publishes the results.",
    ),
    audience: t("Alla som vill bada, invånare och besökare.", "Everyone who wants to swim, residents and visitors."),
    howToApply: t(
      "Du behöver inte anmäla dig. Fel på bryggor, toaletter eller sopkärl vid badplatserna anmäler du via felanmälan.",
      "There is no need to register. Report faults with jetties, toilets or bins at bathing places through the fault reporting service.",
    ),
    cost: t("Det är gratis att bada på kommunens badplatser.", "Swimming at the municipal bathing places is free."),
    processingTime: t(
      "Provsvar publiceras oftast inom tre dagar efter provtagning.",
      "Test results are usually published within three days of sampling.",
    ),
    legalBasis: t("Badvattenförordningen (2008:218)", "The Bathing Water Ordinance (Badvattenförordningen, 2008:218)"),
    body: t(
      md(
        "Vattenprover tas från mitten av juni till mitten av augusti på de större badplatserna. Om proverna visar för höga bakteriehalter sätter vi upp en skylt på platsen och avråder från bad tills nya prov är bra.",
        "## Tänk på",
        "- Det finns ingen livräddare på badplatserna. Håll koll på barnen.\n- Under varma somrar kan det bildas algblomning. Bada inte i grumligt, grönt vatten och låt inte hundar dricka det.\n- Hundar är inte tillåtna på sandstränderna.",
      ),
      md(
        "Water samples are taken from mid-June to mid-August at the larger bathing places. If samples show bacteria levels that are too high, we put up a sign and advise against swimming until new samples are good.",
        "## Keep in mind",
        "- There are no lifeguards at the bathing places. Keep an eye on children.\n- In warm summers, algal blooms can form. Do not swim in cloudy, green water and do not let dogs drink it.\n- Dogs are not allowed on the sandy beaches.",
      ),
    ),
    keywords: [
      "badplats",
      "badplatser",
      "bada",
      "strand",
      "badvatten",
      "vattenprov",
      "algblomning",
      "badstrand",
      "beach",
      "swimming",
      "bathing water",
      "lake",
      "water quality",
    ],
    related: ["simhall", "gasthamn", "felanmalan-gata-park"],
    authorities: [],
    variants: variants(
      "fritid",
      rulesBy({
        bengtsfors: t(
          "Kommunen har nio badplatser, bland annat vid Lelång och Ärtingen. Badflotte finns vid Sandviken.",
          "The municipality has nine bathing places, including on Lake Lelång and Lake Ärtingen. A swimming raft is available at Sandviken.",
        ),
        "dals-ed": t(
          "Kommunen har sex badplatser, bland annat vid Stora Le och Lilla Le.",
          "The municipality has six bathing places, including on Lake Stora Le and Lake Lilla Le.",
        ),
        fargelanda: t(
          "Kommunen har fem badplatser, bland annat vid Ellenösjön.",
          "The municipality has five bathing places, including on Lake Ellenösjön.",
        ),
        mellerud: t(
          "Sunnanå vid Vänern har sandstrand, tillgänglighetsanpassad badramp och toaletter.",
          "Sunnanå on Lake Vänern has a sandy beach, an accessible bathing ramp and toilets.",
        ),
        amal: t(
          "Örnäsbadet vid Vänern har sandstrand, hopptorn, kiosk och tillgänglighetsanpassad badramp.",
          "Örnäs beach on Lake Vänern has a sandy beach, a diving tower, a kiosk and an accessible bathing ramp.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "fritidsgardar",
    category: "kultur-och-fritid",
    administration: "kultur-och-fritid",
    offeredBy: "shared",
    title: t("Fritidsgårdar och ungdomsverksamhet", "Youth centres"),
    summary: t(
      "Fritidsgården är en mötesplats för unga där du kan umgås, spela spel, laga mat, göra musik och vara med och planera aktiviteter.",
      "The youth centre is a meeting place where young people can hang out, play games, cook, make music and help plan activities.",
    ),
    audience: t("Ungdomar från årskurs 7 upp till 18 år.", "Young people from year 7 up to 18."),
    howToApply: t(
      "Du behöver inte anmäla dig. Kom förbi under öppettiderna. För resor och läger anmäler du dig till personalen.",
      "No registration is needed. Just drop in during opening hours. For trips and camps, sign up with the staff.",
    ),
    cost: t(
      "Det är gratis att besöka fritidsgården. Vissa aktiviteter och resor kostar en mindre avgift.",
      "Visiting the youth centre is free. Some activities and trips have a small fee.",
    ),
    processingTime: t("Ingen handläggning, kom när det är öppet.", "No processing, come when it is open."),
    legalBasis: t(
      "Ingen särskild lag. Öppen fritidsverksamhet som kommunen erbjuder frivilligt.",
      "No specific law. Open leisure activities the municipality offers voluntarily.",
    ),
    body: t(
      md(
        "På fritidsgården finns vuxna fritidsledare som du kan prata med om stort och smått. Verksamheten är drogfri och alla ska känna sig välkomna.",
        "Du kan vara med och bestämma vad som ska hända, till exempel turneringar, filmkvällar, konserter eller resor. Har du en idé, prata med personalen.",
        "Under sommarlovet ordnas aktiviteter utomhus och utflykter. Programmet publiceras i maj.",
      ),
      md(
        "The youth centre has adult youth workers you can talk to about anything. It is drug-free and everyone should feel welcome.",
        "You can help decide what happens, such as tournaments, film nights, concerts or trips. If you have an idea, talk to the staff.",
        "During the summer holidays there are outdoor activities and excursions. The programme is published in May.",
      ),
    ),
    keywords: [
      "fritidsgård",
      "fritidsgard",
      "ungdomsgård",
      "ungdomsgard",
      "mötesplats",
      "motesplats",
      "ungdom",
      "fritidsledare",
      "youth centre",
      "youth club",
      "teenagers",
      "young people",
    ],
    related: ["kulturskola", "bibliotek", "feriearbete", "fritidshem"],
    authorities: [],
    variants: variants(
      "kultur",
      rulesBy({
        bengtsfors: t(
          "Öppet tisdag–torsdag kl. 15–21 och fredag kl. 18–23.",
          "Open Tuesday–Thursday 3–9 pm and Friday 6–11 pm.",
        ),
        "dals-ed": t("Öppet måndag, onsdag och fredag kl. 15–22.", "Open Monday, Wednesday and Friday 3–10 pm."),
        fargelanda: t(
          "Öppet tisdag, torsdag och fredag kl. 15–22. Mellanstadieträff onsdagar kl. 14–17.",
          "Open Tuesday, Thursday and Friday 3–10 pm. Club for ages 10–12 on Wednesdays 2–5 pm.",
        ),
        mellerud: t(
          "Öppet måndag–torsdag kl. 15–21 och fredag kl. 18–00.",
          "Open Monday–Thursday 3–9 pm and Friday 6 pm–midnight.",
        ),
        amal: t(
          "Två fritidsgårdar: i centrum (måndag–fredag) och i Fengersfors (tisdagar och torsdagar).",
          "Two youth centres: in the town centre (Monday–Friday) and in Fengersfors (Tuesdays and Thursdays).",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "foreningsbidrag",
    category: "kultur-och-fritid",
    administration: "kultur-och-fritid",
    offeredBy: "shared",
    title: t("Föreningsbidrag", "Grants for associations"),
    summary: t(
      "Ideella föreningar kan söka bidrag från kommunen för barn- och ungdomsverksamhet, lokaler, arrangemang och kulturaktiviteter.",
      "Non-profit associations can apply for municipal grants for activities for children and young people, premises, events and cultural activities.",
    ),
    audience: t(
      "Ideella föreningar med säte i kommunen som är registrerade i kommunens föreningsregister.",
      "Non-profit associations based in the municipality and listed in the municipality's register of associations.",
    ),
    howToApply: t(
      md(
        "Ansök i e-tjänsten **Ansökan om föreningsbidrag**. Bifoga senaste verksamhetsberättelse, ekonomisk redovisning, revisionsberättelse och närvarostatistik.",
        "Föreningen måste först vara registrerad i föreningsregistret och ha uppdaterat sina kontaktuppgifter för året.",
      ),
      md(
        "Apply in the e-service **Association grant application**. Attach the latest annual report, financial statement, auditor's report and attendance statistics.",
        "The association must first be listed in the register of associations and have updated its contact details for the year.",
      ),
    ),
    cost: t("Kostnadsfritt att söka.", "Applying is free."),
    processingTime: t(
      "Beslut oftast inom sex veckor efter sista ansökningsdag.",
      "A decision usually within six weeks of the application deadline.",
    ),
    processingDays: 42,
    legalBasis: t(
      "Kommunallagen (2017:725) 2 kap. och kommunens regler för föreningsbidrag",
      "The Local Government Act (Kommunallagen, 2017:725), Chapter 2, and the municipality's rules for association grants",
    ),
    body: t(
      md(
        "## Bidrag som går att söka",
        "- Aktivitetsbidrag för deltagare 7–20 år\n- Lokal- och anläggningsbidrag för föreningar med egna lokaler\n- Arrangemangsbidrag för kultur- och idrottsevenemang öppna för allmänheten\n- Startbidrag för nybildade föreningar",
        "Föreningen ska vara demokratiskt uppbyggd och arbeta för jämställdhet, mångfald och en drogfri miljö. Bidrag kan krävas tillbaka om det används till något annat än det var avsett för.",
      ),
      md(
        "## Grants available",
        "- Activity grants for participants aged 7–20\n- Premises and facility grants for associations with their own premises\n- Event grants for cultural and sports events open to the public\n- Start-up grants for newly formed associations",
        "The association must be democratically run and work for equality, diversity and a drug-free environment. Grants may be reclaimed if used for anything other than their intended purpose.",
      ),
    ),
    keywords: [
      "föreningsbidrag",
      "foreningsbidrag",
      "förening",
      "forening",
      "bidrag",
      "aktivitetsbidrag",
      "lokalbidrag",
      "föreningsregister",
      "idrottsförening",
      "association grant",
      "club funding",
      "sports club",
      "non-profit",
    ],
    related: ["lokalbokning-idrottshallar", "kulturskola", "upplatelse-offentlig-plats"],
    authorities: [],
    eServiceId: "ansokan-foreningsbidrag",
    variants: variants(
      "kultur",
      rulesBy({
        bengtsfors: t(
          "Sista ansökningsdag: 15 mars för aktivitetsbidrag och 15 september för lokalbidrag.",
          "Deadlines: 15 March for activity grants and 15 September for premises grants.",
        ),
        "dals-ed": t(
          "Sista ansökningsdag: 1 april för alla bidrag. Arrangemangsbidrag kan sökas löpande.",
          "Deadline: 1 April for all grants. Event grants can be applied for at any time.",
        ),
        fargelanda: t(
          "Sista ansökningsdag: 31 mars. Aktivitetsbidrag betalas ut med 15 kr per deltagare och sammankomst.",
          "Deadline: 31 March. Activity grants are paid at SEK 15 per participant per session.",
        ),
        mellerud: t("Sista ansökningsdag: 1 mars och 1 oktober.", "Deadlines: 1 March and 1 October."),
        amal: t(
          "Sista ansökningsdag: 1 mars för aktivitetsbidrag. Kulturbidrag för arrangemang söks senast åtta veckor innan.",
          "Deadline: 1 March for activity grants. Culture grants for events must be applied for at least eight weeks in advance.",
        ),
      }),
    ),
    example: true,
  },
  {
    slug: "simhall",
    category: "kultur-och-fritid",
    administration: "kultur-och-fritid",
    offeredBy: ["bengtsfors", "mellerud", "amal"],
    title: t("Simhall och simskola", "Swimming pool and swimming lessons"),
    summary: t(
      "I kommunens simhall kan du motionssimma, bada med barnen och anmäla barnen till simskola.",
      "At the municipal swimming pool you can swim laps, bathe with your children and sign them up for swimming lessons.",
    ),
    audience: t(
      "Alla. Barn under 10 år ska bada tillsammans med en vuxen.",
      "Everyone. Children under 10 must be accompanied by an adult.",
    ),
    howToApply: t(
      "Köp entré eller kort i kassan. Anmälan till simskola görs via simhallens anmälningsformulär i augusti och januari.",
      "Buy a ticket or pass at the desk. Swimming lessons are booked through the pool's registration form in August and January.",
    ),
    cost: t(
      "Entréavgift enligt kommunens taxa. Rabatt för barn, pensionärer och med periodkort.",
      "Entry fee under the municipality's fee schedule. Discounts for children, pensioners and season passes.",
    ),
    processingTime: t("Ingen handläggning.", "No processing."),
    legalBasis: t(
      "Ingen särskild lag. Kommunens taxa och ordningsregler för simhallen.",
      "No specific law. The municipality's fee schedule and rules for the swimming pool.",
    ),
    body: t(
      md(
        "Simhallen har bassäng för motionssim och ett undervisningsbad med varmare vatten. Vissa tider är reserverade för skolor, föreningar och vattengympa.",
        "Alla elever ska kunna simma när de slutar årskurs 6. Skolorna har simundervisning, men simskola på fritiden är ett bra komplement.",
        "Invånare i Dals-Ed och Färgelanda är välkomna till simhallarna i grannkommunerna till samma pris som kommunens egna invånare.",
      ),
      md(
        "The pool has a lane pool for exercise swimming and a teaching pool with warmer water. Some times are reserved for schools, clubs and aqua aerobics.",
        "All pupils should be able to swim by the end of year 6. Schools teach swimming, but lessons in your free time are a good complement.",
        "Residents of Dals-Ed and Färgelanda are welcome at the pools in neighbouring municipalities at the same price as local residents.",
      ),
    ),
    keywords: [
      "simhall",
      "badhus",
      "simskola",
      "simma",
      "motionssim",
      "vattengympa",
      "swimming pool",
      "swimming lessons",
      "leisure centre",
      "pool",
    ],
    related: ["badplatser", "lokalbokning-idrottshallar"],
    authorities: [],
    variants: variants(
      "fritid",
      merge(
        feeBy({ bengtsfors: 60, mellerud: 65, amal: 75 }, (a) =>
          t(
            `Vuxen ${a.sv} per besök. Barn och pensionärer betalar halva priset.`,
            `Adults ${a.en} per visit. Children and pensioners pay half price.`,
          ),
        ),
        rulesBy({
          bengtsfors: t("Simhallen är stängd för underhåll under juli.", "The pool is closed for maintenance in July."),
          mellerud: t(
            "Simskola för vuxna erbjuds på tisdagskvällar.",
            "Swimming lessons for adults are offered on Tuesday evenings.",
          ),
          amal: t(
            "Simhallen har även bastu och relaxavdelning. Familjebad med lekredskap på söndagar.",
            "The pool also has a sauna and relaxation area. Family swim with play equipment on Sundays.",
          ),
        }),
      ),
      ["bengtsfors", "mellerud", "amal"],
    ),
    example: true,
  },
  {
    slug: "gasthamn",
    category: "kultur-och-fritid",
    administration: "kultur-och-fritid",
    offeredBy: ["amal", "mellerud"],
    title: t("Gästhamn och båtplats", "Guest harbour and boat berths"),
    summary: t(
      "Kommunens hamnar vid Vänern har gästplatser för besökande båtar och säsongsplatser som du kan hyra.",
      "The municipal harbours on Lake Vänern have guest berths for visiting boats and seasonal berths for rent.",
    ),
    audience: t("Båtägare, både besökare och invånare.", "Boat owners, both visitors and residents."),
    howToApply: t(
      md(
        "Gästplats: lägg till på en ledig plats och betala i hamnens betalautomat eller app.",
        "Säsongsplats: ställ dig i båtplatskön hos hamnkontoret. Platser erbjuds i köordning inför varje säsong.",
      ),
      md(
        "Guest berth: moor at a free berth and pay at the harbour's payment machine or in the app.",
        "Seasonal berth: join the berth queue at the harbour office. Berths are offered in queue order before each season.",
      ),
    ),
    cost: t(
      "Avgift per natt för gästplats, inklusive el, dusch och wifi. Säsongsplatser enligt hamntaxan.",
      "A nightly fee for guest berths, including electricity, showers and wifi. Seasonal berths under the harbour tariff.",
    ),
    processingTime: t("Säsongsplatser fördelas i mars.", "Seasonal berths are allocated in March."),
    legalBasis: t(
      "Ingen särskild lag. Kommunens hamntaxa och hamnordning.",
      "No specific law. The municipality's harbour tariff and harbour regulations.",
    ),
    body: t(
      md(
        "Gästhamnen har servicehus med duschar, toaletter och tvättmaskin, septitömning och sophantering. Hamnkontoret är bemannat under högsäsong.",
        "Från hamnen når du centrum till fots och kan fortsätta ut på Vänern eller in i Dalslands kanal.",
      ),
      md(
        "The guest harbour has a service building with showers, toilets and a washing machine, septic pump-out and waste disposal. The harbour office is staffed in high season.",
        "From the harbour you can walk to the town centre and continue out onto Lake Vänern or into the Dalsland Canal.",
      ),
    ),
    keywords: [
      "gästhamn",
      "gasthamn",
      "båtplats",
      "batplats",
      "hamn",
      "småbåtshamn",
      "smabatshamn",
      "vänern",
      "vanern",
      "marina",
      "guest harbour",
      "boat berth",
      "mooring",
      "harbour",
    ],
    related: ["badplatser", "upplatelse-offentlig-plats"],
    authorities: [],
    eServiceId: "bokning-batplats",
    variants: variants(
      "hamn",
      merge(
        feeBy({ mellerud: 220, amal: 260 }, (a) =>
          t(
            `Gästplats ${a.sv} per natt för båt under 12 meter.`,
            `Guest berth ${a.en} per night for boats under 12 metres.`,
          ),
        ),
        rulesBy({
          mellerud: t(
            "Gästhamnen ligger i Sunnanå och har 60 gästplatser. Säsong 1 maj–30 september.",
            "The guest harbour is at Sunnanå and has 60 guest berths. Season 1 May–30 September.",
          ),
          amal: t(
            "Gästhamnen ligger mitt i centrum med 80 gästplatser. Säsong 15 april–15 oktober. Säsongsplatsen kostar från 2 400 kr.",
            "The guest harbour is in the town centre with 80 guest berths. Season 15 April–15 October. Seasonal berths from SEK 2,400.",
          ),
        }),
      ),
      ["mellerud", "amal"],
    ),
    example: true,
  },
];

// ---------------------------------------------------------------------------

export const seedServices: SeedService[] = [
  ...barnOchUtbildning,
  ...byggaBoOchMiljo,
  ...omsorgOchStod,
  ...naringslivOchArbete,
  ...kommunOchPolitik,
  ...trafikOchInfrastruktur,
  ...kulturOchFritid,
];
