/** English UI strings. zh-CN.ts must define exactly the same keys (the type checker enforces it). */
export const en = {
  "app.name": "Fenshen",
  "app.tagline": "Your doctor's AI avatar, grounded in their own materials, at any hour.",
  "nav.studio": "Studio",
  "nav.inbox": "Crisis inbox",
  "nav.signIn": "Sign in",
  "nav.signUp": "Create account",
  "nav.signOut": "Sign out",
  "nav.language": "Language",
} as const;
