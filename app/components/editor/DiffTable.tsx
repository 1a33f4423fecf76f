import { useTranslation } from "react-i18next";
import type { FieldDiff } from "~/services/editor-history.server";

/**
 * Changes field by field. Removed words are <del>, added words <ins>, each also announced in
 * words ("borttaget:", "tillagt:") and struck through or underlined, so colour is never the only sign.
 */
export function DiffTable({ diff, from, to }: { diff: FieldDiff[]; from: number; to: number }) {
  const { t } = useTranslation("editor");
  if (diff.length === 0) return <p>{t("history.noChanges", { from, to })}</p>;
  return (
    <div className="table-wrap diff">
      <table className="stack-narrow">
        <caption>{t("history.diffCaption", { from, to })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("history.field")}</th>
            <th scope="col">{t("history.change")}</th>
          </tr>
        </thead>
        <tbody>
          {diff.map((d) => (
            <tr key={d.field}>
              <th scope="row">{d.label ?? fieldLabel(d.field, d.municipality, t)}</th>
              <td>
                {d.parts.map((p, i) =>
                  p.kind === "added" ? (
                    <ins key={i}>
                      <span className="visually-hidden">[{t("history.added")}: </span>
                      {p.text}
                      <span className="visually-hidden">]</span>
                    </ins>
                  ) : p.kind === "removed" ? (
                    <del key={i}>
                      <span className="visually-hidden">[{t("history.removed")}: </span>
                      {p.text}
                      <span className="visually-hidden">]</span>
                    </del>
                  ) : (
                    <span key={i}>{p.text}</span>
                  ),
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{t("history.legend")}</p>
    </div>
  );
}

function fieldLabel(
  field: string,
  municipality: string | undefined,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const variant = /^variants\.(\d+)\.(.+)$/.exec(field);
  const name = variant ? variant[2]! : field;
  const m = /^(.*)(Sv|En)$/.exec(name);
  const base = m ? m[1]! : name;
  const label = t(`${variant ? "variantFields" : "fields"}.${base}.label`, { defaultValue: base });
  const lang = m ? ` (${t(`lang.short.${m[2] === "Sv" ? "sv" : "en"}`)})` : "";
  // The municipality by name (the service shows each variant by it); the id only if it is gone.
  return variant
    ? `${municipality ?? t("history.variantField", { id: variant[1] })}: ${label}${lang}`
    : `${label}${lang}`;
}
