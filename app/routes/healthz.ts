import { databaseAnswers } from "~/db.server";

/** For load balancers and monitoring: 200 when the database answers, 503 otherwise. */
export async function loader() {
  const ok = databaseAnswers();
  return new Response(JSON.stringify({ status: ok ? "ok" : "unavailable", database: ok }), {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
