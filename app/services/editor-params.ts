import type { Params } from "@remix-run/react";
import { typeOfSegment, type ContentType } from "./editor-fields";

/** `/redaktor/:typ/:id` → content type and id, or a 404 response. */
export function itemParams(params: Params): { type: ContentType; id: number } {
  const type = typeOfSegment(params.typ);
  const id = /^[0-9]{1,9}$/.test(params.id ?? "") ? Number(params.id) : NaN;
  if (!type || !Number.isSafeInteger(id)) throw new Response("Not found", { status: 404 });
  return { type, id };
}
