import { useTranslation } from "react-i18next";

/** Overdue / due this week / paused, as text (never colour alone). */
export function DeadlineBadge({
  row,
}: {
  row: { overdue: boolean; dueThisWeek: boolean; paused: boolean; daysLeft: number | null };
}) {
  const { t } = useTranslation("backoffice");
  if (row.paused) return <span className="badge badge--paused">{t("queue.paused")}</span>;
  if (row.overdue)
    return (
      <span className="badge badge--overdue" data-deadline="overdue">
        {t("queue.overdue", { days: Math.abs(row.daysLeft ?? 0) })}
      </span>
    );
  if (row.dueThisWeek)
    return (
      <span className="badge badge--week" data-deadline="week">
        {t("queue.dueThisWeek")}
      </span>
    );
  if (row.daysLeft !== null)
    return <span className="badge badge--ok">{t("queue.daysLeft", { days: row.daysLeft })}</span>;
  return null;
}
