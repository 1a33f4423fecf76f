import type { AdministrationSlug, Bilingual, MunicipalitySlug } from "./types";

/**
 * Example municipal pages (activities with contact and opening hours, and information pages)
 * and news for each of the five municipalities. Names of towns are real; everything else is
 * invented example content (`example: true`). Dates are relative to the day the seed runs, so
 * the example stays current: `publishedDaysAgo`, `expiresInDays`, `reviewInDays`.
 */
export interface SeedPage {
  municipality: MunicipalitySlug;
  administration: AdministrationSlug;
  kind: "activity" | "page";
  slug: string;
  title: Bilingual;
  summary: Bilingual;
  body: Bilingual;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  visitingAddress?: string;
  openingHours?: Bilingual;
  /** Days from the seed date to the review-by date; negative = already overdue. */
  reviewInDays: number;
  example: true;
}

export interface SeedNews {
  municipality: MunicipalitySlug;
  administration?: AdministrationSlug;
  slug: string;
  title: Bilingual;
  summary: Bilingual;
  body: Bilingual;
  publishedDaysAgo: number;
  /** Days from the seed date until the item expires; negative = already expired. */
  expiresInDays?: number;
  reviewInDays: number;
  example: true;
}

const t = (sv: string, en: string): Bilingual => ({ sv, en });

interface Town {
  m: MunicipalitySlug;
  name: string;
  town: string;
  prefix: string;
  street: string;
  zip: string;
}

const TOWNS: Town[] = [
  {
    m: "bengtsfors",
    name: "Bengtsfors",
    town: "Bengtsfors",
    prefix: "0531-52 60 ",
    street: "Storgatan",
    zip: "666 30",
  },
  { m: "dals-ed", name: "Dals-Ed", town: "Ed", prefix: "0534-190 ", street: "Storgatan", zip: "668 30" },
  {
    m: "fargelanda",
    name: "Färgelanda",
    town: "Färgelanda",
    prefix: "0528-567 ",
    street: "Centrumvägen",
    zip: "458 30",
  },
  { m: "mellerud", name: "Mellerud", town: "Mellerud", prefix: "0530-180 ", street: "Storgatan", zip: "464 30" },
  { m: "amal", name: "Åmål", town: "Åmål", prefix: "0532-170 ", street: "Kungsgatan", zip: "662 30" },
];

const domain = (m: MunicipalitySlug) => `${m}.example.se`;

function pagesFor(x: Town): SeedPage[] {
  return [
    {
      municipality: x.m,
      administration: "kultur-och-fritid",
      kind: "activity",
      slug: "bibliotek",
      title: t(`${x.town} bibliotek`, `${x.town} Library`),
      summary: t(
        `Låna böcker, ljudböcker och tidningar, använd datorer och skrivare, eller få hjälp med digitala tjänster på ${x.town} bibliotek.`,
        `Borrow books, audiobooks and newspapers, use computers and printers, or get help with digital services at ${x.town} Library.`,
      ),
      body: t(
        `Biblioteket är öppet för alla och det är gratis att låna. Du behöver ett lånekort, som du får i informationsdisken om du visar legitimation.\n\n## Det här kan du göra\n\n- Låna och lämna tillbaka böcker, ljudböcker och filmer\n- Använda datorer, wifi och skrivare\n- Få hjälp med BankID, e-tjänster och mobilen (digital drop-in varje tisdag)\n- Läsa dagstidningar och tidskrifter\n\nMeröppet betyder att du kan gå in med lånekort och PIN-kod även när biblioteket inte är bemannat.`,
        `The library is open to everyone and borrowing is free. You need a library card, which you get at the information desk if you show ID.\n\n## What you can do\n\n- Borrow and return books, audiobooks and films\n- Use computers, wifi and printers\n- Get help with BankID, e-services and your phone (digital drop-in every Tuesday)\n- Read newspapers and magazines\n\nExtended access means you can enter with your library card and PIN even when the library is not staffed.`,
      ),
      contactName: `${x.town} bibliotek`,
      contactPhone: `${x.prefix}42`,
      contactEmail: `bibliotek@${domain(x.m)}`,
      visitingAddress: `${x.street} 12, ${x.zip} ${x.town}`,
      openingHours: t(
        "Måndag–torsdag 10.00–19.00, fredag 10.00–16.00, lördag 10.00–13.00. Meröppet alla dagar 7.00–22.00.",
        "Monday–Thursday 10.00–19.00, Friday 10.00–16.00, Saturday 10.00–13.00. Extended access every day 7.00–22.00.",
      ),
      reviewInDays: 200,
      example: true,
    },
    {
      municipality: x.m,
      administration: "samhallsbyggnad",
      kind: "activity",
      slug: "atervinningscentral",
      title: t(`Återvinningscentralen i ${x.town}`, `${x.town} Recycling Centre`),
      summary: t(
        "Lämna grovavfall, elavfall, farligt avfall och trädgårdsavfall. Privatpersoner lämnar hushållsavfall utan avgift.",
        "Drop off bulky waste, electrical waste, hazardous waste and garden waste. Private households leave household waste free of charge.",
      ),
      body: t(
        `Sortera avfallet innan du kommer, så går det snabbare. Personalen hjälper dig om du är osäker.\n\n## Det här tar vi emot\n\n- Grovavfall, till exempel möbler och cyklar\n- Elavfall och batterier\n- Farligt avfall, till exempel färg och kemikalier\n- Trädgårdsavfall och ris\n\nFöretag betalar en avgift per besök. Byggavfall från större renoveringar tar vi emot mot avgift.`,
        `Sort your waste before you arrive; it makes the visit quicker. The staff will help if you are unsure.\n\n## What we accept\n\n- Bulky waste, for example furniture and bicycles\n- Electrical waste and batteries\n- Hazardous waste, for example paint and chemicals\n- Garden waste and branches\n\nCompanies pay a fee per visit. Construction waste from larger renovations is accepted for a fee.`,
      ),
      contactName: "Renhållningen, kundtjänst",
      contactPhone: `${x.prefix}25`,
      contactEmail: `avfall@${domain(x.m)}`,
      visitingAddress: `Industrivägen 4, ${x.zip} ${x.town}`,
      openingHours: t(
        "Måndag och onsdag 12.00–19.00, fredag 7.00–15.00, första lördagen i månaden 9.00–13.00.",
        "Monday and Wednesday 12.00–19.00, Friday 7.00–15.00, first Saturday of the month 9.00–13.00.",
      ),
      reviewInDays: 150,
      example: true,
    },
    {
      municipality: x.m,
      administration: "socialtjanst",
      kind: "activity",
      slug: "familjecentral",
      title: t(`Familjecentralen i ${x.town}`, `${x.town} Family Centre`),
      summary: t(
        "Barnavårdscentral, öppen förskola och föräldrastöd på ett ställe, för dig som väntar barn eller har barn upp till sex år.",
        "Child health centre, open preschool and parenting support in one place, for those expecting a child or with children up to six.",
      ),
      body: t(
        `På familjecentralen träffar du barnmorska, BVC-sjuksköterska, förskollärare och socionom. Du kan komma utan att boka tid till den öppna förskolan.\n\nSocionomen ger stöd i föräldraskapet och kan hjälpa dig vidare om du behöver mer hjälp. Samtalen är kostnadsfria.`,
        `At the family centre you meet a midwife, a child health nurse, a preschool teacher and a social worker. You can come to the open preschool without booking.\n\nThe social worker offers parenting support and can help you further if you need more help. Conversations are free of charge.`,
      ),
      contactName: "Familjecentralen",
      contactPhone: `${x.prefix}37`,
      contactEmail: `familjecentralen@${domain(x.m)}`,
      visitingAddress: `${x.street} 30, ${x.zip} ${x.town}`,
      openingHours: t("Öppna förskolan: tisdag–torsdag 9.00–12.00.", "Open preschool: Tuesday–Thursday 9.00–12.00."),
      reviewInDays: x.m === "amal" ? -10 : 120,
      example: true,
    },
    {
      municipality: x.m,
      administration: "kommunledning",
      kind: "page",
      slug: "kommunfullmaktige",
      title: t("Kommunfullmäktige", "Municipal council"),
      summary: t(
        `Kommunfullmäktige är ${x.name} kommuns högsta beslutande organ. Mötena är öppna för alla.`,
        `The municipal council is the highest decision-making body of ${x.name} Municipality. Meetings are open to everyone.`,
      ),
      body: t(
        `Kommunfullmäktige beslutar om budget, skatt och mål för kommunen. Ledamöterna väljs i de allmänna valen vart fjärde år.\n\n## Följ mötena\n\nMötena hålls i kommunhusets sessionssal och sänds på webben. Kallelse och handlingar publiceras en vecka före mötet. Protokollet anslås på kommunens digitala anslagstavla.\n\nDu kan lämna ett medborgarförslag om du vill att kommunen ska göra något.`,
        `The municipal council decides on the budget, the tax rate and the municipality's goals. Its members are elected in the general elections every four years.\n\n## Follow the meetings\n\nMeetings are held in the council chamber of the town hall and streamed online. The notice and papers are published a week before the meeting. The minutes are posted on the municipality's digital notice board.\n\nYou can submit a citizens' proposal if you want the municipality to do something.`,
      ),
      reviewInDays: 300,
      example: true,
    },
  ];
}

function newsFor(x: Town): SeedNews[] {
  return [
    {
      municipality: x.m,
      administration: "samhallsbyggnad",
      slug: "vattenavstangning",
      title: t(`Vattnet stängs av på ${x.street} på onsdag`, `Water shut off on ${x.street} on Wednesday`),
      summary: t(
        `På grund av arbete på en ledning stängs vattnet av på ${x.street} i ${x.town} på onsdag mellan 9.00 och 14.00.`,
        `Because of work on a pipe, the water on ${x.street} in ${x.town} will be shut off on Wednesday between 9.00 and 14.00.`,
      ),
      body: t(
        "Fyll gärna några kannor med vatten innan. När vattnet kommer tillbaka kan det vara missfärgat en stund; spola tills det är klart.\n\nFrågor? Ring VA-enheten.",
        "Consider filling a few jugs with water beforehand. When the water returns it may be discoloured for a while; run the tap until it is clear.\n\nQuestions? Call the water and sewage unit.",
      ),
      publishedDaysAgo: 2,
      expiresInDays: 14,
      reviewInDays: 14,
      example: true,
    },
    {
      municipality: x.m,
      administration: "barn-och-utbildning",
      slug: "forskoleansokan-hosten",
      title: t("Ansök om förskoleplats inför hösten", "Apply for a preschool place for the autumn"),
      summary: t(
        `Vill du att ditt barn ska börja i förskola i ${x.name} i augusti? Ansök senast fyra månader innan.`,
        `Would you like your child to start preschool in ${x.name} in August? Apply at least four months in advance.`,
      ),
      body: t(
        "Ansökan gör du i e-tjänsten för förskola. Du får ett erbjudande inom fyra månader. Avgiften följer maxtaxan.",
        "You apply in the preschool e-service. You get an offer within four months. The fee follows the national maximum fee.",
      ),
      publishedDaysAgo: 10,
      reviewInDays: 90,
      example: true,
    },
    {
      municipality: x.m,
      administration: "kultur-och-fritid",
      slug: "sommarlovsaktiviteter-forra-aret",
      title: t("Sommarlovsaktiviteter (avslutat)", "Summer holiday activities (ended)"),
      summary: t(
        "Förra årets sommarlovsaktiviteter. Nyheten har gått ut och visas inte för invånare.",
        "Last year's summer holiday activities. This item has expired and is not shown to residents.",
      ),
      body: t("Aktiviteterna är avslutade.", "The activities have ended."),
      publishedDaysAgo: 200,
      expiresInDays: -30,
      reviewInDays: 60,
      example: true,
    },
    {
      municipality: x.m,
      administration: "kommunledning",
      slug: "budget-nasta-ar",
      title: t("Förslag till budget för nästa år", "Proposed budget for next year"),
      summary: t(
        "Kommunstyrelsens förslag till budget publiceras här när det är klart.",
        "The executive committee's proposed budget will be published here when it is ready.",
      ),
      body: t(
        "Förslaget behandlas av kommunfullmäktige i november.",
        "The proposal will be considered by the municipal council in November.",
      ),
      publishedDaysAgo: -7,
      reviewInDays: 120,
      example: true,
    },
  ];
}

export const seedPages: SeedPage[] = TOWNS.flatMap(pagesFor);
export const seedNews: SeedNews[] = [
  ...TOWNS.flatMap(newsFor),
  {
    municipality: "mellerud",
    administration: "samhallsbyggnad",
    slug: "ny-busstidtabell",
    title: t("Ny tidtabell för tätortstrafiken", "New timetable for local buses"),
    summary: t(
      "Tidtabellen har inte granskats på länge och visas därför inte längre för invånare.",
      "The timetable has not been reviewed for a long time and is therefore no longer shown to residents.",
    ),
    body: t("Se Västtrafiks reseplanerare för aktuella tider.", "See Västtrafik's journey planner for current times."),
    publishedDaysAgo: 400,
    reviewInDays: -200,
    example: true,
  },
];
