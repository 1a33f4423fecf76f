import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/format";

interface ESignature {
  party: string;
  signerName: string;
  signedAt: string;
  signedTextHash: string;
  valid: boolean;
}

/** "Signerad av … den …" for each e-ID signature of a case, and whether it still verifies (decision 081). */
export function ESignatures({ signatures }: { signatures: ESignature[] }) {
  const { t } = useTranslation("childcare");
  if (signatures.length === 0) return null;
  return (
    <section aria-labelledby="e-signatures-title">
      <h3 id="e-signatures-title">{t("eSignature.heading")}</h3>
      <ul>
        {signatures.map((s, i) => (
          <li key={i}>
            {t("eSignature.signedBy", { name: s.signerName, date: formatDateTime(s.signedAt) })}{" "}
            <strong>{s.valid ? t("eSignature.valid") : t("eSignature.invalid")}</strong>
            <br />
            <span>
              {t("eSignature.hash")}: <span className="hash">{s.signedTextHash}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
