import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { prepareDatabase } from "~/db.server";
import { resetEnvForTests } from "~/env.server";
import { handlePaymentCallback, usePaymentProviderForTests } from "~/services/payments.server";
import { SWISH_TEST_PAYEE, type swishSimulator } from "../stand-ins/swish";

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * The Swish simulator and the portal's callback endpoint on real ports, for tests that pay over
 * HTTP (decision 080): the portal's Swish settings point at the simulator, PUBLIC_URL at the
 * callback server, which hands each callback to `handlePaymentCallback` as the route does.
 * `env` adds settings (e.g. SWISH_TIMEOUT_SECONDS); `onCallback` counts what arrives.
 */
export async function startSwishStandIn(
  sim: ReturnType<typeof swishSimulator>,
  options: { env?: Record<string, string>; onCallback?: () => void } = {},
) {
  prepareDatabase();
  const swish = createServer(sim.listener);
  const callbacks = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      options.onCallback?.();
      const header = req.headers.callbackidentifier;
      void handlePaymentCallback(
        JSON.parse(Buffer.concat(chunks).toString("utf8")),
        typeof header === "string" ? header : null,
      ).then(() => res.end());
    });
  });
  const swishBase = await listen(swish);
  const env: Record<string, string> = {
    PAYMENTS: "swish",
    SWISH_URL: `${swishBase}/swish-cpcapi`,
    SWISH_PAYEE_ALIAS: SWISH_TEST_PAYEE,
    PUBLIC_URL: await listen(callbacks),
    ...options.env,
  };
  Object.assign(process.env, env);
  resetEnvForTests();
  usePaymentProviderForTests(undefined);
  return {
    swishBase,
    close: async () => {
      for (const name of Object.keys(env)) delete process.env[name];
      resetEnvForTests();
      usePaymentProviderForTests(undefined);
      for (const s of [swish, callbacks]) {
        s.closeAllConnections();
        await new Promise((resolve) => s.close(resolve));
      }
    },
  };
}
