/** UI strings of one area, in both languages; merged into en.ts and zh-CN.ts. */
export const corporaEn = {} as const;

export const corporaZh: Record<keyof typeof corporaEn, string> = {};
