"use client";

import { createContext, useContext } from "react";

export type SavedFeedback = { rating: "up" | "down"; comment: string | null };

/** Ratings the patient already gave (a reloaded conversation), by stored message id. */
const FeedbackContext = createContext<Readonly<Record<string, SavedFeedback>>>({});

export const FeedbackProvider = FeedbackContext.Provider;

export function useSavedFeedback(messageId: string): SavedFeedback | undefined {
  return useContext(FeedbackContext)[messageId];
}
