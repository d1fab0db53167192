import { describe, expect, it } from "vitest";
import { chatErrorMessage } from "./chat-error";

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
});
