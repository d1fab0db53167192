/** UI strings of one area, in both languages; merged into en.ts and zh-CN.ts. */
export const personaEn = {} as const;

export const personaZh: Record<keyof typeof personaEn, string> = {};
