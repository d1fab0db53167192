/** UI strings of one area, in both languages; merged into en.ts and zh-CN.ts. */
export const orgEn = {} as const;

export const orgZh: Record<keyof typeof orgEn, string> = {};
