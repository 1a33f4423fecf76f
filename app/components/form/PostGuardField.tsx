/**
 * The hidden anti-forgery field of every e-service form. Renders nothing until the identity
 * branch's <CsrfField /> lands (app/components/ui/CsrfField.tsx); at merge this returns it,
 * and verifyPost (app/utils/post.server.ts) calls requireCsrf. One place to switch.
 */
export function PostGuardField() {
  return null;
}
