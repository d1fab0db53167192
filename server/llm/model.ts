/** The chat-model provider behind one small interface (like Embedder): used by chat, simulations and the crisis check. */
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import { type Config, getConfig } from "@/server/env";

export interface ChatModel {
  /** Recorded on every answer for provenance, e.g. "openai-compatible:qwen2.5-7b". */
  id: string;
  model: LanguageModel;
  timeoutMs: number;
}

/** The configured OpenAI-compatible chat model, or null to use the offline composer. */
export function createChatModel(config: Config): ChatModel | null {
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) return null;
  const provider = createOpenAICompatible({ name: "llm", baseURL: config.LLM_BASE_URL, apiKey: config.LLM_API_KEY });
  return { id: `openai-compatible:${config.LLM_MODEL}`, model: provider.chatModel(config.LLM_MODEL), timeoutMs: config.LLM_TIMEOUT_MS };
}

let processModel: ChatModel | null | undefined;

/** The process's chat model from its configuration, made once (like getEmbedder) and shared by chat, simulations and consultations. */
export function getChatModel(): ChatModel | null {
  if (processModel === undefined) processModel = createChatModel(getConfig());
  return processModel;
}
