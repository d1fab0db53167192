import { z } from "zod";
import { API_KEY_SCOPES } from "@/db/schema";

export const ZCreateApiKey = z.object({
  name: z.string().trim().min(1, "Name the key (e.g. the system that will use it).").max(100, "A key's name is at most 100 characters."),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, `A scope is one of ${API_KEY_SCOPES.join(", ")}.`))
    .min(1, "Choose at least one scope.")
    .max(API_KEY_SCOPES.length)
    .transform((s) => [...new Set(s)]),
});
export type TCreateApiKey = z.input<typeof ZCreateApiKey>;

export const ZApiKeyId = z.object({ keyId: z.string().min(1).max(64) });
