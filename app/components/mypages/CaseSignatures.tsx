import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/format";

interface Signature {
  signerName: string;
  signedAt: string;
  valid: boolean;
  text: string;
}

/**
 * The e-ID signatures of a case or a consent on Mina sidor (decision 107): who signed and when,
 * whether the signature still verifies against the text rebuilt from what the case keeps (a clear
 * warning when not), and that text, to read on the page and, given `downloadHref`, to download.
 * `signatures` null: they could not be checked now.
 */
export function CaseSignatures({
  signatures,
  downloadHref,
}: {
  signatures: Signature[] | null;
  downloadHref?: (index: number) => string;
}) {
  const { t } = useTranslation("mypages");
  if (signatures !== null && signatures.length === 0) return null;
  return (
    <section aria-labelledby="case-signatures-title" data-testid="case-signatures">
      <h2 id="case-signatures-title">{t("signatures.heading")}</h2>
      {signatures === null ? (
        <p className="alert alert--warning">{t("signatures.unavailable")}</p>
      ) : (
        <ul className="signature-list">
          {signatures.map((s, i) => (
            <li key={i}>
              <p>{t("signatures.signedBy", { name: s.signerName, date: formatDateTime(s.signedAt) })}</p>
              {s.valid ? (
                <p>{t("signatures.valid")}</p>
              ) : (
                <p className="alert alert--warning">{t("signatures.invalid")}</p>
              )}
              <details>
                <summary>{t("signatures.showText")}</summary>
                <pre className="signed-text">{s.text}</pre>
              </details>
              {downloadHref ? (
                <p>
                  <a href={downloadHref(i + 1)} download>
                    {t("signatures.download", { number: i + 1 })}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
