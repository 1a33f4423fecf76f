/**
 * Life-event guides ("livshändelser"): ordered steps across the municipality and other
 * authorities for common situations. Example content, marked `example: true`.
 *
 * Municipal steps reference service slugs and form ids that the seed creates;
 * authority steps reference slugs in authorities.ts. Pure data: no imports from the app.
 */
import type { Bilingual } from "./types";

export type LifeEventActor =
  { kind: "municipality"; serviceSlug?: string; formId?: string } | { kind: "authority"; authoritySlug: string };

export interface LifeEventStep {
  title: Bilingual;
  /** One to three sentences: who does what, and when. */
  body: Bilingual;
  actor: LifeEventActor;
}

export interface SeedLifeEvent {
  slug: string;
  title: Bilingual;
  summary: Bilingual;
  steps: LifeEventStep[];
  example: true;
}

const municipality = (serviceSlug?: string, formId?: string): LifeEventActor => ({
  kind: "municipality",
  ...(serviceSlug ? { serviceSlug } : {}),
  ...(formId ? { formId } : {}),
});

const authority = (authoritySlug: string): LifeEventActor => ({ kind: "authority", authoritySlug });

export const seedLifeEvents: SeedLifeEvent[] = [
  // ------------------------------------------------------------------ moving
  {
    slug: "flytta-till-dalsland",
    title: { sv: "Flytta till Dalsland", en: "Moving to Dalsland" },
    summary: {
      sv: "Det här behöver du tänka på när du flyttar till Bengtsfors, Dals-Ed, Färgelanda, Mellerud eller Åmål – från anmälan om flytt till förskola, skola, vatten och sophämtning.",
      en: "What to think about when you move to Bengtsfors, Dals-Ed, Färgelanda, Mellerud or Åmål – from reporting your move to preschool, school, water and waste collection.",
    },
    steps: [
      {
        title: { sv: "Flyttar du från ett annat land?", en: "Moving from another country?" },
        body: {
          sv: "Kommer du från ett land utanför EU behöver du oftast uppehållstillstånd från Migrationsverket innan du flyttar hit. Är du EU-medborgare kan du läsa om dina rättigheter på Ditt Europa.",
          en: "If you are coming from a country outside the EU, you usually need a residence permit from the Migration Agency before you move here. If you are an EU citizen, you can read about your rights on Your Europe.",
        },
        actor: authority("migrationsverket"),
      },
      {
        title: { sv: "Ansök om förskola i god tid", en: "Apply for preschool in good time" },
        body: {
          sv: "Har du barn mellan ett och fem år ansöker du om förskoleplats hos din nya kommun så snart du vet att ni ska flytta. Kommunen ska erbjuda en plats inom fyra månader från att du har ansökt.",
          en: "If you have children aged one to five, apply for a preschool place with your new municipality as soon as you know you are moving. The municipality must offer a place within four months of your application.",
        },
        actor: municipality("forskola", "forskola-ansokan"),
      },
      {
        title: { sv: "Ordna skolplats", en: "Arrange a school place" },
        body: {
          sv: "Har du barn i skolåldern kontaktar du kommunen för att få plats i en skola nära er nya adress. Kommunen berättar också om barnet har rätt till skolskjuts.",
          en: "If you have school-age children, contact the municipality to get a place at a school near your new address. The municipality will also tell you whether your child is entitled to school transport.",
        },
        actor: municipality("byte-av-skola"),
      },
      {
        title: { sv: "Anmäl flytten till Skatteverket", en: "Report your move to the Tax Agency" },
        body: {
          sv: "Du ska anmäla flytten till Skatteverket senast en vecka efter att du har flyttat. Din nya adress förs sedan automatiskt vidare till bland annat kommunen, Försäkringskassan och vården.",
          en: "You must report your move to the Tax Agency no later than one week after moving. Your new address is then automatically passed on to the municipality, the Social Insurance Agency and healthcare providers, among others.",
        },
        actor: authority("skatteverket"),
      },
      {
        title: { sv: "Har du köpt hus? Sök lagfart", en: "Bought a house? Apply for title registration" },
        body: {
          sv: "Den som köper en fastighet ska söka lagfart hos Lantmäteriet inom tre månader efter köpet. Ofta hjälper banken eller mäklaren till med ansökan.",
          en: "Anyone who buys a property must apply to Lantmäteriet for title registration within three months of the purchase. The bank or estate agent often helps with the application.",
        },
        actor: authority("lantmateriet"),
      },
      {
        title: { sv: "Sophämtning, vatten och avlopp", en: "Waste collection, water and sewage" },
        body: {
          sv: "När du äger ett hus står du för abonnemanget för sophämtning, och för vatten och avlopp om huset är anslutet till det kommunala nätet. Meddela kommunen att du har tagit över så att fakturorna kommer till dig.",
          en: "When you own a house, you are responsible for the waste collection subscription, and for water and sewage if the house is connected to the municipal network. Tell the municipality you have taken over so that the invoices come to you.",
        },
        actor: municipality("avfall-och-sophamtning"),
      },
      {
        title: { sv: "Välj vårdcentral", en: "Choose a health centre" },
        body: {
          sv: "Du väljer själv vilken vårdcentral du vill vara listad på. Det gör du enklast genom att logga in på 1177, där du också hittar närmaste barnavårdscentral och tandvård.",
          en: "You choose which health centre you want to be registered with. The easiest way is to log in to 1177, where you can also find the nearest child health centre and dental clinic.",
        },
        actor: authority("vardguiden-1177"),
      },
      {
        title: { sv: "Söker du jobb?", en: "Looking for work?" },
        body: {
          sv: "I Platsbanken hittar du lediga jobb i Dalsland och hela landet. Är du utan arbete skriver du in dig hos Arbetsförmedlingen.",
          en: "Platsbanken lists vacancies in Dalsland and across Sweden. If you are out of work, register with the Public Employment Service.",
        },
        actor: authority("arbetsformedlingen"),
      },
      {
        title: { sv: "Skaffa lånekort på biblioteket", en: "Get a library card" },
        body: {
          sv: "Ta med legitimation till biblioteket så får du ett lånekort. Biblioteket är också ett bra ställe att få tips om föreningar och aktiviteter i din nya kommun.",
          en: "Bring identification to the library to get a library card. The library is also a good place to find out about clubs and activities in your new municipality.",
        },
        actor: municipality("bibliotek"),
      },
    ],
    example: true,
  },

  // ------------------------------------------------------------------ baby
  {
    slug: "vi-ska-fa-barn",
    title: { sv: "Vi ska få barn", en: "Having a baby" },
    summary: {
      sv: "Från graviditet till förskola: vilka kontakter du har med vården, Försäkringskassan, Skatteverket och kommunen när ni ska få barn.",
      en: "From pregnancy to preschool: the contacts you will have with healthcare, the Social Insurance Agency, the Tax Agency and the municipality when you are having a baby.",
    },
    steps: [
      {
        title: { sv: "Kontakta barnmorskemottagningen", en: "Contact a maternity clinic" },
        body: {
          sv: "När du vet att du är gravid kontaktar du en barnmorskemottagning. Du hittar närmaste mottagning på 1177, och barnmorskan följer dig under hela graviditeten.",
          en: "When you know you are pregnant, contact a maternity clinic. You can find the nearest one on 1177, and the midwife will follow you throughout the pregnancy.",
        },
        actor: authority("vardguiden-1177"),
      },
      {
        title: { sv: "Planera föräldraledigheten", en: "Plan your parental leave" },
        body: {
          sv: "Har du ett fysiskt ansträngande arbete kan du ha rätt till graviditetspenning under slutet av graviditeten. Planera också föräldraledigheten och ansök om föräldrapenning hos Försäkringskassan i god tid.",
          en: "If your job is physically demanding, you may be entitled to pregnancy benefit towards the end of the pregnancy. Also plan your parental leave and apply for parental benefit from the Social Insurance Agency in good time.",
        },
        actor: authority("forsakringskassan"),
      },
      {
        title: { sv: "Bekräfta föräldraskapet om ni inte är gifta", en: "Confirm parenthood if you are not married" },
        body: {
          sv: "Är ni inte gifta med varandra behöver föräldraskapet bekräftas. Det kan ni göra digitalt, före eller efter födseln, eller genom att boka tid hos familjerätten i kommunens socialtjänst.",
          en: "If you are not married to each other, parenthood needs to be confirmed. You can do this online, before or after the birth, or by booking an appointment with the family law unit in the municipality's social services.",
        },
        actor: municipality(),
      },
      {
        title: { sv: "Barnet folkbokförs – anmäl namnet", en: "The child is registered – report the name" },
        body: {
          sv: "Barnet folkbokförs automatiskt efter födseln och får ett personnummer. Ni ska anmäla barnets namn till Skatteverket inom tre månader.",
          en: "The child is automatically registered after birth and receives a personal identity number. You must report the child's name to the Tax Agency within three months.",
        },
        actor: authority("skatteverket"),
      },
      {
        title: { sv: "Barnavårdscentralen (BVC)", en: "The child health centre (BVC)" },
        body: {
          sv: "Efter hemkomsten hör barnavårdscentralen av sig och erbjuder ett hembesök. BVC, som drivs av Västra Götalandsregionen, följer barnets hälsa och utveckling och ger vaccinationer.",
          en: "After you come home, the child health centre will contact you and offer a home visit. The centre, run by Region Västra Götaland, follows your child's health and development and gives vaccinations.",
        },
        actor: authority("vastra-gotalandsregionen"),
      },
      {
        title: { sv: "Barnbidraget kommer automatiskt", en: "Child allowance is paid automatically" },
        body: {
          sv: "Barnbidraget betalas ut automatiskt från månaden efter födseln. Vill ni dela på bidraget mellan er anmäler ni det till Försäkringskassan.",
          en: "Child allowance is paid automatically from the month after the birth. If you want to split it between you, notify the Social Insurance Agency.",
        },
        actor: authority("forsakringskassan"),
      },
      {
        title: { sv: "Ansök om förskola", en: "Apply for preschool" },
        body: {
          sv: "Barn kan börja i förskola från ett års ålder. Ansök hos kommunen senast fyra månader innan ni behöver platsen; i vissa kommuner finns också pedagogisk omsorg som alternativ.",
          en: "Children can start preschool from the age of one. Apply to the municipality at least four months before you need the place; some municipalities also offer family day care as an alternative.",
        },
        actor: municipality("forskola", "forskola-ansokan"),
      },
      {
        title: { sv: "Pass om ni ska resa", en: "A passport if you are travelling" },
        body: {
          sv: "Ska ni resa utomlands behöver barnet ett eget pass. Ansökan görs hos Polisen, och båda vårdnadshavarna behöver godkänna den.",
          en: "If you are travelling abroad, the child needs its own passport. You apply to the Police, and both guardians must give their consent.",
        },
        actor: authority("polisen"),
      },
    ],
    example: true,
  },

  // ------------------------------------------------------------------ business
  {
    slug: "starta-foretag",
    title: { sv: "Starta företag", en: "Starting a business" },
    summary: {
      sv: "Steg för steg från idé till registrerat företag, med kommunens näringslivsrådgivning och de tillstånd och registreringar du kan behöva.",
      en: "Step by step from idea to registered business, with the municipality's business advice and the permits and registrations you may need.",
    },
    steps: [
      {
        title: { sv: "Prata med kommunens näringslivsrådgivare", en: "Talk to the municipality's business adviser" },
        body: {
          sv: "Boka ett kostnadsfritt samtal med näringslivsrådgivaren i din kommun. Du får hjälp att komma vidare med affärsidén och tips om lokaler, nätverk och finansiering i Dalsland.",
          en: "Book a free meeting with the business adviser in your municipality. You will get help developing your business idea and tips on premises, networks and funding in Dalsland.",
        },
        actor: municipality("naringslivsradgivning"),
      },
      {
        title: { sv: "Välj företagsform och gör en plan", en: "Choose a business form and make a plan" },
        body: {
          sv: "På verksamt.se kan du jämföra företagsformer som enskild firma och aktiebolag och göra en enkel affärsplan. Där ser du också vilka tillstånd din bransch behöver.",
          en: "On verksamt.se you can compare business forms such as sole trader and limited company and draw up a simple business plan. You can also see which permits your industry needs.",
        },
        actor: authority("verksamt"),
      },
      {
        title: {
          sv: "Är du arbetssökande? Sök stöd innan du startar",
          en: "Job seeker? Apply for support before you start",
        },
        body: {
          sv: "Är du inskriven på Arbetsförmedlingen kan du i vissa fall få stöd under den första tiden som företagare. Stödet måste vara beviljat innan företaget startar.",
          en: "If you are registered with the Public Employment Service, you may in some cases receive support during your first period as a business owner. The support must be granted before the business starts.",
        },
        actor: authority("arbetsformedlingen"),
      },
      {
        title: { sv: "Registrera företaget", en: "Register the business" },
        body: {
          sv: "Aktiebolag och handelsbolag ska registreras hos Bolagsverket, medan enskild firma kan registreras för att skydda namnet. Registreringen görs enklast via verksamt.se.",
          en: "Limited companies and trading partnerships must be registered with the Companies Registration Office, while a sole trader can register to protect the business name. It is easiest to register via verksamt.se.",
        },
        actor: authority("bolagsverket"),
      },
      {
        title: { sv: "Ansök om F-skatt och registrera moms", en: "Apply for F-tax and register for VAT" },
        body: {
          sv: "Ansök om F-skatt hos Skatteverket och registrera dig för moms och som arbetsgivare om det behövs. Gör det gärna samtidigt som du registrerar företaget.",
          en: "Apply for F-tax approval from the Tax Agency and register for VAT and as an employer if needed. It is a good idea to do this at the same time as you register the business.",
        },
        actor: authority("skatteverket"),
      },
      {
        title: { sv: "Ska du hantera mat? Registrera verksamheten", en: "Handling food? Register the business" },
        body: {
          sv: "Säljer, tillverkar eller serverar du livsmedel ska verksamheten registreras hos kommunens miljöenhet senast två veckor innan du startar. Livsmedelsverkets vägledning hjälper dig med hygien och egen kontroll.",
          en: "If you sell, produce or serve food, the business must be registered with the municipality's environmental unit at least two weeks before you start. The Food Agency's guidance helps you with hygiene and self-monitoring.",
        },
        actor: municipality("livsmedelsregistrering"),
      },
      {
        title: { sv: "Serveringstillstånd för alkohol", en: "Alcohol licence" },
        body: {
          sv: "Vill du servera alkohol i din restaurang eller på ett evenemang ansöker du om serveringstillstånd hos kommunen. Ansök i god tid, eftersom utredningen kan ta flera veckor.",
          en: "If you want to serve alcohol at your restaurant or at an event, apply to the municipality for a licence. Apply in good time, as the investigation can take several weeks.",
        },
        actor: municipality("serveringstillstand"),
      },
      {
        title: { sv: "Säljer du till andra EU-länder?", en: "Selling to other EU countries?" },
        body: {
          sv: "Ditt Europa förklarar vad som gäller för moms, märkning och tjänster när du säljer till kunder i andra EU-länder.",
          en: "Your Europe explains the rules on VAT, labelling and services when you sell to customers in other EU countries.",
        },
        actor: authority("your-europe"),
      },
    ],
    example: true,
  },

  // ------------------------------------------------------------------ building
  {
    slug: "bygga-eget-hus",
    title: { sv: "Bygga eget hus", en: "Building your own house" },
    summary: {
      sv: "Från tomt till inflyttning: vad du behöver ordna med kommunen, Lantmäteriet och Länsstyrelsen när du bygger ett nytt bostadshus.",
      en: "From plot to moving in: what you need to arrange with the municipality, Lantmäteriet and the County Administrative Board when you build a new house.",
    },
    steps: [
      {
        title: { sv: "Fråga kommunen tidigt om tomten", en: "Ask the municipality about the plot early" },
        body: {
          sv: "Kontakta kommunens bygglovshandläggare innan du köper eller planerar tomten. De berättar om det finns en detaljplan och om du behöver söka förhandsbesked för att bygga utanför planlagt område.",
          en: "Contact the municipality's building permit officers before you buy or plan the plot. They will tell you whether there is a detailed development plan and whether you need an advance ruling to build outside a planned area.",
        },
        actor: municipality("bygglov-nybyggnad"),
      },
      {
        title: { sv: "Bilda en egen fastighet", en: "Create a separate property" },
        body: {
          sv: "Ska tomten styckas av från en större fastighet ansöker du om lantmäteriförrättning hos Lantmäteriet. När du har köpt tomten söker du lagfart inom tre månader.",
          en: "If the plot is to be split off from a larger property, you apply to Lantmäteriet for a cadastral procedure. Once you have bought the plot, apply for title registration within three months.",
        },
        actor: authority("lantmateriet"),
      },
      {
        title: { sv: "Nära vatten? Kontrollera strandskyddet", en: "Near water? Check shoreline protection" },
        body: {
          sv: "I Dalsland ligger många tomter nära sjöar och vattendrag där strandskydd gäller. Dispens söker du oftast hos kommunen, men inom naturreservat beslutar Länsstyrelsen, som också granskar kommunens beslut.",
          en: "In Dalsland many plots lie near lakes and watercourses where shoreline protection applies. You usually apply to the municipality for an exemption, but inside nature reserves the County Administrative Board decides, and it also reviews the municipality's decisions.",
        },
        actor: authority("lansstyrelsen-vastra-gotaland"),
      },
      {
        title: { sv: "Planera vatten och avlopp", en: "Plan water and sewage" },
        body: {
          sv: "Ligger tomten utanför det kommunala vatten- och avloppsnätet behöver du ett enskilt avlopp, som du söker tillstånd för eller anmäler till kommunens miljöenhet innan du bygger. Inom verksamhetsområdet ansöker du i stället om anslutning till det kommunala nätet.",
          en: "If the plot is outside the municipal water and sewage network, you need a private sewage system, which you must apply for or report to the municipality's environmental unit before building. Inside the service area, you apply to connect to the municipal network instead.",
        },
        actor: municipality("enskilt-avlopp", "anmalan-enskilt-avlopp"),
      },
      {
        title: { sv: "Sök bygglov", en: "Apply for a building permit" },
        body: {
          sv: "Skicka in ansökan med situationsplan, ritningar och uppgift om kontrollansvarig. Kommunen ska fatta beslut inom tio veckor från att ansökan är komplett, och du får inte börja bygga förrän du har fått startbesked.",
          en: "Submit your application with a site plan, drawings and details of your certified quality controller. The municipality must decide within ten weeks of receiving a complete application, and you may not start building until you have received start approval.",
        },
        actor: municipality("bygglov-nybyggnad", "bygglov-ansokan"),
      },
      {
        title: { sv: "Tekniskt samråd och startbesked", en: "Technical consultation and start approval" },
        body: {
          sv: "För ett nytt bostadshus håller kommunen oftast ett tekniskt samråd där ni går igenom kontrollplanen. När kontrollplanen är fastställd får du startbesked och kan börja bygga.",
          en: "For a new house, the municipality usually holds a technical consultation where you go through the inspection plan. Once the plan is approved, you receive start approval and may begin building.",
        },
        actor: municipality("bygglov-nybyggnad"),
      },
      {
        title: { sv: "Anmäl bergvärme eller jordvärme", en: "Report a ground-source heat pump" },
        body: {
          sv: "Ska du värma huset med bergvärme eller jordvärme behöver du oftast anmäla värmepumpen till kommunens miljöenhet innan borrningen eller grävningen börjar.",
          en: "If you plan to heat the house with a rock or ground-source heat pump, you usually need to report the heat pump to the municipality's environmental unit before drilling or digging begins.",
        },
        actor: municipality(undefined, "anmalan-varmepump"),
      },
      {
        title: { sv: "Slutbesked innan du flyttar in", en: "Completion certificate before you move in" },
        body: {
          sv: "När huset är klart lämnar kontrollansvarig in sitt utlåtande och du begär slutbesked. Du får inte flytta in förrän kommunen har gett slutbesked.",
          en: "When the house is finished, the certified quality controller submits a statement and you request a completion certificate. You may not move in until the municipality has issued it.",
        },
        actor: municipality("bygglov-nybyggnad"),
      },
      {
        title: { sv: "Anmäl flytt och beställ sophämtning", en: "Report your move and order waste collection" },
        body: {
          sv: "Anmäl flytten till Skatteverket senast en vecka efter att du har flyttat in. Kom också ihåg att beställa sophämtning hos kommunen.",
          en: "Report your move to the Tax Agency no later than one week after moving in. Remember to order waste collection from the municipality as well.",
        },
        actor: authority("skatteverket"),
      },
    ],
    example: true,
  },

  // ------------------------------------------------------------------ death
  {
    slug: "nar-nagon-har-dott",
    title: { sv: "När någon har dött", en: "When someone has died" },
    summary: {
      sv: "En översikt över vad som behöver göras när en närstående har dött – och vem som gör vad. Ta det i din egen takt; mycket sköts automatiskt.",
      en: "An overview of what needs to be done when someone close to you has died – and who does what. Take it at your own pace; much is handled automatically.",
    },
    steps: [
      {
        title: { sv: "Dödsfallet registreras", en: "The death is registered" },
        body: {
          sv: "Läkaren anmäler dödsfallet till Skatteverket, så det behöver du inte göra själv. Som anhörig kan du beställa ett dödsfallsintyg med släktutredning, som behövs i kontakter med bland annat banken.",
          en: "The doctor reports the death to the Tax Agency, so you do not need to. As a relative you can order a death certificate with a family tree, which you will need when dealing with the bank, among others.",
        },
        actor: authority("skatteverket"),
      },
      {
        title: { sv: "Om pengarna inte räcker till begravningen", en: "If the money does not cover the funeral" },
        body: {
          sv: "Begravning eller kremering ska ske inom en månad efter dödsfallet. Räcker inte dödsboets tillgångar till begravningen kan du kontakta kommunens socialtjänst, som kan göra en dödsboanmälan och pröva bistånd till begravningskostnaden.",
          en: "Burial or cremation must take place within one month of the death. If the estate's assets do not cover the funeral, contact the municipality's social services, who can file an estate notification and consider financial assistance for the funeral costs.",
        },
        actor: municipality("ekonomiskt-bistand"),
      },
      {
        title: { sv: "Gör en bouppteckning", en: "Draw up an estate inventory" },
        body: {
          sv: "Bouppteckningen ska förrättas inom tre månader efter dödsfallet och skickas till Skatteverket senast en månad efter förrättningen. Behöver du mer tid kan du ansöka om anstånd.",
          en: "The estate inventory must be drawn up within three months of the death and sent to the Tax Agency no later than one month after that. If you need more time, you can apply for an extension.",
        },
        actor: authority("skatteverket"),
      },
      {
        title: { sv: "Efterlevandepension och barnpension", en: "Survivor's pension and child's pension" },
        body: {
          sv: "Efterlevande make, maka eller sambo med gemensamma barn, och barn till den som dött, kan ha rätt till pension. Kontakta Pensionsmyndigheten för att se vad som gäller och hur du ansöker.",
          en: "A surviving spouse or cohabiting partner with shared children, and the children of the person who died, may be entitled to a pension. Contact the Pensions Agency to find out what applies and how to apply.",
        },
        actor: authority("pensionsmyndigheten"),
      },
      {
        title: {
          sv: "Meddela Försäkringskassan om din ekonomi ändras",
          en: "Tell the Social Insurance Agency if your finances change",
        },
        body: {
          sv: "Ersättningar till den som har dött upphör automatiskt. Om hushållets inkomst ändras kan det påverka till exempel bostadsbidrag, så meddela Försäkringskassan.",
          en: "Benefits paid to the person who died stop automatically. If your household income changes, it may affect things like housing allowance, so let the Social Insurance Agency know.",
        },
        actor: authority("forsakringskassan"),
      },
      {
        title: { sv: "Avsluta kommunala insatser", en: "End municipal support services" },
        body: {
          sv: "Hade den som dött hemtjänst, trygghetslarm eller färdtjänst avslutas insatserna. Kontakta kommunen om hjälpmedel eller larm ska hämtas från bostaden.",
          en: "If the person who died had home care, a personal alarm or transport service, these are ended. Contact the municipality if aids or alarms need to be collected from the home.",
        },
        actor: municipality("hemtjanst"),
      },
      {
        title: { sv: "Huset: sophämtning, vatten och avlopp", en: "The house: waste collection, water and sewage" },
        body: {
          sv: "Om dödsboet äger ett hus fortsätter abonnemangen för sophämtning och vatten tills vidare. Meddela kommunen vem som är kontaktperson för dödsboet och när huset byter ägare.",
          en: "If the estate owns a house, the subscriptions for waste collection and water continue for the time being. Tell the municipality who the contact person for the estate is and when the house changes owner.",
        },
        actor: municipality("avfall-och-sophamtning"),
      },
      {
        title: { sv: "Lagfart för ärvd fastighet", en: "Title registration for inherited property" },
        body: {
          sv: "När arvskiftet är klart ska den som tar över en fastighet söka lagfart hos Lantmäteriet inom tre månader.",
          en: "Once the estate has been distributed, the person taking over a property must apply to Lantmäteriet for title registration within three months.",
        },
        actor: authority("lantmateriet"),
      },
      {
        title: { sv: "Bil och andra fordon", en: "Cars and other vehicles" },
        body: {
          sv: "Fordon står kvar på dödsboet tills de säljs eller skiftas. Då anmäls ägarbytet till Transportstyrelsen, och fordon som inte används kan ställas av.",
          en: "Vehicles remain registered to the estate until they are sold or distributed. The change of ownership is then reported to the Transport Agency, and vehicles that are not used can be deregistered.",
        },
        actor: authority("transportstyrelsen"),
      },
    ],
    example: true,
  },

  // ------------------------------------------------------------------ school
  {
    slug: "borja-skolan",
    title: { sv: "Börja skolan", en: "Starting school" },
    summary: {
      sv: "Förskoleklass är obligatorisk från hösten det år barnet fyller sex. Så går skolvalet till, och det här behöver du ordna med fritidshem och skolskjuts.",
      en: "Preschool class is compulsory from the autumn of the year a child turns six. Here is how school choice works, and what you need to arrange for after-school care and school transport.",
    },
    steps: [
      {
        title: {
          sv: "Kontrollera att barnet är folkbokfört rätt",
          en: "Check that your child is registered at the right address",
        },
        body: {
          sv: "Kommunen utgår från var barnet är folkbokfört när skolplatserna fördelas. Ska ni flytta, anmäl flytten till Skatteverket i god tid.",
          en: "The municipality allocates school places based on where your child is registered. If you are moving, report the move to the Tax Agency in good time.",
        },
        actor: authority("skatteverket"),
      },
      {
        title: { sv: "Läs om förskoleklassen", en: "Read about preschool class" },
        body: {
          sv: "Förskoleklassen är ett år mellan förskolan och årskurs 1 där barnet lär sig genom lek och skapande. Skolverkets Utbildningsguiden förklarar hur skolan fungerar, på flera språk.",
          en: "Preschool class is a year between preschool and year 1 where children learn through play and creativity. Skolverket's Utbildningsguiden explains how school works, in several languages.",
        },
        actor: authority("skolverket"),
      },
      {
        title: { sv: "Gör skolvalet", en: "Make your school choice" },
        body: {
          sv: "Under vintern innan barnet börjar får du information från kommunen, och sedan gör du skolvalet i e-tjänsten. Gör du inget val placeras barnet i en skola nära hemmet.",
          en: "During the winter before your child starts, the municipality sends you information, and you then make your school choice in the e-service. If you do not choose, your child is placed at a school near your home.",
        },
        actor: municipality("skolval-forskoleklass", "skolval-ansokan"),
      },
      {
        title: { sv: "Ansök om fritidshem", en: "Apply for after-school care" },
        body: {
          sv: "Arbetar eller studerar du kan barnet gå på fritidshem före och efter skoldagen och på loven. Ansök hos kommunen i god tid före skolstarten.",
          en: "If you work or study, your child can attend after-school care before and after the school day and during holidays. Apply to the municipality well before school starts.",
        },
        actor: municipality("fritidshem"),
      },
      {
        title: { sv: "Skolskjuts", en: "School transport" },
        body: {
          sv: "Bor ni långt från skolan eller är vägen farlig kan barnet ha rätt till skolskjuts. Kommunens riktlinjer avgör avstånden, och du ansöker hos kommunen inför läsåret.",
          en: "If you live far from school or the route is dangerous, your child may be entitled to school transport. The municipality's guidelines set the distances, and you apply to the municipality before the school year.",
        },
        actor: municipality("skolskjuts"),
      },
      {
        title: { sv: "Hälsobesök hos skolsköterskan", en: "Health check with the school nurse" },
        body: {
          sv: "Elevhälsan kallar barnet till ett hälsobesök under första året och erbjuder vaccinationer enligt det nationella programmet. Berätta gärna för skolan om barnet har särskilda behov.",
          en: "The pupil health team invites your child to a health check during the first year and offers vaccinations under the national programme. Let the school know if your child has special needs.",
        },
        actor: municipality(),
      },
      {
        title: { sv: "Om ni vill byta skola senare", en: "If you want to change school later" },
        body: {
          sv: "Vill ni byta skola under skoltiden ansöker du om skolbyte hos kommunen. Båda vårdnadshavarna behöver vara överens.",
          en: "If you want to change school later on, apply to the municipality for a school transfer. Both guardians need to agree.",
        },
        actor: municipality("byte-av-skola"),
      },
    ],
    example: true,
  },

  // ------------------------------------------------------------------ retirement
  {
    slug: "bli-pensionar",
    title: { sv: "Bli pensionär", en: "Retiring" },
    summary: {
      sv: "Inför pensionen: så ansöker du om pension, vad som händer med skatten och vilket stöd kommunen kan ge när du blir äldre.",
      en: "Preparing for retirement: how to apply for your pension, what happens to your tax and what support the municipality can offer as you get older.",
    },
    steps: [
      {
        title: { sv: "Se hur mycket pension du får", en: "See how much pension you will get" },
        body: {
          sv: "Logga in hos Pensionsmyndigheten för att se en prognos av din allmänna pension. Där ser du också hur pensionen påverkas om du går i pension tidigare eller senare.",
          en: "Log in to the Pensions Agency to see a forecast of your public pension. You can also see how your pension changes if you retire earlier or later.",
        },
        actor: authority("pensionsmyndigheten"),
      },
      {
        title: { sv: "Ansök om pension", en: "Apply for your pension" },
        body: {
          sv: "Den allmänna pensionen betalas inte ut automatiskt. Ansök hos Pensionsmyndigheten några månader innan du vill få den första utbetalningen, och kontakta din arbetsgivare eller ditt pensionsbolag om tjänstepensionen.",
          en: "The public pension is not paid automatically. Apply to the Pensions Agency a few months before you want your first payment, and contact your employer or pension company about your occupational pension.",
        },
        actor: authority("pensionsmyndigheten"),
      },
      {
        title: { sv: "Kontrollera skatten", en: "Check your tax" },
        body: {
          sv: "Pension beskattas som inkomst, men från en viss ålder får du ett högre grundavdrag. Har du flera pensioner kan du behöva justera skatteavdraget hos Skatteverket för att slippa kvarskatt.",
          en: "Pensions are taxed as income, but from a certain age you get a higher basic allowance. If you have several pensions, you may need to adjust your tax deduction with the Tax Agency to avoid a bill later.",
        },
        actor: authority("skatteverket"),
      },
      {
        title: { sv: "Bostadstillägg vid låg pension", en: "Housing supplement if your pension is low" },
        body: {
          sv: "Har du låg pension kan du söka bostadstillägg hos Pensionsmyndigheten. Räcker pengarna ändå inte kan du kontakta kommunen om ekonomiskt bistånd.",
          en: "If your pension is low, you can apply for a housing supplement from the Pensions Agency. If money is still not enough, you can contact the municipality about financial assistance.",
        },
        actor: authority("pensionsmyndigheten"),
      },
      {
        title: { sv: "Anpassa bostaden", en: "Adapt your home" },
        body: {
          sv: "Behöver du till exempel ta bort trösklar eller få ett bättre badrum på grund av en funktionsnedsättning kan du söka bostadsanpassningsbidrag hos kommunen. Ansök innan arbetet påbörjas.",
          en: "If you need to remove thresholds or adapt your bathroom because of a disability, you can apply to the municipality for a home adaptation grant. Apply before the work begins.",
        },
        actor: municipality("bostadsanpassningsbidrag"),
      },
      {
        title: { sv: "Hjälp i vardagen", en: "Help with everyday life" },
        body: {
          sv: "Behöver du hjälp med till exempel städning, inköp eller personlig omvårdnad kan du ansöka om hemtjänst. En biståndshandläggare går igenom dina behov tillsammans med dig.",
          en: "If you need help with cleaning, shopping or personal care, you can apply for home care. A needs assessor goes through your needs with you.",
        },
        actor: municipality("hemtjanst"),
      },
      {
        title: { sv: "Färdtjänst", en: "Transport service" },
        body: {
          sv: "Har du svårt att åka med vanlig buss eller tåg på grund av en funktionsnedsättning kan du ansöka om färdtjänst hos kommunen.",
          en: "If a disability makes it hard for you to use ordinary buses or trains, you can apply to the municipality for transport service.",
        },
        actor: municipality("fardtjanst"),
      },
      {
        title: { sv: "Biblioteket och fritiden", en: "The library and leisure" },
        body: {
          sv: "Biblioteket har böcker med stor stil, ljudböcker och tidningar, och många bibliotek kör ut böcker till dig som inte kan ta dig dit själv.",
          en: "The library has large-print books, audiobooks and newspapers, and many libraries deliver books to people who cannot get there themselves.",
        },
        actor: municipality("bibliotek"),
      },
    ],
    example: true,
  },
];
