// oidc-provider ships no types; tests use it only through server/test/oidc-server.ts.
declare module "oidc-provider";
