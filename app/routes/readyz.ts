import { databaseReady } from "~/db.server";

/** Readiness: the database answers and every migration in db/migrations is applied (decision 048). */
export async function loader() {
  const ready = databaseReady();
  return new Response(JSON.stringify({ status: ready.ok ? "ready" : "not-ready", ...ready }), {
    status: ready.ok ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
