// "Hồ sơ của tôi" tells, on the dossier's card, that the phone's copy of a finished dossier will
// be deleted soon, so the person who never opens the dossier still learns it in time.
import type { Receipt, TimelineEntry } from '@hsc/shared/schemas';
import { render, screen } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../db/db.ts';
import { initI18n } from '../../i18n/index.ts';
import { queuedDossier, resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { Home } from './Home.tsx';

beforeAll(() => initI18n('vi'));
beforeEach(async () => {
  await resetDb();
  await seedReferenceData();
});

const DAY = 86_400_000;

async function finishedDaysAgo(days: number) {
  const q = await queuedDossier();
  const at = new Date(Date.now() - days * DAY).toISOString();
  await db.dossiers.put({ ...q, state: 'received', receipt: { code: `H19.05716-260310-00${days}` } as Receipt, status: 'returned', timeline: [{ status: 'returned', at }] as TimelineEntry[] });
}

describe('Home and finished dossiers', () => {
  it('says on the card when the phone copy will be deleted, only in the last week', async () => {
    await finishedDaysAgo(25);
    await finishedDaysAgo(2);
    render(<Home />);
    const notes = await screen.findAllByTestId('home-retention');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.textContent).toMatch(/^Bản lưu trên điện thoại sẽ được xóa từ ngày \d\d\/\d\d\/\d{4}\. Mở hồ sơ để lưu ra tệp nếu cần\.$/);
  });
});
