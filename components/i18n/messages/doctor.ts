/** UI strings of one area, in both languages; merged into en.ts and zh-CN.ts. */
export const doctorEn = {} as const;

export const doctorZh: Record<keyof typeof doctorEn, string> = {};
