import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/ui/CsrfField";
import {
  createCredential,
  fetchOptions,
  getAssertion,
  webauthnAvailable,
  type CreationOptionsJSON,
  type RequestOptionsJSON,
} from "~/utils/webauthn.client";

/** True after hydration in a browser with WebAuthn: the key buttons exist only then. */
function useWebauthn(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => setAvailable(webauthnAvailable()), []);
  return available;
}

/**
 * "Use security key" on the one-time-code step. The key's answer goes into a hidden field and
 * the form is posted as a normal form, so the server answers with the usual redirect.
 */
export function SecurityKeyLogin({ redirectTo, error }: { redirectTo: string; error?: string }) {
  const { t } = useTranslation("auth");
  const available = useWebauthn();
  const form = useRef<HTMLFormElement>(null);
  const credential = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!available) return null;
  async function use() {
    if (!form.current || !credential.current) return;
    setBusy(true);
    setFailed(false);
    try {
      const options = await fetchOptions<RequestOptionsJSON>("/personal/logga-in/nyckel", form.current);
      credential.current.value = await getAssertion(options);
      form.current.submit();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }
  const message = failed ? "securityKeys.errors.cancelled" : error;
  return (
    <form method="post" ref={form} className="security-key">
      <CsrfField />
      <input type="hidden" name="intent" value="key" />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <input type="hidden" name="credential" ref={credential} />
      <p>{t("securityKeys.login.or")}</p>
      {message ? (
        <p className="field__error" role="alert">
          {t(message)}
        </p>
      ) : null}
      <button type="button" id="key" className="button button--secondary" onClick={use} disabled={busy}>
        {t("securityKeys.login.use")}
      </button>
    </form>
  );
}

/** The enrolment button: asks the key for a new credential, then posts it with the chosen name. */
export function AddSecurityKeyButton({ formId }: { formId: string }) {
  const { t } = useTranslation("auth");
  const available = useWebauthn();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!available) return <p>{t("securityKeys.noJs")}</p>;
  async function add() {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    // By name only: the button carries id="credential" for the error summary's link.
    const field = form?.querySelector<HTMLInputElement>('input[name="credential"]');
    if (!form || !field) return;
    setBusy(true);
    setFailed(false);
    try {
      const options = await fetchOptions<CreationOptionsJSON>("/personal/sakerhetsnycklar/alternativ", form);
      field.value = await createCredential(options);
      form.submit();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }
  return (
    <>
      {failed ? (
        <p className="field__error" role="alert">
          {t("securityKeys.errors.cancelled")}
        </p>
      ) : null}
      <button type="button" id="credential" className="button" onClick={add} disabled={busy}>
        {t("securityKeys.add")}
      </button>
    </>
  );
}
