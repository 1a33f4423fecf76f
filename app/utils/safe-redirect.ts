/**
 * Only same-site paths may be redirected to: "/x" yes; "//evil.example", "/\\evil",
 * "https://…" and anything with control characters no. Falls back to `fallback`.
 */
export function safeRedirectPath(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  return to;
}
