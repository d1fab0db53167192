import { describe, expect, it } from "vitest";
import { parseConfig } from "@/server/env";
import { oidcButton, oidcProviders } from "./oidc";

const full = { OIDC_ISSUER: "https://sso.hospital.test/realms/staff", OIDC_CLIENT_ID: "fenshen", OIDC_CLIENT_SECRET: "secret", OIDC_ORG_SLUG: "riverside" };

describe("single sign-on configuration", () => {
  it("is off without variables: no provider, no button", () => {
    const config = parseConfig({});
    expect(oidcProviders(config)).toEqual([]);
    expect(oidcButton(config)).toBeNull();
  });

  it("names every missing variable when only some are set", () => {
    expect(() => parseConfig({ OIDC_ISSUER: full.OIDC_ISSUER, OIDC_CLIENT_ID: "fenshen" })).toThrow(/OIDC_CLIENT_SECRET.*missing OIDC_CLIENT_SECRET, OIDC_ORG_SLUG/s);
    expect(() => parseConfig({ ...full, OIDC_DEFAULT_ROLE: "owner" })).toThrow(/OIDC_DEFAULT_ROLE/);
  });

  it("labels the button with OIDC_NAME and uses the issuer's discovery", () => {
    const config = parseConfig({ ...full, OIDC_NAME: "河畔医院统一认证" });
    expect(oidcButton(config)).toEqual({ id: "oidc", name: "河畔医院统一认证" });
    expect(oidcProviders(config)[0]).toMatchObject({ type: "oidc", issuer: full.OIDC_ISSUER, clientId: "fenshen", checks: ["pkce", "state", "nonce"] });
  });
});
