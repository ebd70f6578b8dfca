/** Dates as a Chinese reader writes them. All dates are calendar dates (YYYY-MM-DD), no time zone. */

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** 2023年1月17日 */
export function formatDate(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return `${year}年${month}月${day}日`;
}

/** 星期二 */
export function weekday(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return `星期${WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]}`;
}

/** 第3版 */
export function pageLabel(page: number): string {
  return `第${page}版`;
}

/** Days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Weekday of the first day of a month, 0 = Sunday. */
export function firstWeekday(year: number, month: number): number {
  return new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
}
