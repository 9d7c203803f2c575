// The dossier screen's words about the phone's copy of a finished dossier: before removal the
// date and the export, after it what went and that the commune keeps the official record.
import type { TimelineEntry } from '@hsc/shared/schemas';
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTICE_DAYS, RETENTION_DAYS } from '../../db/retention.ts';
import type { DossierRecord } from '../../db/types.ts';
import { initI18n } from '../../i18n/index.ts';
import { RetentionNotice } from './RetentionNotice.tsx';

beforeAll(() => initI18n('vi'));

const DAY = 86_400_000;
const FINISHED = Date.parse('2026-03-20T03:00:00Z');
const dossier = (over: Partial<DossierRecord> = {}) =>
  ({
    id: 'd1',
    state: 'received',
    status: 'returned',
    timeline: [{ status: 'returned', at: new Date(FINISHED).toISOString() }] as TimelineEntry[],
    updatedAt: FINISHED,
    ...over,
  }) as DossierRecord;

describe('RetentionNotice', () => {
  it('says nothing while the dossier runs or long before removal', () => {
    const { container, rerender } = render(<RetentionNotice dossier={dossier({ status: 'processing' })} now={FINISHED + 100 * DAY} />);
    expect(container.textContent).toBe('');
    rerender(<RetentionNotice dossier={dossier()} now={FINISHED + DAY} />);
    expect(container.textContent).toBe('');
  });

  it('a week before, gives the date and offers to save the dossier to a file', () => {
    render(<RetentionNotice dossier={dossier()} now={FINISHED + (RETENTION_DAYS - NOTICE_DAYS) * DAY} />);
    const notice = screen.getByTestId('retention-soon');
    expect(notice.textContent).toContain('từ ngày 19/04/2026');
    expect(notice.textContent).toContain('Biên nhận và quá trình xử lý vẫn giữ lại');
    expect(screen.getByTestId('export-dossier')).toBeTruthy();
  });

  it('after removal, says plainly what went and that the commune keeps the official record', () => {
    render(<RetentionNotice dossier={dossier({ wipedAt: FINISHED + RETENTION_DAYS * DAY + DAY })} />);
    const text = screen.getByTestId('retention-removed').textContent;
    expect(text).toContain('Ngày 20/04/2026');
    expect(text).toContain('ảnh giấy tờ, thông tin cá nhân và tệp kết quả');
    expect(text).toContain('Xã, phường vẫn giữ hồ sơ gốc');
  });
});
