import { describe, expect, it } from 'vitest';
import { calendar, dueAt, effectiveReceivedAt, isWorkingDay } from './workdays.ts';
import { VN_HOLIDAYS, VN_MAKEUP_WORKDAYS } from './holidays.ts';

const cal = calendar(VN_HOLIDAYS);
// Vietnamese local time → UTC instant
const vn = (local: string) => new Date(`${local}+07:00`);
const iso = (d: Date) => d.toISOString();

describe('effectiveReceivedAt (15:00 rule)', () => {
  it('keeps a dossier received before 15:00 on a working day', () => {
    expect(iso(effectiveReceivedAt(vn('2026-11-25T14:59:00'), cal))).toBe(iso(vn('2026-11-25T14:59:00')));
  });
  it('moves one received at or after 15:00 to the opening of the next working day', () => {
    expect(iso(effectiveReceivedAt(vn('2026-11-25T15:00:00'), cal))).toBe(iso(vn('2026-11-26T07:30:00')));
  });
  it('moves a Friday-evening dossier to Monday', () => {
    expect(iso(effectiveReceivedAt(vn('2026-11-27T16:10:00'), cal))).toBe(iso(vn('2026-11-30T07:30:00')));
  });
  it('moves a weekend dossier to Monday, whatever the hour', () => {
    expect(iso(effectiveReceivedAt(vn('2026-11-28T09:00:00'), cal))).toBe(iso(vn('2026-11-30T07:30:00')));
  });
  it('starts the clock at opening for a dossier sent in the early morning', () => {
    expect(iso(effectiveReceivedAt(vn('2026-11-25T05:00:00'), cal))).toBe(iso(vn('2026-11-25T07:30:00')));
  });
  it('uses Vietnamese time, not UTC: 23:30 UTC is 06:30 next day in Vietnam', () => {
    expect(iso(effectiveReceivedAt(new Date('2026-11-24T23:30:00Z'), cal))).toBe(iso(vn('2026-11-25T07:30:00')));
  });
  it('skips holidays: Quốc khánh 1-2/9/2026', () => {
    expect(iso(effectiveReceivedAt(vn('2026-08-31T16:00:00'), cal))).toBe(iso(vn('2026-09-03T07:30:00')));
  });
});

describe('dueAt', () => {
  it('same-day procedures are due at 17:00 the same working day', () => {
    expect(iso(dueAt(vn('2026-11-25T10:00:00'), 0, cal))).toBe(iso(vn('2026-11-25T17:00:00')));
  });
  it('same-day procedures received after 15:00 are due the next working day', () => {
    expect(iso(dueAt(vn('2026-11-25T15:30:00'), 0, cal))).toBe(iso(vn('2026-11-26T17:00:00')));
  });
  it('counts working days only, skipping the weekend', () => {
    // Thursday + 3 working days = Tuesday
    expect(iso(dueAt(vn('2026-11-26T09:00:00'), 3, cal))).toBe(iso(vn('2026-12-01T17:00:00')));
  });
  it('skips Tết', () => {
    // Friday 13/2/2026 + 1 working day: 16-20/2 are Tết, so Monday 23/2
    expect(iso(dueAt(vn('2026-02-13T09:00:00'), 1, cal))).toBe(iso(vn('2026-02-23T17:00:00')));
  });
  it('7 working days for permanent residence', () => {
    expect(iso(dueAt(vn('2026-11-25T09:00:00'), 7, cal))).toBe(iso(vn('2026-12-04T17:00:00')));
  });
});

describe('make-up working days (ngày làm bù)', () => {
  // Tết Dương lịch 2026: Friday 2/1 off, worked on Saturday 10/1 instead.
  const swapped = calendar(VN_HOLIDAYS, VN_MAKEUP_WORKDAYS);
  it('a make-up Saturday is a working day; other Saturdays are not', () => {
    expect(isWorkingDay('2026-01-10', swapped)).toBe(true);
    expect(isWorkingDay('2026-01-10', cal)).toBe(false);
    expect(isWorkingDay('2026-01-17', swapped)).toBe(false);
  });
  it('counts in due dates: 3 working days from Thursday 8/1 end on Monday 12/1 with it, Tuesday 13/1 without', () => {
    expect(iso(dueAt(vn('2026-01-08T09:00:00'), 3, swapped))).toBe(iso(vn('2026-01-12T17:00:00')));
    expect(iso(dueAt(vn('2026-01-08T09:00:00'), 3, cal))).toBe(iso(vn('2026-01-13T17:00:00')));
  });
  it('a dossier received on the make-up Saturday before 15:00 starts its clock then', () => {
    expect(iso(effectiveReceivedAt(vn('2026-01-10T10:00:00'), swapped))).toBe(iso(vn('2026-01-10T10:00:00')));
    expect(iso(dueAt(vn('2026-01-10T10:00:00'), 0, swapped))).toBe(iso(vn('2026-01-10T17:00:00')));
  });
});
