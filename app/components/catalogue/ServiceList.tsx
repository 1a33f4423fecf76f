import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

interface Item {
  slug: string;
  title: string;
  summary: string;
  category: string;
  shared: boolean;
  municipalities: string[];
}

export function ServiceList({
  services,
  municipalities,
  headingLevel = 3,
  showOffered = true,
}: {
  services: Item[];
  municipalities: { slug: string; name: string }[];
  headingLevel?: 3 | 4;
  showOffered?: boolean;
}) {
  const { t } = useTranslation("catalogue");
  const names = new Map(municipalities.map((m) => [m.slug, m.name]));
  const Heading = `h${headingLevel}` as "h3" | "h4";
  return (
    <ul className="service-list">
      {services.map((s) => (
        <li key={s.slug} className="service-list__item">
          <Heading className="service-list__title">
            <Link to={`/tjanster/${s.slug}`}>{s.title}</Link>
          </Heading>
          <p>{s.summary}</p>
          <p className="service-list__meta">
            <span>{t(`categories.${s.category}`)}</span>
            {showOffered ? (
              <span>
                {s.shared
                  ? t("services.shared")
                  : t("services.offeredIn", { list: s.municipalities.map((m) => names.get(m) ?? m).join(", ") })}
              </span>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
