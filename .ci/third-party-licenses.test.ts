import { describe, expect, it } from "vitest";
import { licenceAllowed, shippedLicences } from "./third-party-licenses";

describe("third-party licences", () => {
  it("allows permissive licences and expressions whose every required part is allowed", () => {
    expect(licenceAllowed("MIT")).toBe(true);
    expect(licenceAllowed("(MIT OR GPL-3.0-or-later)")).toBe(true);
    expect(licenceAllowed("Apache-2.0 AND LGPL-3.0-or-later")).toBe(true);
    expect(licenceAllowed("GPL-3.0-only")).toBe(false);
    expect(licenceAllowed("MIT AND AGPL-3.0-only")).toBe(false);
    expect(licenceAllowed("")).toBe(false);
  });

  it("lists shipped packages only, and flags one without a known licence", () => {
    const rows = shippedLicences({
      "": { version: "0.1.0" },
      "node_modules/a": { version: "1.0.0", license: "MIT" },
      "node_modules/b/node_modules/c": { version: "2.0.0" },
      "node_modules/vitest": { version: "4.0.0", license: "MIT", dev: true },
    });
    expect(rows.map((r) => r.name)).toEqual(["a", "c"]);
    expect(rows[1]).toMatchObject({ license: "UNKNOWN", allowed: false });
  });
});
