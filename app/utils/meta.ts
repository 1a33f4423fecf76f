import type { MetaArgs, MetaDescriptor } from "@remix-run/node";

/**
 * "<page> – <site>" from the page loader's `title` and the root loader's site name, plus an
 * optional description. Loaders translate; meta only assembles.
 */
export function pageMeta({ data, matches }: MetaArgs): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as { titles?: { site?: string } } | undefined;
  const site = root?.titles?.site ?? "Dalslands e-tjänster";
  const page = data as { title?: string; description?: string } | undefined;
  const out: MetaDescriptor[] = [{ title: page?.title && page.title !== site ? `${page.title} – ${site}` : site }];
  if (page?.description) out.push({ name: "description", content: page.description });
  return out;
}
