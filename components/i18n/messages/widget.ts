/** UI strings of one area, in both languages; merged into en.ts and zh-CN.ts. */
export const widgetEn = {} as const;

export const widgetZh: Record<keyof typeof widgetEn, string> = {};
