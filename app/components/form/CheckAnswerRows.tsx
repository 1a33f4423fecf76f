/**
 * The answers on the check-answers page: the municipality row (when the form does not ask for it
 * itself) and one row per question with its change link. Plain strings in, no hooks: the server's
 * template of the page (decision 145) writes the same markup per request
 * (`checkAnswerRowsHtml`), and a test holds the two equal for every form's example.
 */
export function CheckAnswerRows(p: {
  rows: { fieldName: string; label: string; text: string; changeHref: string }[];
  municipality: string | null;
  municipalityChangeHref: string | null;
  change: string;
  municipalityLabel: string;
}) {
  return (
    <>
      {p.municipality ? (
        <div className="summary-list__row">
          <dt>{p.municipalityLabel}</dt>
          <dd>{p.municipality}</dd>
          <dd>
            {p.municipalityChangeHref ? (
              <a href={p.municipalityChangeHref}>
                {p.change}
                <span className="visually-hidden"> {p.municipalityLabel}</span>
              </a>
            ) : null}
          </dd>
        </div>
      ) : null}
      {p.rows.map((row) => (
        <div className="summary-list__row" key={row.fieldName}>
          <dt>{row.label}</dt>
          <dd>{row.text}</dd>
          <dd>
            <a href={row.changeHref}>
              {p.change}
              <span className="visually-hidden"> {row.label}</span>
            </a>
          </dd>
        </div>
      ))}
    </>
  );
}
