/** Polibatam works on Western Indonesian Time (UTC+7): "today" is the calendar day in Batam. */
const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

export const todayInBatam = (now: Date = new Date()): string => new Date(now.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
