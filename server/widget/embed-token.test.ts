import { describe, expect, it } from "vitest";
import { EMBED_TOKEN_TTL_MS, signEmbedToken, verifyEmbedToken } from "./embed-token";
import { originOf } from "./origins";

describe("embed tokens", () => {
  const secret = "s".repeat(40);
  it("verify only untampered, unexpired tokens signed with the secret", () => {
    const token = signEmbedToken(secret, { orgId: "o1", origin: "https://a.example" }, 0);
    expect(verifyEmbedToken(secret, token, 1)).toMatchObject({ orgId: "o1", origin: "https://a.example" });
    expect(verifyEmbedToken(secret, token, EMBED_TOKEN_TTL_MS + 1)).toBeNull();
    expect(verifyEmbedToken("t".repeat(40), token, 1)).toBeNull();
    const [, mac] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ orgId: "o1", origin: "https://evil.example", expires: 10 ** 15 })).toString("base64url")}.${mac}`;
    expect(verifyEmbedToken(secret, forged, 1)).toBeNull();
    expect(verifyEmbedToken(secret, "garbage", 1)).toBeNull();
  });
});

describe("originOf", () => {
  it("keeps scheme, host and port of http(s) URLs only", () => {
    expect(originOf("https://www.hospital.example/a?b")).toBe("https://www.hospital.example");
    expect(originOf("http://127.0.0.1:4100")).toBe("http://127.0.0.1:4100");
    expect(originOf("javascript:alert(1)")).toBeNull();
    expect(originOf("not a url")).toBeNull();
    expect(originOf(null)).toBeNull();
  });
});
