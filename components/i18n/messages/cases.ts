/** UI strings of one area, in both languages; merged into en.ts and zh-CN.ts. */
export const casesEn = {} as const;

export const casesZh: Record<keyof typeof casesEn, string> = {};
