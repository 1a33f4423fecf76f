/**
 * The access-control matrix (docs/decisions/033): for every route with an id, for every role,
 * only the allowed get the data. Table-driven: each area adds ROWS (a URL with someone's data
 * and the roles allowed to see it) and the identity work adds LOGINS (role → session cookie).
 *
 * Roles: anonymous, the owner, another resident, another organisation, an officer of another
 * municipality, an editor, an admin. A denied role must get 401/403/404 or a redirect to log-in,
 * and the response must not contain the row's secret marker (a value only the owner's data has).
 *
 * Until identity lands on main there are no logins and no personal routes: the matrix then
 * checks that every route of the build with a parameter and a loader answers an anonymous
 * visitor without a 5xx, and that the matrix itself can fail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRouteManifest } from "../../scripts/lib/routes.mjs";
import { startPortal } from "../../scripts/lib/server.mjs";
import { cleanup, port, tempDir, UNLIMITED } from "./support";

export type Role = "anonymous" | "owner" | "otherResident" | "otherOrganisation" | "officerOtherMunicipality" | "editor" | "admin";
export const ROLES: Role[] = ["anonymous", "owner", "otherResident", "otherOrganisation", "officerOtherMunicipality", "editor", "admin"];

export interface MatrixRow {
  /** A route pattern from the build manifest, e.g. /mina-sidor/arenden/:reference */
  route: string;
  /** A concrete URL with someone's data, created by `setup` or by the seed. */
  url: string;
  /** Text that appears only when the data is shown (e.g. the applicant's name). */
  secret: string;
  allowed: Role[];
}

/** Rows: add one per route with an id when the route lands (see the header). */
export const ROWS: MatrixRow[] = [];

/** Logins: role → a function that returns a session cookie for that role on `baseUrl`. */
export const LOGINS: Partial<Record<Role, (baseUrl: string) => Promise<string>>> = {};

export function decide(status: number, body: string, row: Pick<MatrixRow, "secret">): "shown" | "denied" | "error" {
  if (status >= 500) return "error";
  if (status === 200 && body.includes(row.secret)) return "shown";
  if ([401, 403, 404].includes(status) || (status >= 300 && status < 400) || (status === 200 && !body.includes(row.secret))) return "denied";
  return "error";
}

describe("access-control matrix", () => {
  const dir = tempDir("access");
  let portal: Awaited<ReturnType<typeof startPortal>>;
  beforeAll(async () => {
    portal = await startPortal({ dataDir: dir, port: port(), env: UNLIMITED });
  });
  afterAll(async () => {
    await portal?.stop();
    cleanup(dir);
  });

  it("every row: only the allowed roles get the data", async () => {
    const failures: string[] = [];
    for (const row of ROWS) {
      for (const role of ROLES) {
        const login = LOGINS[role];
        if (role !== "anonymous" && !login) continue;
        const cookie = login ? await login(portal.url) : "";
        const res = await fetch(portal.url + row.url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
        const outcome = decide(res.status, await res.text(), row);
        const expected = row.allowed.includes(role) ? "shown" : "denied";
        if (outcome !== expected) failures.push(`${role} on ${row.url}: ${outcome} (${res.status}), expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("every route with a parameter answers an anonymous visitor without a 5xx", async () => {
    const routes = (await loadRouteManifest()).filter((r) => !r.static && r.hasLoader);
    const failures: string[] = [];
    for (const r of routes) {
      for (const value of ["1", "BEN-2026-000001", "00000000-0000-0000-0000-000000000000", "x"]) {
        const url = r.path.replace(/:[^/]+|\*/g, value);
        const res = await fetch(portal.url + url, { redirect: "manual" });
        await res.arrayBuffer();
        if (res.status >= 500) failures.push(`${res.status} ${url}`);
      }
    }
    expect(routes.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  it("the matrix can fail: data shown to a role that is not allowed is caught", () => {
    const row = { secret: "Karin Lund" };
    expect(decide(200, "<p>Karin Lund</p>", row)).toBe("shown");
    expect(decide(403, "Forbidden", row)).toBe("denied");
    expect(decide(302, "", row)).toBe("denied");
    expect(decide(500, "", row)).toBe("error");
  });
});
