/**
 * What the example properties look like in Lantmäteriet's register, shared by the demo adapter
 * (app/services/property-register-demo.server.ts) and the Lantmäteriet stand-in
 * (tests/stand-ins/lantmateriet.ts) so both answer the same: each property's objektidentitet
 * (a UUID made from its designation, stable across runs) and the municipalities' kommunkoder
 * (SCB's real codes).
 */
import { createHash } from "node:crypto";
import type { MunicipalitySlug } from "./types";

export const EXAMPLE_KOMMUNKOD: Record<MunicipalitySlug, string> = {
  amal: "1492",
  bengtsfors: "1460",
  "dals-ed": "1438",
  fargelanda: "1439",
  mellerud: "1461",
};

/** A version-4-shaped UUID derived from the designation: the example register's objektidentitet. */
export function exampleObjektidentitet(designation: string): string {
  const h = createHash("sha256").update(`lantmateriet-example:${designation}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
