/** Options for counting working days (Monday to Friday, optionally without Dutch public holidays). */
export interface WorkingDayOptions {
  /** IANA zone whose calendar decides the weekday; default Europe/Amsterdam. */
  timeZone?: string;
  /** Skip Dutch public holidays as well as weekends. */
  publicHolidays?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The moment `days` working days after `from`, at the same time of day.
 * A start on a weekend counts from the next working day, so Saturday + 1 = Monday.
 */
export function addWorkingDays(from: Date, days: number, options: WorkingDayOptions = {}): Date {
  const zone = options.timeZone ?? 'Europe/Amsterdam';
  let current = from.getTime();
  let remaining = Math.max(0, Math.floor(days));
  while (remaining > 0) {
    current += DAY_MS;
    if (isWorkingDay(new Date(current), zone, options.publicHolidays ?? false)) remaining--;
  }
  return new Date(current);
}

/** True on Monday to Friday (and, when asked, not on a Dutch public holiday) in the given zone. */
export function isWorkingDay(date: Date, timeZone = 'Europe/Amsterdam', publicHolidays = false): boolean {
  const { weekday, isoDate, year } = localParts(date, timeZone);
  if (weekday === 'Sat' || weekday === 'Sun') return false;
  return !(publicHolidays && dutchPublicHolidays(year).includes(isoDate));
}

function localParts(date: Date, timeZone: string): { weekday: string; isoDate: string; year: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: get('weekday'), isoDate: `${get('year')}-${get('month')}-${get('day')}`, year: Number(get('year')) };
}

/**
 * Dutch public holidays as YYYY-MM-DD: New Year's Day, Easter Monday, King's Day, Liberation Day,
 * Ascension Day, Whit Monday and both Christmas days. Good Friday is left out: most schools are open.
 */
export function dutchPublicHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const shift = (days: number) => isoDay(new Date(easter.getTime() + days * DAY_MS));
  const kingsDay = new Date(Date.UTC(year, 3, 27));
  // King's Day moves to Saturday the 26th when the 27th is a Sunday.
  if (kingsDay.getUTCDay() === 0) kingsDay.setUTCDate(26);
  return [
    `${year}-01-01`,
    shift(1),
    isoDay(kingsDay),
    `${year}-05-05`,
    shift(39),
    shift(50),
    `${year}-12-25`,
    `${year}-12-26`,
  ];
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** `from` plus whole calendar months (clamped to the month's last day). */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}
