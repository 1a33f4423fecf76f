#!/usr/bin/env -S npx tsx
// `npm run admin:create -- --username u --name "N N" --email e@x.se` (or answer the prompts):
// creates the first portal-wide admin on a database in any mode and prints a one-time enrolment
// link (decision 056). Refuses when the username exists.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { ENROLMENT_HOURS, createPortalAdmin } from "~/auth/enrolment.server";
import { closeDatabase, prepareDatabase } from "~/db.server";
import { env } from "~/env.server";
import { prepareKeyRing } from "~/platform/key-ring.server";

const { values } = parseArgs({
  options: { username: { type: "string" }, name: { type: "string" }, email: { type: "string" } },
});
const rl = createInterface({ input: process.stdin, output: process.stdout });
const ask = async (key: "username" | "name" | "email", question: string) =>
  (values[key] ?? (await rl.question(question))).trim();
const username = await ask("username", "Username: ");
const name = await ask("name", "Full name: ");
const email = await ask("email", "Email: ");
rl.close();
if (!/^[a-z0-9][a-z0-9._-]{2,39}$/.test(username.toLowerCase()) || !name || !email.includes("@")) {
  console.error("username (3–40 of a-z 0-9 . _ -), name and email are all required");
  process.exit(2);
}
await prepareKeyRing(env());
prepareDatabase();
const result = await createPortalAdmin({ username, name, email });
closeDatabase();
if ("error" in result) {
  console.error(`refused: the username "${username}" already exists`);
  process.exit(1);
}
console.log(`created portal-wide admin ${username}`);
console.log(`one-time enrolment link (valid ${ENROLMENT_HOURS} h, usable once):`);
console.log(`${env().PUBLIC_URL}/personal/aktivera/${result.token}`);
