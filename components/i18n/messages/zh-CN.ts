import type { en } from "./en";

/** 简体中文界面文案。 */
export const zhCN: Record<keyof typeof en, string> = {
  "app.name": "分身",
  "app.tagline": "医生的AI分身，依据医生本人的资料，随时为你解答。",
  "nav.studio": "工作室",
  "nav.inbox": "危机收件箱",
  "nav.signIn": "登录",
  "nav.signUp": "注册",
  "nav.signOut": "退出登录",
  "nav.language": "语言",
};
