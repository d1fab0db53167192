import http from "node:http";
import Provider from "oidc-provider";
import { listenOnLoopback } from "./local-server";

export interface TestOidcUser {
  sub: string;
  email: string;
  email_verified?: boolean;
  name: string;
  [claim: string]: unknown;
}

/**
 * A real OpenID Connect provider (panva's oidc-provider) on a loopback port, with one confidential
 * client and its built-in login and consent forms, for driving a full authorization-code flow.
 */
export async function startOidcServer(opts: { clientId: string; clientSecret: string; redirectUri: string; users: TestOidcUser[] }) {
  let handler: http.RequestListener = (_req, res) => void res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  const { origin, close } = await listenOnLoopback(server);
  const provider = new Provider(origin, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "fenshen_role"] },
    // Put the scope's claims in the ID token (as most hospital providers do), not only at /userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx: unknown, sub: string) => {
      const user = opts.users.find((u) => u.sub === sub);
      return user ? { accountId: sub, claims: () => ({ email_verified: true, ...user }) } : undefined;
    },
  });
  provider.on("server_error", (_ctx: unknown, err: Error) => console.error("[oidc-server]", err));
  handler = provider.callback();
  return { issuer: origin, close };
}
