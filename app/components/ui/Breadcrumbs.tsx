import { Link, useMatches } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { handleOf, type Crumb } from "~/utils/handle";

export function Breadcrumbs() {
  const { t } = useTranslation();
  const matches = useMatches();
  const crumbs: Crumb[] = [];
  for (const match of matches) {
    const produced = handleOf(match).breadcrumb?.(match as never);
    if (produced) crumbs.push(...(Array.isArray(produced) ? produced : [produced]));
  }
  if (crumbs.length === 0) return null;
  const all: Crumb[] = [{ labelKey: "nav.home", href: "/" }, ...crumbs];
  return (
    <nav aria-label={t("breadcrumbs.label")} className="breadcrumbs">
      <ol>
        {all.map((crumb, index) => {
          const label = crumb.label ?? t(crumb.labelKey ?? "");
          const last = index === all.length - 1;
          return (
            <li key={`${crumb.href}-${index}`}>
              {last ? <span aria-current="page">{label}</span> : <Link to={crumb.href}>{label}</Link>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
