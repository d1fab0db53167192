import { describe, expect, it } from "vitest";
import { translate } from "@/server/i18n/messages";
import { chatErrorMessage as localized } from "./chat-error";

const chatErrorMessage = (error: Error) => localized(error, (key, vars) => translate("en", key, vars));

describe("chatErrorMessage", () => {
  it("shows the message of the route's JSON error body", () => {
    const body = JSON.stringify({ error: { code: "bad_request", message: "Messages are limited to 4000 characters." } });
    expect(chatErrorMessage(new Error(body))).toBe("Messages are limited to 4000 characters.");
  });

  it("shows a stream error text as it is", () => {
    expect(chatErrorMessage(new Error("The answer could not be completed. Please try again."))).toBe("The answer could not be completed. Please try again.");
  });

  it("leaves network failures and HTML pages to the generic localized message", () => {
    expect(chatErrorMessage(new TypeError("Failed to fetch"))).toBeNull();
    expect(chatErrorMessage(new Error("<!DOCTYPE html><html>…"))).toBeNull();
    expect(chatErrorMessage(new Error(""))).toBeNull();
  });

  it("says a rate limit's wait in the reader's language", () => {
    const body = JSON.stringify({ error: { code: "rate_limited", message: "You are sending messages too quickly.", retryAfter: 42 } });
    expect(chatErrorMessage(new Error(body))).toBe("Too many requests just now. Please wait 42 seconds and try again.");
    expect(localized(new Error(body), (key, vars) => translate("zh-CN", key, vars))).toBe("刚才的请求太多了。请等待 42 秒后再试。");
  });
});
