import { useTranslation } from "react-i18next";
import type { TextTree } from "../../../forms/document";

/**
 * An e-service's own texts come with its page's loader data, not with the forms namespace the
 * browser loads (decision 070): they live in the definition document. Adding them before the
 * first translation keeps hydration identical to the server's render, and a page carries only
 * its own e-service's texts.
 */
export function useFormTexts(formId: string, texts: TextTree | undefined): void {
  const { i18n } = useTranslation();
  if (texts && i18n.getResource(i18n.language, "forms", `${formId}.title`) === undefined)
    i18n.addResourceBundle(i18n.language, "forms", { [formId]: texts }, true, false);
}
