import { useEffect, useRef } from "react";

export interface SummaryItem {
  /** The id of the input to jump to. */
  href: string;
  text: string;
}

/**
 * GOV.UK's error summary: at the top of the page, focused on load so screen readers announce
 * it, each message a link to its field.
 */
export function ErrorSummary({ title, items, focus = true }: { title: string; items: SummaryItem[]; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus && items.length > 0) ref.current?.focus();
  }, [focus, items]);
  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {items.map((item) => (
          <li key={`${item.href}-${item.text}`}>
            <a href={`#${item.href}`}>{item.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
