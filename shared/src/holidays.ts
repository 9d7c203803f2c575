// Official public holidays (days off for state offices) in Việt Nam, as ISO local dates.
// Sources: Labour Code 2019 art. 112 and the Government's yearly Tết/holiday notices.
// Dates marked (unverified) follow the rules but the year's notice was not at hand; the
// list is data so that an administrator can correct it (see the Desk issue).
export const VN_HOLIDAYS: readonly string[] = [
  // 2025
  '2025-01-01',
  '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', // Tết Ất Tỵ
  '2025-04-07', // Giỗ Tổ Hùng Vương (10/3 âm lịch)
  '2025-04-30', '2025-05-01', '2025-05-02',
  '2025-09-01', '2025-09-02',
  // 2026
  '2026-01-01', '2026-01-02',
  '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', // Tết Bính Ngọ
  '2026-04-27', // Giỗ Tổ falls on Sunday 26/4, day off moved to Monday
  '2026-04-30', '2026-05-01',
  '2026-09-01', '2026-09-02',
  // 2027 (unverified: Tết dates follow the usual pattern around 1/1 âm lịch = 2027-02-06)
  '2027-01-01',
  '2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10',
  '2027-04-16', // Giỗ Tổ Hùng Vương
  '2027-04-30', '2027-05-03', // 1/5 is a Saturday, day off moved to Monday
  '2027-09-02', '2027-09-03',
];

// Make-up working days ("ngày làm bù"): a Saturday worked in exchange for a weekday off, for
// state offices. Only swaps found in a published notice are listed; an administrator adds the
// others as they are announced. 2026-01-10: the Government's swap of Friday 2/1/2026 (reported
// by 24h.com.vn, 26/12/2025, from the Ministry of Home Affairs' notice of 25/12/2025).
export const VN_MAKEUP_WORKDAYS: readonly string[] = ['2026-01-10'];
