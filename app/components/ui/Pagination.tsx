import { Link } from "@remix-run/react";
import { pageNumbers } from "~/utils/paging";

/**
 * Page links as plain GET links (no JavaScript needed): previous, first, last, two either side
 * of the current page, next. The caller gives the address of page n and the texts in its own
 * namespace (the officer queue and the case search, decisions 078 and 083).
 */
export function Pagination({
  label,
  page,
  pages,
  href,
  texts,
  testId,
}: {
  label: string;
  page: number;
  pages: number;
  href: (n: number) => string;
  texts: { previous: string; next: string; page: (n: number) => string };
  testId?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="pagination" data-testid={testId}>
      <ul>
        {page > 1 ? (
          <li>
            <Link to={href(page - 1)} rel="prev">
              {texts.previous}
            </Link>
          </li>
        ) : null}
        {pageNumbers(page, pages).map((n, i) =>
          n === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              {n === page ? (
                <span aria-current="page">{texts.page(n)}</span>
              ) : (
                <Link to={href(n)}>{texts.page(n)}</Link>
              )}
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <Link to={href(page + 1)} rel="next" data-testid="next-page">
              {texts.next}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
