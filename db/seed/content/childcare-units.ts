/**
 * Childcare units of the five municipalities: invented example content (names, addresses,
 * capacities), placed in the real towns. Pure data, read by the seed and by tests.
 * Age groups: förskola 1–5, pedagogisk omsorg 1–5, fritidshem 6–12 (förskoleklass to year 6).
 */
import type { MunicipalitySlug } from "./types";

export interface SeedChildcareUnit {
  slug: string;
  municipality: MunicipalitySlug;
  name: string;
  /** Schools are units too: school applications rank them like childcare units. */
  kind: "forskola" | "pedagogisk-omsorg" | "fritidshem" | "grundskola";
  street: string;
  postalCode: string;
  town: string;
  ageFrom: number;
  ageTo: number;
  capacity: number;
  phone: string;
  example: true;
}

type Row = [
  slug: string,
  name: string,
  kind: SeedChildcareUnit["kind"],
  street: string,
  postalCode: string,
  town: string,
  capacity: number,
];

const rows: Record<MunicipalitySlug, { phone: string; units: Row[] }> = {
  bengtsfors: {
    phone: "0531-52 64 0",
    units: [
      ["solrosen", "Solrosens förskola", "forskola", "Solrosvägen 3", "666 30", "Bengtsfors", 60],
      ["kanalen", "Kanalens förskola", "forskola", "Dalslandsgatan 14", "666 30", "Bengtsfors", 45],
      ["billingsfors", "Billingsfors förskola", "forskola", "Bruksvägen 7", "666 40", "Billingsfors", 40],
      ["langed", "Dals Långeds förskola", "forskola", "Skolvägen 2", "660 10", "Dals Långed", 35],
      ["dagmamman-gerd", "Familjedaghemmet Ekorren", "pedagogisk-omsorg", "Granvägen 9", "666 30", "Bengtsfors", 6],
      ["fritids-gundlebo", "Gundlebo fritidshem", "fritidshem", "Skolgatan 10", "666 30", "Bengtsfors", 80],
      ["fritids-billingsfors", "Billingsfors fritidshem", "fritidshem", "Bruksvägen 9", "666 40", "Billingsfors", 40],
      ["gundleboskolan", "Gundleboskolan F–6", "grundskola", "Skolgatan 10", "666 30", "Bengtsfors", 320],
      ["billingsfors-skola", "Billingsfors skola F–6", "grundskola", "Bruksvägen 9", "666 40", "Billingsfors", 140],
    ],
  },
  "dals-ed": {
    phone: "0534-191 4",
    units: [
      ["gnistan", "Förskolan Gnistan", "forskola", "Kyrkogatan 5", "668 30", "Ed", 55],
      ["lilla-ed", "Lilla Eds förskola", "forskola", "Nygatan 18", "668 30", "Ed", 40],
      ["nossemark", "Nössemarks förskola", "forskola", "Nössemarksvägen 41", "668 91", "Ed", 18],
      ["dagbarnvardare-ed", "Pedagogisk omsorg Stigen", "pedagogisk-omsorg", "Stigenvägen 3", "668 30", "Ed", 5],
      ["fritids-ed", "Eds fritidshem", "fritidshem", "Skolgatan 1", "668 30", "Ed", 90],
      ["eds-skola", "Dals-Eds skola F–6", "grundskola", "Skolgatan 1", "668 30", "Ed", 300],
      ["nossemarks-skola", "Nössemarks skola F–3", "grundskola", "Nössemarksvägen 43", "668 91", "Ed", 40],
    ],
  },
  fargelanda: {
    phone: "0528-567 4",
    units: [
      ["ragnhilds", "Ragnhilds förskola", "forskola", "Ragnhildsvägen 4", "458 30", "Färgelanda", 65],
      ["hogsater", "Högsäters förskola", "forskola", "Kyrkvägen 12", "458 70", "Högsäter", 35],
      ["ellenoskolan-forskola", "Förskolan Valbo-Ryr", "forskola", "Valbovägen 6", "458 91", "Färgelanda", 20],
      [
        "dagbarnvardare-fargelanda",
        "Familjedaghemmet Humlan",
        "pedagogisk-omsorg",
        "Lärkvägen 2",
        "458 30",
        "Färgelanda",
        5,
      ],
      ["fritids-fargelanda", "Färgelanda fritidshem", "fritidshem", "Skolvägen 5", "458 30", "Färgelanda", 75],
      ["ellenoskolan", "Ellenöskolan F–6", "grundskola", "Skolvägen 5", "458 30", "Färgelanda", 260],
      ["hogsaters-skola", "Högsäters skola F–6", "grundskola", "Kyrkvägen 14", "458 70", "Högsäter", 110],
    ],
  },
  mellerud: {
    phone: "0530-183 4",
    units: [
      ["regnbagen", "Regnbågens förskola", "forskola", "Storgatan 30", "464 30", "Mellerud", 70],
      ["nordalsskolans-forskola", "Förskolan Nordal", "forskola", "Nordalsvägen 8", "464 30", "Mellerud", 55],
      ["asensbruk", "Åsensbruks förskola", "forskola", "Bruksgatan 3", "464 50", "Åsensbruk", 30],
      ["dingelvik", "Dingelviks förskola", "forskola", "Dingelviksvägen 11", "464 93", "Mellerud", 25],
      [
        "dagbarnvardare-mellerud",
        "Pedagogisk omsorg Myran",
        "pedagogisk-omsorg",
        "Sjövägen 16",
        "464 30",
        "Mellerud",
        6,
      ],
      ["fritids-radaskolan", "Rådaskolans fritidshem", "fritidshem", "Rådavägen 2", "464 30", "Mellerud", 100],
      ["fritids-asensbruk", "Åsensbruks fritidshem", "fritidshem", "Bruksgatan 5", "464 50", "Åsensbruk", 35],
      ["radaskolan", "Rådaskolan F–6", "grundskola", "Rådavägen 2", "464 30", "Mellerud", 380],
      ["asensbruks-skola", "Åsensbruks skola F–6", "grundskola", "Bruksgatan 5", "464 50", "Åsensbruk", 120],
    ],
  },
  amal: {
    phone: "0532-170 4",
    units: [
      ["karrbacken", "Kärrbackens förskola", "forskola", "Kärrgatan 20", "662 30", "Åmål", 80],
      ["plogen", "Förskolan Plogen", "forskola", "Plogvägen 10", "662 30", "Åmål", 60],
      ["fengersfors", "Fengersfors förskola", "forskola", "Bruksvägen 1", "662 97", "Fengersfors", 25],
      ["tosse", "Tösse förskola", "forskola", "Tössevägen 14", "662 95", "Tösse", 30],
      [
        "dagbarnvardare-amal",
        "Familjedaghemmet Sjöstjärnan",
        "pedagogisk-omsorg",
        "Strandgatan 7",
        "662 30",
        "Åmål",
        5,
      ],
      [
        "fritids-kristinelund",
        "Kristinelundskolans fritidshem",
        "fritidshem",
        "Kristinelundsvägen 3",
        "662 30",
        "Åmål",
        120,
      ],
      ["fritids-tosse", "Tösse fritidshem", "fritidshem", "Tössevägen 16", "662 95", "Tösse", 30],
      ["kristinelundskolan", "Kristinelundskolan F–6", "grundskola", "Kristinelundsvägen 3", "662 30", "Åmål", 420],
      ["tosse-skola", "Tösse skola F–6", "grundskola", "Tössevägen 16", "662 95", "Tösse", 120],
    ],
  },
};

export const seedChildcareUnits: SeedChildcareUnit[] = Object.entries(rows).flatMap(
  ([municipality, { phone, units }]) =>
    units.map(([slug, name, kind, street, postalCode, town, capacity], i) => ({
      slug: `${municipality}-${slug}`,
      municipality: municipality as MunicipalitySlug,
      name,
      kind,
      street,
      postalCode,
      town,
      ageFrom: kind === "fritidshem" || kind === "grundskola" ? 6 : 1,
      ageTo: kind === "fritidshem" ? 12 : kind === "grundskola" ? 12 : 5,
      capacity,
      phone: `${phone}${i}`,
      example: true as const,
    })),
);
