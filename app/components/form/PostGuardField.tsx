import { CsrfField } from "~/components/ui/CsrfField";

/** The hidden anti-forgery field of every e-service form (checked by requireCsrf). */
export function PostGuardField() {
  return <CsrfField />;
}
