import { describe, expect, it } from "vitest";
import { contrastWithWhite, sniffLogoType } from "./brand";
import { ZBrandInput } from "./org.schema";

const brand = (brandColor: string, accentColor = "#1e3a8a") => ZBrandInput.safeParse({ name: "Hospital", description: "", brandColor, accentColor });

describe("brand colours", () => {
  it("measures contrast against white text as WCAG does", () => {
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 5);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
    // #767676 is the classic lightest grey that passes AA on white.
    expect(contrastWithWhite("#767676")).toBeGreaterThanOrEqual(4.5);
    expect(contrastWithWhite("#777777")).toBeLessThan(4.5);
  });

  it("accepts dark brand colours and refuses light ones with the measured ratio", () => {
    expect(brand("#0f766e").success).toBe(true);
    const light = brand("#7dd3fc");
    expect(light.success).toBe(false);
    expect(light.error?.issues[0]?.message).toMatch(/too light.*contrast \d\.\d\d:1.*4\.5:1/);
    expect(brand("#0f766e", "#fde68a").error?.issues[0]?.path).toEqual(["accentColor"]);
  });

  it("refuses what is not a #rrggbb colour", () => {
    for (const bad of ["red", "#fff", "#12345g", "javascript:alert(1)"]) {
      expect(brand(bad).error?.issues[0]?.message).toMatch(/hex colour/);
    }
  });
});

describe("logo file types", () => {
  it("reads the type from the bytes", () => {
    expect(sniffLogoType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]))).toBe("image/png");
    expect(sniffLogoType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffLogoType(new Uint8Array([...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WEBPVP8 ")]))).toBe("image/webp");
  });

  it("refuses SVG (it can carry scripts) and anything else", () => {
    expect(sniffLogoType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffLogoType(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(sniffLogoType(new Uint8Array())).toBeNull();
  });
});
