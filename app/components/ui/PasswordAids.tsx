import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Aids for choosing a password (ASVS 2.1.8, 2.1.12; docs/decisions/047), added by JavaScript
 * only: without it the password fields work exactly as before (ASVS allows the aids to need
 * script). Both act on a field rendered by <TextField> through its id.
 */

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** A button that shows and hides the whole password of field `target`. */
export function ShowPasswordToggle({ target, label }: { target: string; label: string }) {
  const hydrated = useHydrated();
  const { t } = useTranslation("auth");
  const [shown, setShown] = useState(false);
  if (!hydrated) return null;
  return (
    <button
      type="button"
      className="button button--secondary password-toggle"
      aria-controls={target}
      aria-pressed={shown}
      onClick={() => {
        const input = document.getElementById(target);
        if (!(input instanceof HTMLInputElement)) return;
        input.type = shown ? "password" : "text";
        setShown(!shown);
      }}
    >
      {t("password.show")}
      <span className="visually-hidden"> {label}</span>
    </button>
  );
}

export type Strength = "empty" | "tooShort" | "weak" | "fair" | "strong";

/**
 * A rough estimate, not a promise: length counts most (passphrases), a few distinct characters or
 * a run of one character are weak. The server's rules (length, username, common passwords) decide.
 */
export function estimateStrength(password: string, min: number): Strength {
  const chars = [...password];
  if (chars.length === 0) return "empty";
  if (chars.length < min) return "tooShort";
  const distinct = new Set(chars.map((c) => c.toLowerCase())).size;
  if (distinct < 6) return "weak";
  const kinds = [/[a-zåäö]/, /[A-ZÅÄÖ]/, /[0-9]/, /[^a-zA-ZåäöÅÄÖ0-9]/].filter((k) => k.test(password)).length;
  if (chars.length >= 20 || (chars.length >= 16 && kinds >= 3)) return "strong";
  return "fair";
}

const LEVEL: Record<Strength, number> = { empty: 0, tooShort: 0, weak: 1, fair: 2, strong: 3 };

/** A strength meter for field `target`, announced politely as the person types. */
export function PasswordStrength({ target, min }: { target: string; min: number }) {
  const hydrated = useHydrated();
  const { t } = useTranslation("auth");
  const [strength, setStrength] = useState<Strength>("empty");
  useEffect(() => {
    const input = document.getElementById(target);
    if (!(input instanceof HTMLInputElement)) return;
    const update = () => setStrength(estimateStrength(input.value, min));
    update();
    input.addEventListener("input", update);
    return () => input.removeEventListener("input", update);
  }, [target, min]);
  if (!hydrated) return null;
  return (
    <div className="password-strength">
      <meter
        min={0}
        max={3}
        low={1.5}
        high={2.5}
        optimum={3}
        value={LEVEL[strength]}
        aria-labelledby={`${target}-strength`}
      />
      <p id={`${target}-strength`} aria-live="polite">
        {t("password.strength.label")} {t(`password.strength.${strength}`, { min })}
      </p>
    </div>
  );
}
