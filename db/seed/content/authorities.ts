/**
 * Other authorities (county, state and EU) that residents of Dalsland commonly deal with.
 * The portal links out to them from services and life-event guides.
 *
 * These are real authorities with real home pages. Service links point to a deep link only
 * where it is a long-lived address; otherwise they point to the authority's home page.
 * Pure data: no imports from the app or drizzle.
 */
import type { Bilingual } from "./types";

export interface SeedAuthorityService {
  title: Bilingual;
  /** Real, stable deep link on the authority's site, or its home page. */
  url: string;
  description: Bilingual;
}

export interface SeedAuthority {
  /** Stable kebab-case slug without diacritics, unique. */
  slug: string;
  level: "county" | "state" | "eu";
  name: Bilingual;
  /** Two or three plain-language sentences on what the authority does for residents of Dalsland. */
  description: Bilingual;
  /** The authority's home page (https). */
  url: string;
  /** Two to four things residents commonly use the authority for. */
  services: SeedAuthorityService[];
}

export const seedAuthorities: SeedAuthority[] = [
  // ---------------------------------------------------------------- county / region
  {
    slug: "lansstyrelsen-vastra-gotaland",
    level: "county",
    name: { sv: "Länsstyrelsen Västra Götaland", en: "County Administrative Board of Västra Götaland" },
    description: {
      sv: "Länsstyrelsen är statens företrädare i länet och arbetar bland annat med naturvård, djurskydd, lantbruk och krisberedskap. Här prövas också överklaganden av kommunens beslut om till exempel bygglov. I Dalsland ansvarar Länsstyrelsen för många naturreservat och för tillsyn av strandskyddet längs sjöar och vattendrag.",
      en: "The County Administrative Board represents the state in the county and works with nature conservation, animal welfare, agriculture and emergency preparedness, among other things. It also hears appeals against municipal decisions, for example on building permits. In Dalsland it manages many nature reserves and oversees shoreline protection along lakes and rivers.",
    },
    url: "https://www.lansstyrelsen.se/vastra-gotaland",
    services: [
      {
        title: { sv: "Överklaga ett beslut om bygglov", en: "Appeal a building permit decision" },
        url: "https://www.lansstyrelsen.se/vastra-gotaland",
        description: {
          sv: "Om du inte är nöjd med kommunens beslut om bygglov kan du överklaga. Du skickar överklagandet till kommunen, som sedan lämnar det vidare till Länsstyrelsen.",
          en: "If you disagree with the municipality's building permit decision, you can appeal. You send the appeal to the municipality, which forwards it to the County Administrative Board.",
        },
      },
      {
        title: { sv: "Strandskydd och naturreservat", en: "Shoreline protection and nature reserves" },
        url: "https://www.lansstyrelsen.se/vastra-gotaland",
        description: {
          sv: "Länsstyrelsen granskar kommunens beslut om dispens från strandskyddet och prövar själv dispenser inom naturreservat. Här hittar du också information om reservaten och vad som gäller när du besöker dem.",
          en: "The board reviews the municipality's decisions on exemptions from shoreline protection and decides on exemptions inside nature reserves itself. You can also find information about the reserves and the rules for visiting them.",
        },
      },
      {
        title: { sv: "Anmäl oro för djur", en: "Report concern about an animal" },
        url: "https://www.lansstyrelsen.se/vastra-gotaland",
        description: {
          sv: "Länsstyrelsen har ansvar för djurskyddskontrollen. Du kan anmäla om du tror att ett sällskapsdjur eller lantbruksdjur far illa.",
          en: "The board is responsible for animal welfare inspections. You can report it if you think a pet or farm animal is being mistreated.",
        },
      },
      {
        title: { sv: "Stöd till lantbruk och landsbygd", en: "Support for farming and rural areas" },
        url: "https://www.lansstyrelsen.se/vastra-gotaland",
        description: {
          sv: "Länsstyrelsen handlägger jordbrukarstöd och stöd för landsbygdsutveckling. Här får du hjälp med regler och ansökningar.",
          en: "The board handles farm payments and rural development grants. You can get help with rules and applications.",
        },
      },
    ],
  },
  {
    slug: "vastra-gotalandsregionen",
    level: "county",
    name: { sv: "Västra Götalandsregionen", en: "Region Västra Götaland" },
    description: {
      sv: "Västra Götalandsregionen ansvarar för hälso- och sjukvård, tandvård och kollektivtrafik i hela länet. För dig i Dalsland betyder det bland annat vårdcentraler, Dalslands sjukhus i Bäckefors och NÄL i Trollhättan, Folktandvården och bussar och tåg genom Västtrafik. Regionen arbetar också med kultur, folkhögskolor och regional utveckling.",
      en: "Region Västra Götaland is responsible for healthcare, dental care and public transport across the county. For you in Dalsland this includes health centres, Dalsland Hospital in Bäckefors and NÄL hospital in Trollhättan, the Public Dental Service and buses and trains run by Västtrafik. The region also works with culture, folk high schools and regional development.",
    },
    url: "https://www.vgregion.se/",
    services: [
      {
        title: { sv: "Hälso- och sjukvård", en: "Healthcare" },
        url: "https://www.vgregion.se/",
        description: {
          sv: "Regionen driver sjukhus och många vårdcentraler och ansvarar för att du får vård. Du kan välja vilken vårdcentral du vill vara listad på.",
          en: "The region runs hospitals and many health centres and is responsible for making sure you get care. You can choose which health centre you are registered with.",
        },
      },
      {
        title: { sv: "Folktandvården", en: "Public Dental Service" },
        url: "https://www.vgregion.se/",
        description: {
          sv: "Folktandvården har kliniker i Dalsland. Barn och unga vuxna får avgiftsfri tandvård upp till en viss ålder.",
          en: "The Public Dental Service has clinics in Dalsland. Children and young adults receive free dental care up to a certain age.",
        },
      },
      {
        title: { sv: "Kollektivtrafik med Västtrafik", en: "Public transport with Västtrafik" },
        url: "https://www.vasttrafik.se/",
        description: {
          sv: "Västtrafik är regionens bolag för buss och tåg. Här planerar du resor, köper biljett och beställer anropsstyrd närtrafik på landsbygden.",
          en: "Västtrafik is the region's company for buses and trains. Plan journeys, buy tickets and book demand-responsive local transport in rural areas.",
        },
      },
    ],
  },
  {
    slug: "vardguiden-1177",
    level: "county",
    name: { sv: "1177 Vårdguiden", en: "1177 – the healthcare guide" },
    description: {
      sv: "1177 är regionernas gemensamma tjänst för råd om hälsa och vård. Du kan ringa 1177 dygnet runt för sjukvårdsrådgivning, läsa om sjukdomar och hitta rätt mottagning. Med e-tjänsterna kan du bland annat boka tider, förnya recept och läsa din journal.",
      en: "1177 is the regions' joint service for health and care advice. You can call 1177 around the clock for medical advice, read about illnesses and find the right clinic. With the e-services you can book appointments, renew prescriptions and read your medical records, among other things.",
    },
    url: "https://www.1177.se/",
    services: [
      {
        title: { sv: "Sjukvårdsrådgivning på telefon 1177", en: "Medical advice by phone on 1177" },
        url: "https://www.1177.se/Vastra-Gotaland/",
        description: {
          sv: "Ring 1177 när du behöver råd om vård. En sjuksköterska hjälper dig att bedöma hur du ska göra och vart du kan vända dig. Vid livshotande tillstånd ringer du 112.",
          en: "Call 1177 when you need advice about care. A nurse helps you decide what to do and where to go. In a life-threatening emergency, call 112.",
        },
      },
      {
        title: { sv: "Hitta vård", en: "Find care" },
        url: "https://www.1177.se/hitta-vard/",
        description: {
          sv: "Sök vårdcentraler, barnmorskemottagningar, barnavårdscentraler och andra mottagningar nära dig, med öppettider och kontaktuppgifter.",
          en: "Search for health centres, maternity clinics, child health centres and other clinics near you, with opening hours and contact details.",
        },
      },
      {
        title: { sv: "Logga in på 1177", en: "Log in to 1177" },
        url: "https://e-tjanster.1177.se/",
        description: {
          sv: "Logga in med e-legitimation för att boka och avboka tider, förnya recept, skriva till din mottagning och läsa din journal.",
          en: "Log in with e-identification to book and cancel appointments, renew prescriptions, message your clinic and read your medical records.",
        },
      },
    ],
  },

  // ---------------------------------------------------------------- state
  {
    slug: "skatteverket",
    level: "state",
    name: { sv: "Skatteverket", en: "Swedish Tax Agency" },
    description: {
      sv: "Skatteverket hanterar skatter och folkbokföring. Det är hit du anmäler flytt, och här deklarerar du din inkomst varje år. Skatteverket registrerar också födslar och dödsfall, utfärdar id-kort och tar emot bouppteckningar.",
      en: "The Swedish Tax Agency handles taxes and the population register. This is where you report a change of address and file your income tax return each year. The agency also registers births and deaths, issues identity cards and receives estate inventories.",
    },
    url: "https://www.skatteverket.se/",
    services: [
      {
        title: { sv: "Anmäl flytt", en: "Report a change of address" },
        url: "https://www.skatteverket.se/",
        description: {
          sv: "När du flyttar ska du anmäla det till Skatteverket inom en vecka. Det går snabbast med e-legitimation i e-tjänsten, och det kostar ingenting.",
          en: "When you move, you must report it to the Tax Agency within one week. It is quickest with e-identification in the e-service, and it is free of charge.",
        },
      },
      {
        title: { sv: "Deklarera", en: "File your tax return" },
        url: "https://www.skatteverket.se/",
        description: {
          sv: "Varje vår deklarerar du dina inkomster för året innan. Du kan granska och skicka in deklarationen digitalt.",
          en: "Every spring you declare your income for the previous year. You can review and submit the return online.",
        },
      },
      {
        title: { sv: "F-skatt och momsregistrering", en: "F-tax and VAT registration" },
        url: "https://www.skatteverket.se/",
        description: {
          sv: "När du startar företag ansöker du om F-skatt och registrerar dig för moms och som arbetsgivare vid behov. Det gör du oftast via verksamt.se.",
          en: "When you start a business, you apply for F-tax approval and register for VAT and as an employer if needed. This is usually done through verksamt.se.",
        },
      },
      {
        title: { sv: "Id-kort", en: "Identity card" },
        url: "https://www.skatteverket.se/",
        description: {
          sv: "Du som är folkbokförd i Sverige kan ansöka om id-kort hos Skatteverket. Du besöker ett servicekontor för att ansöka och bli fotograferad.",
          en: "If you are registered in Sweden, you can apply for an identity card from the Tax Agency. You visit a service office to apply and have your photo taken.",
        },
      },
    ],
  },
  {
    slug: "forsakringskassan",
    level: "state",
    name: { sv: "Försäkringskassan", en: "Swedish Social Insurance Agency" },
    description: {
      sv: "Försäkringskassan betalar ut ersättningar från socialförsäkringen, till exempel föräldrapenning, barnbidrag, sjukpenning och bostadsbidrag. Myndigheten hjälper dig när du blir förälder, blir sjuk eller har en funktionsnedsättning. Du sköter de flesta ärenden på Mina sidor.",
      en: "The Social Insurance Agency pays out social insurance benefits such as parental benefit, child allowance, sickness benefit and housing allowance. It supports you when you become a parent, fall ill or have a disability. You handle most matters on the My Pages service.",
    },
    url: "https://www.forsakringskassan.se/",
    services: [
      {
        title: { sv: "Föräldrapenning", en: "Parental benefit" },
        url: "https://www.forsakringskassan.se/",
        description: {
          sv: "Föräldrapenning får du när du är ledig från arbete eller studier för att vara med ditt barn. Ansök i god tid innan du vill börja vara ledig.",
          en: "Parental benefit is paid when you take time off work or studies to be with your child. Apply well before you want your leave to start.",
        },
      },
      {
        title: { sv: "Barnbidrag", en: "Child allowance" },
        url: "https://www.forsakringskassan.se/",
        description: {
          sv: "Barnbidrag betalas ut automatiskt från månaden efter att barnet är fött och tills barnet fyller 16 år. Du behöver inte ansöka.",
          en: "Child allowance is paid automatically from the month after the child is born until the child turns 16. You do not need to apply.",
        },
      },
      {
        title: { sv: "Bostadsbidrag", en: "Housing allowance" },
        url: "https://www.forsakringskassan.se/",
        description: {
          sv: "Barnfamiljer och unga mellan 18 och 28 år med låga inkomster kan ansöka om bostadsbidrag. Bidraget beror på inkomst, boendekostnad och hur många barn du har.",
          en: "Families with children and young people aged 18 to 28 on low incomes can apply for housing allowance. The amount depends on income, housing costs and the number of children.",
        },
      },
      {
        title: { sv: "Sjukpenning", en: "Sickness benefit" },
        url: "https://www.forsakringskassan.se/",
        description: {
          sv: "Om du är sjuk längre än två veckor kan du få sjukpenning från Försäkringskassan. De första två veckorna får anställda oftast sjuklön från arbetsgivaren.",
          en: "If you are ill for more than two weeks you may receive sickness benefit. For the first two weeks, employees are usually paid sick pay by their employer.",
        },
      },
    ],
  },
  {
    slug: "arbetsformedlingen",
    level: "state",
    name: { sv: "Arbetsförmedlingen", en: "Swedish Public Employment Service" },
    description: {
      sv: "Arbetsförmedlingen hjälper dig som söker arbete och arbetsgivare som vill anställa. Här skriver du in dig som arbetssökande, hittar lediga jobb och kan få stöd till utbildning eller till att starta eget. Nyanlända kan få hjälp att komma in på arbetsmarknaden.",
      en: "The Public Employment Service helps job seekers and employers who want to hire. You register as a job seeker, find vacancies and may get support for training or for starting your own business. Newly arrived immigrants can get help entering the labour market.",
    },
    url: "https://arbetsformedlingen.se/",
    services: [
      {
        title: { sv: "Platsbanken", en: "Platsbanken job listings" },
        url: "https://arbetsformedlingen.se/platsbanken/",
        description: {
          sv: "Sök bland lediga jobb i hela Sverige. Du kan filtrera på kommun för att se jobb i Dalsland.",
          en: "Search vacancies all over Sweden. You can filter by municipality to see jobs in Dalsland.",
        },
      },
      {
        title: { sv: "Skriv in dig som arbetssökande", en: "Register as a job seeker" },
        url: "https://arbetsformedlingen.se/",
        description: {
          sv: "Skriv in dig första dagen du är arbetslös. Det behövs för att du ska kunna få ersättning från a-kassan och stöd från Arbetsförmedlingen.",
          en: "Register on your first day of unemployment. This is needed to receive unemployment insurance and support from the Employment Service.",
        },
      },
      {
        title: { sv: "Stöd för att starta eget", en: "Support for starting a business" },
        url: "https://arbetsformedlingen.se/",
        description: {
          sv: "Om du är inskriven som arbetssökande kan du i vissa fall få stöd under den första tiden som företagare. Du behöver få stödet beviljat innan du startar.",
          en: "If you are registered as a job seeker, you may in some cases receive support during your first period as a business owner. The support must be granted before you start.",
        },
      },
    ],
  },
  {
    slug: "csn",
    level: "state",
    name: { sv: "CSN – Centrala studiestödsnämnden", en: "CSN – Swedish Board of Student Finance" },
    description: {
      sv: "CSN betalar ut studiestöd till dig som studerar och tar emot återbetalningen av studielån. Gymnasieelever får studiebidrag automatiskt, och du som studerar på komvux, folkhögskola, yrkeshögskola eller högskola kan söka studiemedel.",
      en: "CSN pays student finance to people who study and collects repayments of student loans. Upper secondary students receive a study grant automatically, and if you study at adult education, a folk high school, higher vocational education or university, you can apply for student aid.",
    },
    url: "https://www.csn.se/",
    services: [
      {
        title: { sv: "Studiemedel", en: "Student aid" },
        url: "https://www.csn.se/",
        description: {
          sv: "Studiemedel består av bidrag och lån. Ansök i god tid före terminsstart, gärna samtidigt som du söker utbildningen.",
          en: "Student aid consists of a grant and a loan. Apply well before the term starts, ideally at the same time as you apply for the course.",
        },
      },
      {
        title: { sv: "Studiehjälp för gymnasiet", en: "Study grant for upper secondary school" },
        url: "https://www.csn.se/",
        description: {
          sv: "Elever på gymnasiet får studiebidrag från kvartalet efter att de fyllt 16. Bor eleven långt från skolan kan familjen söka extra stöd för inackordering.",
          en: "Upper secondary students receive a study grant from the quarter after they turn 16. If the student lives far from school, the family can apply for extra support for lodging.",
        },
      },
      {
        title: { sv: "Betala tillbaka studielån", en: "Repay your student loan" },
        url: "https://www.csn.se/",
        description: {
          sv: "På Mina sidor ser du hur mycket du ska betala och kan ansöka om nedsättning om din inkomst är låg.",
          en: "On My Pages you can see how much you have to pay and apply for a reduction if your income is low.",
        },
      },
    ],
  },
  {
    slug: "lantmateriet",
    level: "state",
    name: { sv: "Lantmäteriet", en: "Lantmäteriet – Swedish mapping, cadastral and land registration authority" },
    description: {
      sv: "Lantmäteriet ansvarar för kartor och för registret över alla fastigheter i Sverige. När du köper, ärver eller delar en fastighet är det Lantmäteriet som beviljar lagfart och gör lantmäteriförrättningar. Myndigheten hanterar också pantbrev.",
      en: "Lantmäteriet is responsible for maps and the register of all real property in Sweden. When you buy, inherit or divide a property, Lantmäteriet grants title registration and carries out cadastral procedures. It also handles mortgage deeds.",
    },
    url: "https://www.lantmateriet.se/",
    services: [
      {
        title: { sv: "Söka lagfart", en: "Apply for title registration" },
        url: "https://www.lantmateriet.se/",
        description: {
          sv: "När du har köpt eller ärvt en fastighet ska du söka lagfart inom tre månader. Lagfarten visar vem som äger fastigheten.",
          en: "When you have bought or inherited a property, you must apply for title registration within three months. It shows who owns the property.",
        },
      },
      {
        title: { sv: "Stycka av eller ändra en fastighet", en: "Subdivide or change a property" },
        url: "https://www.lantmateriet.se/",
        description: {
          sv: "Vill du dela en fastighet, till exempel för att bygga ett hus på en egen tomt, ansöker du om lantmäteriförrättning. Kontakta gärna kommunen först för att höra om marken får bebyggas.",
          en: "To divide a property, for example to build a house on a separate plot, you apply for a cadastral procedure. It is a good idea to ask the municipality first whether the land may be built on.",
        },
      },
      {
        title: { sv: "Min karta", en: "My map" },
        url: "https://minkarta.lantmateriet.se/",
        description: {
          sv: "Titta på kartor och flygfoton över hela Sverige, till exempel för att se var fastighetsgränser går ungefär.",
          en: "View maps and aerial photos of all of Sweden, for example to see roughly where property boundaries run.",
        },
      },
    ],
  },
  {
    slug: "boverket",
    level: "state",
    name: { sv: "Boverket", en: "National Board of Housing, Building and Planning" },
    description: {
      sv: "Boverket tar fram regler och vägledning för byggande, planering och boende. Myndigheten bestämmer inte om ditt bygglov, det gör kommunen, men Boverket förklarar vilka regler som gäller. Här finns också information om energideklarationer och bostadsanpassning.",
      en: "Boverket develops rules and guidance for building, planning and housing. It does not decide on your building permit, which is the municipality's job, but it explains which rules apply. It also provides information about energy performance certificates and home adaptation.",
    },
    url: "https://www.boverket.se/",
    services: [
      {
        title: { sv: "PBL kunskapsbanken", en: "Planning and Building Act knowledge bank" },
        url: "https://www.boverket.se/sv/PBL-kunskapsbanken/",
        description: {
          sv: "Boverkets vägledning om plan- och bygglagen. Här kan du läsa om när du behöver bygglov och vad som gäller för attefallshus och andra lovbefriade åtgärder.",
          en: "Boverket's guidance on the Planning and Building Act. Read about when you need a building permit and the rules for Attefall houses and other permit-exempt measures.",
        },
      },
      {
        title: { sv: "Byggregler", en: "Building regulations" },
        url: "https://www.boverket.se/",
        description: {
          sv: "Boverkets byggregler gäller bland annat tillgänglighet, brandskydd och energi. Reglerna gäller även när du bygger något som inte kräver bygglov.",
          en: "Boverket's building regulations cover accessibility, fire safety and energy, among other things. They also apply when you build something that does not need a permit.",
        },
      },
      {
        title: { sv: "Energideklaration", en: "Energy performance certificate" },
        url: "https://www.boverket.se/",
        description: {
          sv: "När du säljer ett hus behöver det i regel ha en giltig energideklaration. Den görs av en certifierad energiexpert och registreras hos Boverket.",
          en: "When you sell a house, it usually needs a valid energy performance certificate. It is made by a certified energy expert and registered with Boverket.",
        },
      },
    ],
  },
  {
    slug: "polisen",
    level: "state",
    name: { sv: "Polisen", en: "Swedish Police Authority" },
    description: {
      sv: "Polisen arbetar för att förebygga och utreda brott och för att alla ska kunna känna sig trygga. Förutom att ta emot anmälningar utfärdar Polisen pass och nationella id-kort och ger tillstånd, till exempel för vapen och för att använda offentlig plats. Vid nödsituationer ringer du 112, annars 114 14.",
      en: "The Police work to prevent and investigate crime and to help everyone feel safe. Besides receiving crime reports, the Police issue passports and national identity cards and grant permits, for example for firearms and for using public places. In an emergency, call 112; otherwise call 114 14.",
    },
    url: "https://polisen.se/",
    services: [
      {
        title: { sv: "Pass och nationellt id-kort", en: "Passport and national ID card" },
        url: "https://polisen.se/tjanster-tillstand/pass-och-nationellt-id-kort/",
        description: {
          sv: "Boka tid på en passexpedition för att ansöka om pass eller nationellt id-kort. Även barn behöver eget pass för att resa utomlands.",
          en: "Book an appointment at a passport office to apply for a passport or national ID card. Children also need their own passport to travel abroad.",
        },
      },
      {
        title: { sv: "Gör en polisanmälan", en: "Report a crime" },
        url: "https://polisen.se/",
        description: {
          sv: "Många brott, till exempel stöld och skadegörelse, kan du anmäla digitalt. Du kan också ringa 114 14 eller besöka en polisstation.",
          en: "Many crimes, such as theft and vandalism, can be reported online. You can also call 114 14 or visit a police station.",
        },
      },
      {
        title: { sv: "Tillstånd för offentlig plats och vapen", en: "Permits for public places and firearms" },
        url: "https://polisen.se/",
        description: {
          sv: "Ska du till exempel ställa upp ett marknadsstånd eller ordna ett evenemang på allmän plats behöver du tillstånd från Polisen, som frågar kommunen innan beslut. Jägare söker vapenlicens hos Polisen.",
          en: "If you want to set up a market stall or hold an event in a public place, you need a permit from the Police, who consult the municipality before deciding. Hunters apply for firearms licences from the Police.",
        },
      },
    ],
  },
  {
    slug: "transportstyrelsen",
    level: "state",
    name: { sv: "Transportstyrelsen", en: "Swedish Transport Agency" },
    description: {
      sv: "Transportstyrelsen har hand om körkort, fordonsregistret och regler för trafik på väg, järnväg, till sjöss och i luften. Här ansöker du om körkortstillstånd, gör ägarbyte på bilen och betalar fordonsskatt.",
      en: "The Transport Agency handles driving licences, the vehicle register and rules for road, rail, sea and air traffic. This is where you apply for a learner's permit, register a change of vehicle owner and pay vehicle tax.",
    },
    url: "https://www.transportstyrelsen.se/",
    services: [
      {
        title: { sv: "Körkortstillstånd", en: "Learner's permit" },
        url: "https://www.transportstyrelsen.se/",
        description: {
          sv: "Innan du börjar övningsköra behöver du körkortstillstånd. Du ansöker digitalt och lämnar ett synintyg.",
          en: "Before you start practice driving, you need a learner's permit. You apply online and submit an eyesight certificate.",
        },
      },
      {
        title: { sv: "Ägarbyte av fordon", en: "Change of vehicle ownership" },
        url: "https://www.transportstyrelsen.se/",
        description: {
          sv: "När du köper eller säljer en bil ska ägarbytet anmälas. Det gäller också när ett dödsbo säljer eller skiftar ett fordon.",
          en: "When you buy or sell a car, the change of ownership must be reported. This also applies when an estate sells or distributes a vehicle.",
        },
      },
      {
        title: { sv: "Fordonsskatt", en: "Vehicle tax" },
        url: "https://www.transportstyrelsen.se/",
        description: {
          sv: "Här ser du hur mycket fordonsskatt du ska betala och när. Du kan också ställa av fordon du inte använder.",
          en: "See how much vehicle tax you must pay and when. You can also deregister vehicles you do not use.",
        },
      },
    ],
  },
  {
    slug: "bolagsverket",
    level: "state",
    name: { sv: "Bolagsverket", en: "Swedish Companies Registration Office" },
    description: {
      sv: "Bolagsverket registrerar företag och föreningar och tar emot årsredovisningar. Om du startar aktiebolag eller handelsbolag ska det registreras här, och en enskild firma kan registreras för att skydda firmanamnet. Du kan också söka uppgifter om andra företag.",
      en: "The Companies Registration Office registers companies and associations and receives annual reports. If you start a limited company or a trading partnership it must be registered here, and a sole trader can register to protect the business name. You can also look up information about other companies.",
    },
    url: "https://bolagsverket.se/",
    services: [
      {
        title: { sv: "Registrera företag", en: "Register a business" },
        url: "https://bolagsverket.se/",
        description: {
          sv: "Registreringen görs oftast via verksamt.se, där du samtidigt kan ansöka om F-skatt hos Skatteverket.",
          en: "Registration is usually done through verksamt.se, where you can apply for F-tax approval from the Tax Agency at the same time.",
        },
      },
      {
        title: { sv: "Lämna in årsredovisning", en: "Submit an annual report" },
        url: "https://bolagsverket.se/",
        description: {
          sv: "Aktiebolag ska skicka in årsredovisningen till Bolagsverket efter varje räkenskapsår. Det går att göra digitalt.",
          en: "Limited companies must submit their annual report to the office after each financial year. This can be done online.",
        },
      },
      {
        title: { sv: "Sök uppgifter om företag", en: "Look up company information" },
        url: "https://bolagsverket.se/",
        description: {
          sv: "Ta reda på vem som får företräda ett företag, se registrerade uppgifter och beställ registreringsbevis.",
          en: "Find out who may represent a company, see registered details and order a certificate of registration.",
        },
      },
    ],
  },
  {
    slug: "migrationsverket",
    level: "state",
    name: { sv: "Migrationsverket", en: "Swedish Migration Agency" },
    description: {
      sv: "Migrationsverket prövar ansökningar från personer som vill bo, arbeta eller studera i Sverige, söka skydd här eller bli svenska medborgare. Om du flyttar till Dalsland från ett land utanför EU behöver du oftast uppehållstillstånd innan du kan folkbokföras.",
      en: "The Migration Agency decides on applications from people who want to live, work or study in Sweden, seek protection here or become Swedish citizens. If you move to Dalsland from a country outside the EU, you usually need a residence permit before you can be registered in the population register.",
    },
    url: "https://www.migrationsverket.se/",
    services: [
      {
        title: { sv: "Uppehållstillstånd för arbete", en: "Work permit" },
        url: "https://www.migrationsverket.se/",
        description: {
          sv: "Du som är medborgare i ett land utanför EU behöver arbetstillstånd för att arbeta i Sverige. Ansökan görs oftast innan du reser hit.",
          en: "If you are a citizen of a country outside the EU, you need a work permit to work in Sweden. You usually apply before travelling here.",
        },
      },
      {
        title: { sv: "Flytta till en familjemedlem", en: "Moving to a family member" },
        url: "https://www.migrationsverket.se/",
        description: {
          sv: "Om du har en partner eller förälder som bor i Sverige kan du söka uppehållstillstånd för att flytta hit.",
          en: "If you have a partner or parent living in Sweden, you can apply for a residence permit to move here.",
        },
      },
      {
        title: { sv: "Bli svensk medborgare", en: "Become a Swedish citizen" },
        url: "https://www.migrationsverket.se/",
        description: {
          sv: "Här ansöker du om svenskt medborgarskap och kan läsa om vilka krav som gäller.",
          en: "Apply for Swedish citizenship and read about the requirements.",
        },
      },
    ],
  },
  {
    slug: "naturvardsverket",
    level: "state",
    name: { sv: "Naturvårdsverket", en: "Swedish Environmental Protection Agency" },
    description: {
      sv: "Naturvårdsverket arbetar med miljö, natur och klimat i hela landet. Myndigheten förklarar allemansrätten, ansvarar för nationalparkerna, som Tresticklan i Dals-Eds kommun, och administrerar jaktkort. Den ger också stöd till klimatinvesteringar.",
      en: "The Environmental Protection Agency works with the environment, nature and climate nationwide. It explains the right of public access, is responsible for the national parks, such as Tresticklan in Dals-Ed municipality, and administers hunting licences. It also funds climate investments.",
    },
    url: "https://www.naturvardsverket.se/",
    services: [
      {
        title: { sv: "Allemansrätten", en: "The right of public access" },
        url: "https://www.naturvardsverket.se/",
        description: {
          sv: "Läs vad du får och inte får göra i naturen, till exempel när du tältar, eldar eller paddlar kanot på Dalslands sjöar.",
          en: "Read what you may and may not do in nature, for example when camping, lighting fires or canoeing on Dalsland's lakes.",
        },
      },
      {
        title: { sv: "Jägarexamen och jaktkort", en: "Hunting exam and hunting licence" },
        url: "https://www.naturvardsverket.se/",
        description: {
          sv: "För att jaga i Sverige behöver du jägarexamen och betala statligt jaktkort varje år.",
          en: "To hunt in Sweden you need to pass the hunting exam and pay for the state hunting licence every year.",
        },
      },
      {
        title: { sv: "Nationalparker", en: "National parks" },
        url: "https://www.naturvardsverket.se/",
        description: {
          sv: "Information om Sveriges nationalparker, bland annat Tresticklan med sin orörda skog och sina sprickdalar.",
          en: "Information about Sweden's national parks, including Tresticklan with its untouched forest and rift valleys.",
        },
      },
    ],
  },
  {
    slug: "skolverket",
    level: "state",
    name: { sv: "Skolverket", en: "Swedish National Agency for Education" },
    description: {
      sv: "Skolverket tar fram läroplaner, kursplaner och nationella prov för förskola, skola och vuxenutbildning. Här kan du som förälder läsa om vad ditt barn ska lära sig och vilka rättigheter barnet har i skolan. Klagomål på en skola hanteras i första hand av skolan och kommunen och därefter av Skolinspektionen.",
      en: "The National Agency for Education develops curricula, syllabuses and national tests for preschool, school and adult education. As a parent you can read about what your child should learn and what rights your child has at school. Complaints about a school are handled first by the school and the municipality, and then by the Swedish Schools Inspectorate.",
    },
    url: "https://www.skolverket.se/",
    services: [
      {
        title: { sv: "Utbildningsguiden", en: "The education guide (Utbildningsguiden)" },
        url: "https://utbildningsguiden.skolverket.se/",
        description: {
          sv: "Skolverkets guide för elever och föräldrar om hur skolan fungerar, från förskola till vuxenutbildning. Informationen finns på flera språk.",
          en: "Skolverket's guide for pupils and parents on how the school system works, from preschool to adult education. The information is available in several languages.",
        },
      },
      {
        title: { sv: "Läroplaner och kursplaner", en: "Curricula and syllabuses" },
        url: "https://www.skolverket.se/",
        description: {
          sv: "Läs vad barn och elever ska lära sig i förskolan, förskoleklassen och grundskolan.",
          en: "Read what children and pupils are expected to learn in preschool, preschool class and compulsory school.",
        },
      },
    ],
  },
  {
    slug: "socialstyrelsen",
    level: "state",
    name: { sv: "Socialstyrelsen", en: "National Board of Health and Welfare" },
    description: {
      sv: "Socialstyrelsen tar fram regler och kunskapsstöd för hälso- och sjukvård och socialtjänst, till exempel äldreomsorg och stöd till personer med funktionsnedsättning. Myndigheten ger också legitimation till vårdpersonal och publicerar jämförelser av äldreomsorgen i olika kommuner.",
      en: "The National Board of Health and Welfare issues regulations and guidance for healthcare and social services, such as elderly care and support for people with disabilities. It also licenses healthcare professionals and publishes comparisons of elderly care in different municipalities.",
    },
    url: "https://www.socialstyrelsen.se/",
    services: [
      {
        title: { sv: "Jämför äldreomsorg", en: "Compare elderly care" },
        url: "https://www.socialstyrelsen.se/",
        description: {
          sv: "Se hur äldre personer upplever hemtjänst och särskilt boende i olika kommuner, bland annat i Dalsland.",
          en: "See how older people rate home care and residential care in different municipalities, including those in Dalsland.",
        },
      },
      {
        title: { sv: "Kontrollera vårdpersonals legitimation", en: "Check a healthcare professional's licence" },
        url: "https://www.socialstyrelsen.se/",
        description: {
          sv: "Du kan kontrollera om en läkare, sjuksköterska eller annan yrkesutövare har legitimation.",
          en: "You can check whether a doctor, nurse or other practitioner is licensed.",
        },
      },
    ],
  },
  {
    slug: "livsmedelsverket",
    level: "state",
    name: { sv: "Livsmedelsverket", en: "Swedish Food Agency" },
    description: {
      sv: "Livsmedelsverket arbetar för säker mat och bra dricksvatten och ger råd om bra matvanor. Myndigheten tar fram reglerna för livsmedelsföretag, medan kommunens miljöenhet gör kontrollerna på plats. Många i Dalsland har egen brunn, och Livsmedelsverket ger råd om hur du kontrollerar vattnet.",
      en: "The Food Agency works for safe food and good drinking water and gives advice on healthy eating. It sets the rules for food businesses, while the municipality's environmental unit carries out on-site inspections. Many people in Dalsland have their own well, and the agency advises on how to test the water.",
    },
    url: "https://www.livsmedelsverket.se/",
    services: [
      {
        title: { sv: "Regler för livsmedelsföretag", en: "Rules for food businesses" },
        url: "https://www.livsmedelsverket.se/",
        description: {
          sv: "Vägledning om hygien, märkning och egen kontroll för dig som säljer eller serverar mat. Verksamheten registrerar du hos kommunen.",
          en: "Guidance on hygiene, labelling and self-monitoring if you sell or serve food. You register the business with the municipality.",
        },
      },
      {
        title: { sv: "Dricksvatten från egen brunn", en: "Drinking water from a private well" },
        url: "https://www.livsmedelsverket.se/",
        description: {
          sv: "Råd om hur ofta du bör testa vattnet i din brunn och vad provsvaren betyder.",
          en: "Advice on how often to test the water in your well and what the results mean.",
        },
      },
      {
        title: { sv: "Råd om mat för spädbarn och gravida", en: "Food advice for infants and pregnant women" },
        url: "https://www.livsmedelsverket.se/",
        description: {
          sv: "Livsmedelsverkets kostråd för dig som är gravid eller ammar och för små barn.",
          en: "The agency's dietary advice if you are pregnant or breastfeeding, and for young children.",
        },
      },
    ],
  },
  {
    slug: "pensionsmyndigheten",
    level: "state",
    name: { sv: "Pensionsmyndigheten", en: "Swedish Pensions Agency" },
    description: {
      sv: "Pensionsmyndigheten betalar ut den allmänna pensionen och hjälper dig att planera inför pensionen. Hit vänder du dig också för bostadstillägg som pensionär och för efterlevandepension och barnpension när någon har dött.",
      en: "The Pensions Agency pays the national public pension and helps you plan for retirement. You also turn to it for housing supplement as a pensioner and for survivor's pension and child's pension when someone has died.",
    },
    url: "https://www.pensionsmyndigheten.se/",
    services: [
      {
        title: { sv: "Ansök om allmän pension", en: "Apply for your public pension" },
        url: "https://www.pensionsmyndigheten.se/",
        description: {
          sv: "Pensionen betalas inte ut automatiskt, du måste ansöka. Ansök gärna några månader innan du vill få din första utbetalning.",
          en: "Your pension is not paid automatically – you have to apply. It is best to apply a few months before you want your first payment.",
        },
      },
      {
        title: { sv: "Bostadstillägg", en: "Housing supplement" },
        url: "https://www.pensionsmyndigheten.se/",
        description: {
          sv: "Har du låg pension kan du få bostadstillägg för att klara boendekostnaden.",
          en: "If your pension is low, you may receive a housing supplement to help with housing costs.",
        },
      },
      {
        title: { sv: "Efterlevandepension och barnpension", en: "Survivor's pension and child's pension" },
        url: "https://www.pensionsmyndigheten.se/",
        description: {
          sv: "Efterlevande make, maka, sambo med gemensamma barn och barn kan ha rätt till pension när någon dör.",
          en: "A surviving spouse, a cohabiting partner with shared children, and children may be entitled to a pension when someone dies.",
        },
      },
    ],
  },
  {
    slug: "verksamt",
    level: "state",
    name: { sv: "Verksamt.se", en: "Verksamt.se – the business portal" },
    description: {
      sv: "Verksamt.se är myndigheternas gemensamma webbplats för dig som vill starta, driva eller utveckla ett företag. Bakom den står bland annat Bolagsverket, Skatteverket och Tillväxtverket. Här kan du registrera företaget och ansöka om F-skatt i samma e-tjänst.",
      en: "Verksamt.se is the authorities' joint website for anyone who wants to start, run or grow a business. It is run by the Companies Registration Office, the Tax Agency and the Agency for Economic and Regional Growth, among others. You can register your business and apply for F-tax approval in the same e-service.",
    },
    url: "https://verksamt.se/",
    services: [
      {
        title: { sv: "Starta företag steg för steg", en: "Starting a business step by step" },
        url: "https://verksamt.se/",
        description: {
          sv: "Vägledning om företagsformer, affärsplan, tillstånd och vad du behöver anmäla till olika myndigheter.",
          en: "Guidance on business forms, business plans, permits and what you need to report to different authorities.",
        },
      },
      {
        title: { sv: "Registrera företaget och ansök om F-skatt", en: "Register your business and apply for F-tax" },
        url: "https://verksamt.se/",
        description: {
          sv: "En gemensam e-tjänst för registrering hos Bolagsverket och Skatteverket.",
          en: "A joint e-service for registration with the Companies Registration Office and the Tax Agency.",
        },
      },
    ],
  },
  {
    slug: "konsumentverket",
    level: "state",
    name: { sv: "Konsumentverket / Hallå konsument", en: "Swedish Consumer Agency / Hallå konsument" },
    description: {
      sv: "Konsumentverket arbetar för att konsumenter ska ha en stark ställning och kunna göra trygga val. Genom tjänsten Hallå konsument kan du få opartisk vägledning om dina rättigheter när du har köpt en vara eller tjänst. Kommunerna i Dalsland erbjuder också lokal konsumentvägledning.",
      en: "The Consumer Agency works to give consumers a strong position and help them make safe choices. Through the Hallå konsument service you can get impartial guidance on your rights after buying goods or services. The Dalsland municipalities also offer local consumer advice.",
    },
    url: "https://www.konsumentverket.se/",
    services: [
      {
        title: { sv: "Hallå konsument", en: "Hallå konsument" },
        url: "https://www.hallakonsument.se/",
        description: {
          sv: "Få svar på frågor om reklamation, ångerrätt, avtal och hantverkare via webb, telefon eller chatt.",
          en: "Get answers to questions about complaints, the right of withdrawal, contracts and tradespeople online, by phone or chat.",
        },
      },
      {
        title: { sv: "Anlita hantverkare", en: "Hiring tradespeople" },
        url: "https://www.hallakonsument.se/",
        description: {
          sv: "Tips om avtal, offerter och vad som gäller om arbetet blir fel, till exempel när du bygger eller renoverar.",
          en: "Tips on contracts, quotes and what applies if the work goes wrong, for example when you build or renovate.",
        },
      },
    ],
  },
  {
    slug: "trafikverket",
    level: "state",
    name: { sv: "Trafikverket", en: "Swedish Transport Administration" },
    description: {
      sv: "Trafikverket bygger och sköter de statliga vägarna och järnvägarna, i Dalsland till exempel E45 och Norge/Vänerbanan. Myndigheten ansvarar också för förarprov för körkort och ger bidrag till enskilda vägar.",
      en: "The Transport Administration builds and maintains state roads and railways – in Dalsland, for example, the E45 and the Norway/Vänern railway line. It is also responsible for driving tests and provides grants for private roads.",
    },
    url: "https://www.trafikverket.se/",
    services: [
      {
        title: { sv: "Boka förarprov", en: "Book a driving test" },
        url: "https://fp.trafikverket.se/boka/",
        description: {
          sv: "Boka kunskapsprov och körprov för körkort. Du behöver ett giltigt körkortstillstånd från Transportstyrelsen.",
          en: "Book the theory test and driving test. You need a valid learner's permit from the Transport Agency.",
        },
      },
      {
        title: { sv: "Trafikinformation", en: "Traffic information" },
        url: "https://www.trafikverket.se/",
        description: {
          sv: "Se vägarbeten, olyckor och väglag på statliga vägar innan du ger dig ut.",
          en: "Check roadworks, accidents and road conditions on state roads before you set off.",
        },
      },
      {
        title: { sv: "Bidrag till enskilda vägar", en: "Grants for private roads" },
        url: "https://www.trafikverket.se/",
        description: {
          sv: "Många vägar på landsbygden i Dalsland sköts av vägföreningar. De kan söka statligt bidrag till drift och förbättringar.",
          en: "Many rural roads in Dalsland are maintained by road associations. They can apply for state grants for maintenance and improvements.",
        },
      },
    ],
  },

  // ---------------------------------------------------------------- EU
  {
    slug: "your-europe",
    level: "eu",
    name: { sv: "Ditt Europa (Your Europe)", en: "Your Europe" },
    description: {
      sv: "Ditt Europa är EU:s webbplats om dina rättigheter när du bor, arbetar, studerar, reser eller driver företag i ett annat EU-land. Här finns praktisk information om till exempel sjukvård, körkort, pension och skatter, och länkar till rätt myndighet i varje land.",
      en: "Your Europe is the EU's website about your rights when you live, work, study, travel or do business in another EU country. It has practical information on topics such as healthcare, driving licences, pensions and taxes, with links to the right authority in each country.",
    },
    url: "https://europa.eu/youreurope/",
    services: [
      {
        title: { sv: "För privatpersoner", en: "For citizens" },
        url: "https://europa.eu/youreurope/citizens/index_sv.htm",
        description: {
          sv: "Resor, arbete, boende, utbildning, sjukvård och familj när du flyttar till eller från ett annat EU-land.",
          en: "Travel, work, housing, education, healthcare and family matters when you move within the EU.",
        },
      },
      {
        title: { sv: "För företag", en: "For businesses" },
        url: "https://europa.eu/youreurope/business/index_sv.htm",
        description: {
          sv: "Vad som gäller när du säljer varor eller tjänster till andra EU-länder, anställer personal därifrån eller startar verksamhet där.",
          en: "What applies when you sell goods or services to other EU countries, hire staff from there or set up business there.",
        },
      },
    ],
  },
  {
    slug: "europa-eu",
    level: "eu",
    name: { sv: "Europeiska unionen – europa.eu", en: "European Union – europa.eu" },
    description: {
      sv: "Europa.eu är EU:s officiella webbplats med information om hur EU fungerar, vad EU beslutar och hur du kan kontakta EU. Här hittar du också EU:s tjänster för jobb, studier och ungdomsutbyten i andra länder.",
      en: "Europa.eu is the EU's official website with information on how the EU works, what it decides and how you can contact it. You will also find the EU's services for jobs, studies and youth exchanges in other countries.",
    },
    url: "https://european-union.europa.eu/index_sv",
    services: [
      {
        title: { sv: "Eures – jobba i Europa", en: "EURES – working in Europe" },
        url: "https://eures.europa.eu/",
        description: {
          sv: "EU:s jobbportal med lediga jobb i hela EU/EES och råd om att flytta för att arbeta.",
          en: "The EU's job portal with vacancies across the EU/EEA and advice on moving for work.",
        },
      },
      {
        title: { sv: "Europass", en: "Europass" },
        url: "https://europass.europa.eu/",
        description: {
          sv: "Skapa ett CV och beskriv dina kunskaper på ett sätt som förstås i hela Europa.",
          en: "Create a CV and describe your skills in a way that is understood throughout Europe.",
        },
      },
      {
        title: { sv: "Europeiska ungdomsportalen", en: "European Youth Portal" },
        url: "https://youth.europa.eu/",
        description: {
          sv: "Möjligheter för unga att studera, volontärarbeta eller göra utbyte i ett annat land.",
          en: "Opportunities for young people to study, volunteer or take part in exchanges in another country.",
        },
      },
    ],
  },
  {
    slug: "single-digital-gateway",
    level: "eu",
    name: { sv: "EU:s gemensamma digitala ingång", en: "EU single digital gateway" },
    description: {
      sv: "Den gemensamma digitala ingången är ett EU-samarbete som gör att du ska kunna hitta information och sköta vanliga myndighetsärenden på nätet även i andra EU-länder. Webbplatsen Ditt Europa är ingången för medborgare och företag, och länkar till nationella e-tjänster som till exempel flyttanmälan och företagsregistrering.",
      en: "The single digital gateway is an EU initiative that lets you find information and complete common administrative procedures online in other EU countries too. The Your Europe website is the entry point for citizens and businesses and links to national e-services such as address registration and business registration.",
    },
    url: "https://single-market-economy.ec.europa.eu/single-market/single-digital-gateway_en",
    services: [
      {
        title: { sv: "Ärenden på nätet i hela EU", en: "Procedures online across the EU" },
        url: "https://europa.eu/youreurope/",
        description: {
          sv: "Hitta e-tjänster i andra EU-länder för till exempel flytt, studier, arbete och pension.",
          en: "Find e-services in other EU countries for moving, studying, working and retiring.",
        },
      },
      {
        title: { sv: "Få hjälp när något krånglar", en: "Get help when something goes wrong" },
        url: "https://single-market-economy.ec.europa.eu/single-market/single-digital-gateway_en",
        description: {
          sv: "Via ingången hittar du EU:s hjälp- och problemlösningstjänster, som Ditt Europa – Rådgivning och Solvit, om en myndighet i ett annat land inte följer EU-reglerna.",
          en: "Through the gateway you can find the EU's assistance and problem-solving services, such as Your Europe Advice and SOLVIT, if an authority in another country does not follow EU rules.",
        },
      },
    ],
  },
];
