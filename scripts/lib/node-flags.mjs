// The Node/V8 flags the portal runs with, wherever it is started: `npm start`, `npm run serve`,
// the systemd unit (docs/ops/dalsland-portal.service), the benchmark, the drills and the e2e
// server (docs/decisions/119, 190). They bound the JavaScript heap: without them V8 let the old
// generation grow to ~240 MB under the bench's uncached pages (each answer's garbage promoted
// between collections) and the process reached 600 MB RSS. The start commands spell them out
// literally; tests/integration/node-flags.test.ts checks that every one says the same.
export const PORTAL_NODE_FLAGS = ["--max-old-space-size=160", "--max-semi-space-size=4"];

// The environment the portal's process starts with, wherever it is started, spelled out in the
// same places (decision 189). glibc's malloc gives each thread that allocates an arena of its own
// (up to eight per core); the portal's threads (libuv's pool, V8's helpers, the mail thread)
// held ~18 MB of RSS in arenas of their own under the bench's pages. Two arenas: the same CPU per
// walk in alternating rounds, 8–18 MB less RSS.
export const PORTAL_PROCESS_ENV = { MALLOC_ARENA_MAX: "2" };
