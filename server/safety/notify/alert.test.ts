import { describe, expect, it } from "vitest";
import { alertFacts, alertMarkdown, type AlertSource, crisisAlertOf, inboxUrlOf } from "./alert";
import { plainMarkdown } from "./notifiers/notifier";

const source: AlertSource = {
  deliveryId: "n1",
  escalationId: "e1",
  createdAt: new Date("2026-12-07T10:00:00Z"),
  organization: { id: "o1", name: "City Hospital" },
  avatar: { id: "a1", name: "Dr. Wang", slug: "wang" },
  category: "suicide",
  level: "imminent",
  conversationId: "c1",
  message: "I took all my pills",
  evidence: [{ phrase: "took all my pills", rule: "en.s.overdose", category: "suicide", level: "imminent" }],
  includePatientText: false,
};

describe("a crisis alert", () => {
  it("leaves out the patient's message and matched phrases unless the organization turned them on", () => {
    const off = crisisAlertOf(source, null);
    expect(off.patientText).toBeNull();
    expect(JSON.stringify(off)).not.toContain("pills");
    expect(off.evidence).toEqual([{ rule: "en.s.overdose", category: "suicide", level: "imminent" }]);
    const on = crisisAlertOf({ ...source, includePatientText: true }, null);
    expect(on.patientText).toBe("I took all my pills");
    expect(on.evidence).toEqual(source.evidence);
  });

  it("says how long the patient has waited, in whole minutes at the moment it is sent", () => {
    const alert = crisisAlertOf(source, inboxUrlOf("https://fenshen.example"));
    expect(alertFacts(alert, "en", new Date("2026-12-07T10:07:59Z")).fields).toContainEqual(["Waiting", "7 min"]);
    expect(alertFacts(alert, "zh", new Date("2026-12-07T10:12:00Z")).fields).toContainEqual(["已等待", "12 分钟"]);
    expect(alertFacts(alert, "en", new Date()).link).toEqual(["Open the crisis inbox", "https://fenshen.example/studio/inbox"]);
  });

  it("keeps names and patient words from turning into markdown links", () => {
    const alert = crisisAlertOf({ ...source, avatar: { ...source.avatar, name: "[click](https://evil.example)" }, includePatientText: true, message: "**help** <b>" }, null);
    const text = alertMarkdown(alert, "en", source.createdAt, { bold: (s) => `**${s}**`, link: (t, u) => `[${t}](${u})`, escape: plainMarkdown });
    expect(text).not.toContain("[click](");
    expect(text).toContain("［click］(https://evil.example)");
    expect(text).toContain("＊＊help＊＊ ＜b＞");
  });
});
