// Due-date arithmetic of the one-stop rules (Decree 61/2018 art. 19-20, Decree 118/2025):
// a dossier received after 15:00, or on a day off, counts as received at the opening of the
// next working day; processing time is counted in working days (Mon-Fri minus holidays, plus
// the Saturdays the Government declares make-up working days, "ngày làm bù").
// All instants are UTC ISO strings; the rules apply to Vietnamese local time (UTC+7, no DST).

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const CUTOFF_MINUTES = 15 * 60; // 15:00
export const OPEN_MINUTES = 7 * 60 + 30; // 07:30, office opening
export const CLOSE_MINUTES = 17 * 60; // 17:00, office closing: the hour a result is due

export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  /** Weekend dates declared working days ("ngày làm bù"), when a weekday off is swapped. */
  workdays?: ReadonlySet<string>;
}

export function calendar(holidays: Iterable<string>, workdays: Iterable<string> = []): WorkCalendar {
  return { holidays: new Set(holidays), workdays: new Set(workdays) };
}

/** The Vietnamese local date (YYYY-MM-DD) and minutes after midnight of an instant. */
export function vnLocal(at: Date): { date: string; minutes: number } {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  return {
    date: local.toISOString().slice(0, 10),
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** The instant of a Vietnamese local date at the given minutes after midnight. */
export function vnInstant(date: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS + minutes * 60_000);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.workdays?.has(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !cal.holidays.has(date);
}

export function nextWorkingDay(date: string, cal: WorkCalendar): string {
  let d = addDays(date, 1);
  while (!isWorkingDay(d, cal)) d = addDays(d, 1);
  return d;
}

/** When the processing clock starts for a dossier that arrives at `at`. */
export function effectiveReceivedAt(at: Date, cal: WorkCalendar): Date {
  const { date, minutes } = vnLocal(at);
  if (isWorkingDay(date, cal) && minutes < CUTOFF_MINUTES) {
    // Before opening the clock starts at opening, so no one gains or loses hours at night.
    return minutes < OPEN_MINUTES ? vnInstant(date, OPEN_MINUTES) : at;
  }
  return vnInstant(nextWorkingDay(date, cal), OPEN_MINUTES);
}

/**
 * The result is due at office closing on the N-th working day after the day the clock starts;
 * N = 0 means the same working day ("trong ngày").
 */
export function dueAt(at: Date, processingDays: number, cal: WorkCalendar): Date {
  let day = vnLocal(effectiveReceivedAt(at, cal)).date;
  for (let i = 0; i < processingDays; i++) day = nextWorkingDay(day, cal);
  return vnInstant(day, CLOSE_MINUTES);
}
