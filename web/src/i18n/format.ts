// Times as Vietnamese paperwork writes them, in Vietnamese time (UTC+7) whatever the phone's zone.
import { vnLocal } from '@hsc/shared/workdays';

const pad = (n: number) => String(n).padStart(2, '0');

/** `HH:mm dd/MM/yyyy`, the form of receipts (Mẫu 01). */
export function formatDateTime(at: string | number | Date): string {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  const { date, minutes } = vnLocal(d);
  const [y, m, day] = date.split('-');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)} ${day}/${m}/${y}`;
}

/** `dd/MM/yyyy` for a `YYYY-MM-DD` value typed into a form. */
export function formatDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** Today's date in Vietnam, `YYYY-MM-DD`: the bound for dates that must be in the past. */
export function vnToday(now = new Date()): string {
  return vnLocal(now).date;
}

/**
 * "312 KB", "1,2 MB", "3,4 GB": decimal comma and thousands dot in Vietnamese (the other way round
 * in English), one decimal where it helps. Written out rather than with Intl.NumberFormat: the
 * home screen shows it as it opens, and a phone's first NumberFormat loads locale data for tens
 * of milliseconds.
 */
export function formatBytes(bytes: number, lang = 'vi'): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  const [whole, tenth] = (i >= 2 && value < 10 ? value.toFixed(1) : value.toFixed(0)).split('.');
  const [group, decimal] = lang === 'en' ? [',', '.'] : ['.', ','];
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, group);
  return `${tenth && tenth !== '0' ? `${grouped}${decimal}${tenth}` : grouped} ${units[i]}`;
}
