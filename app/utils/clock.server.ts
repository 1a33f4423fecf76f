/** The server's clock, replaceable in tests (session expiry, lock-out back-off, TOTP). */
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Moves the clock forward (tests only). */
export function advanceClockForTests(ms: number) {
  offsetMs += ms;
}

export function resetClockForTests() {
  offsetMs = 0;
}
