/** A queue row's text by key (and day count), translated once per distinct text per render. */
export type RowText = (key: string, days?: number) => string;

/** Overdue / due this week / paused, as text (never colour alone). */
export function DeadlineBadge({
  row,
  text,
}: {
  row: { overdue: boolean; dueThisWeek: boolean; paused: boolean; daysLeft: number | null };
  text: RowText;
}) {
  if (row.paused) return <span className="badge badge--paused">{text("queue.paused")}</span>;
  if (row.overdue)
    return (
      <span className="badge badge--overdue" data-deadline="overdue">
        {text("queue.overdue", Math.abs(row.daysLeft ?? 0))}
      </span>
    );
  if (row.dueThisWeek)
    return (
      <span className="badge badge--week" data-deadline="week">
        {text("queue.dueThisWeek")}
      </span>
    );
  if (row.daysLeft !== null) return <span className="badge badge--ok">{text("queue.daysLeft", row.daysLeft)}</span>;
  return null;
}
