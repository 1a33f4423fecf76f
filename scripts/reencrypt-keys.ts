#!/usr/bin/env -S npx tsx
// `npm run keys:reencrypt`: after a new key is put first in DATA_ENCRYPTION_KEY, rewrites every
// encrypted field value under the new key (docs/decisions/047), then prints what it did.
// Safe to run again (and while the portal runs): values already under the first key are skipped.
// Afterwards the old key may leave the encryption role, but keep it last in the list: the
// HMAC look-up index is keyed by the last key (app/platform/crypto.server.ts).
import { closeDatabase, db } from "~/db.server";
import { env } from "~/env.server";
import { prepareKeyRing } from "~/platform/key-ring.server";
import { reencryptAll } from "~/services/key-rotation.server";

await prepareKeyRing(env()); // KEY_PROVIDER=vault: unwrap the ring first (decision 050)
db();
const summary = reencryptAll();
for (const [column, count] of Object.entries(summary.reencrypted)) console.log(`${column}: ${count}`);
console.log(
  `re-encrypted ${summary.total} value(s)${summary.unreadable ? `; ${summary.unreadable} could not be read (key no longer configured?)` : ""}`,
);
closeDatabase();
if (summary.unreadable > 0) process.exitCode = 1;
