/** UI strings of one area, in both languages; merged into en.ts and zh-CN.ts. */
export const patientEn = {} as const;

export const patientZh: Record<keyof typeof patientEn, string> = {};
