import { describe, expect, it } from "vitest";
import { ZProtocolInput } from "@/server/protocols/protocol.schema";
import type { TranscriptTurn } from "@/db/schema/case-card";
import { STARTER_CASES } from "./library";
import { protocolDraftFrom, questionsFromTranscript } from "./suggest-protocol";

const doctor = (text: string, ordered?: string): TranscriptTurn => ({ role: "interviewer", text, meta: ordered ? { ordered } : undefined });
const patient = (text: string): TranscriptTurn => ({ role: "patient", text });

describe("questions from a consultation", () => {
  it("keeps the doctor's questions in order, without filler, repeats, orders or advice", () => {
    const transcript = [
      patient("I have indigestion."),
      doctor("Okay, so when did it start?"),
      patient("An hour ago."),
      doctor("I see. Does the pain spread to your arm or jaw? Any sweating?"),
      doctor("Order: ECG", "ECG"),
      doctor("when did it start?"),
      doctor("Tell me about your medications."),
      doctor("You need to call an ambulance now."),
    ];
    expect(questionsFromTranscript(transcript)).toEqual([
      "When did it start?",
      "Does the pain spread to your arm or jaw?",
      "Any sweating?",
      "Tell me about your medications.",
    ]);
  });

  it("works in Chinese", () => {
    const transcript = [doctor("好的，那疼了多久了？"), patient("两天。"), doctor("嗯，有没有想过伤害自己？请说说您现在身边有没有人。"), doctor("您需要马上去急诊。")];
    expect(questionsFromTranscript(transcript)).toEqual(["疼了多久了？", "有没有想过伤害自己？", "请说说您现在身边有没有人。"]);
  });

  it("builds a disabled draft that the protocol schema accepts", () => {
    const card = STARTER_CASES.find((c) => c.key === "cardiology-chest-pain-indigestion-en")!.card;
    const draft = protocolDraftFrom(card, [doctor("Where is the pain?"), patient("Middle of my chest."), doctor("Does it spread to your arm?")]);
    expect(draft.enabled).toBe(false);
    expect(draft.questions.map((q) => q.text)).toEqual(["Where is the pain?", "Does it spread to your arm?"]);
    expect(draft.closingUrgency).toBe("emergency");
    const parsed = ZProtocolInput.safeParse(draft);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});
