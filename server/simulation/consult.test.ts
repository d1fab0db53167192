import { describe, expect, it } from "vitest";
import { questionsOf } from "./consult";

describe("questionsOf", () => {
  it("puts the avatar's own questions to the patient, not questions quoted from the materials", () => {
    expect(questionsOf("What is angina? [1] It is chest pain. When did it start? Does it spread to your arm?")).toEqual(["When did it start?", "Does it spread to your arm?"]);
    expect(questionsOf("胸痛持续多久了？有没有出汗？")).toEqual(["胸痛持续多久了？", "有没有出汗？"]);
    expect(questionsOf("什么是心绞痛？[1] 请多休息。")).toEqual([]);
  });
});
