/** UI strings of one area, in both languages; merged into en.ts and zh-CN.ts. */
export const simulationEn = {} as const;

export const simulationZh: Record<keyof typeof simulationEn, string> = {};
