import express from "express";

/**
 * An Express router whose routes are built at its first request (decision 127): the test
 * providers' OpenID Connect library (oidc-provider and its dependencies) cost a tenth of the
 * start-up's CPU although no start and no health check needs it. The build runs once; a failure
 * is passed to Express's error handling on that request and retried on the next.
 */
export function lazyRouter(build: () => Promise<express.Router>): express.Router {
  let built: Promise<express.Router> | undefined;
  const router = express.Router();
  router.use((req, res, next) => {
    built ??= build().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    built.then((inner) => inner(req, res, next), next);
  });
  return router;
}
