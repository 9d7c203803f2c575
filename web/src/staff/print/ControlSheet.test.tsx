import type { ControlSheet } from '@hsc/shared/handover';
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, setupStaffTest } from '../test/fixtures.ts';
import { ControlSheetPreview } from './ControlSheet.tsx';

beforeEach(setupStaffTest);
afterEach(() => vi.unstubAllGlobals());

const officer = { id: 'o1', name: 'Cán bộ A' };
const specialist = { id: 's1', name: 'Chuyên viên B' };
const leader = { id: 'l1', name: 'Lãnh đạo C' };
const SHEET: ControlSheet = {
  kind: '05',
  issuedAt: '2026-03-12T03:00:00.000Z',
  dossierId: 'd1',
  dossierCode: 'H19.05716-260310-0001',
  lookupCode: 'K3QX',
  status: 'accepted',
  agency: { unitCode: '05716', unitName: 'Xã Võ Nhai', desk: 'Bộ phận Một cửa' },
  applicant: { fullName: 'Hoàng Thị Lan', address: 'Xóm Làng Lường', phone: '0912345678' },
  procedure: { code: '2.000884', name: 'Chứng thực chữ ký' },
  receivedAt: '2026-03-10T01:00:00.000Z',
  dueAt: '2026-03-13T10:00:00.000Z',
  steps: [
    { seq: 0, from: null, to: officer, receivedAt: '2026-03-10T01:00:00.000Z', dueAt: '2026-03-10T10:00:00.000Z', handedOnAt: '2026-03-10T02:00:00.000Z', timing: 'on_time' },
    { seq: 1, from: officer, to: specialist, receivedAt: '2026-03-10T02:00:00.000Z', dueAt: '2026-03-12T10:00:00.000Z', handedOnAt: '2026-03-12T11:00:00.000Z', timing: 'late' },
    { seq: 2, from: specialist, to: leader, receivedAt: '2026-03-12T11:00:00.000Z', dueAt: '2026-03-13T10:00:00.000Z', handedOnAt: null, timing: null },
  ],
};

describe('the printed Mẫu 05', () => {
  it('lists every step: from whom to whom, received, due, handed on, and whether it was on time', async () => {
    fakeApi({ 'GET /api/staff/dossiers/d1/control-sheet': () => SHEET });
    render(<ControlSheetPreview dossierId="d1" />);
    const sheet = await screen.findByTestId('form-05');
    expect(sheet.textContent).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(sheet.textContent).toContain('Kèm theo hồ sơ của: Hoàng Thị Lan');
    expect(sheet.textContent).toContain('Xã Võ Nhai, ngày 12 tháng 03 năm 2026');
    expect(sheet.textContent).not.toContain('Số:');
    const rows = within(screen.getByTestId('control-steps')).getAllByTestId('control-step');
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['1', 'Người nộp hồ sơ', 'Bộ phận tiếp nhận và trả kết quả (Cán bộ A)', '08:00 10/03/2026', '17:00 10/03/2026', '09:00 10/03/2026', 'Đúng hạn'],
      ['2', 'Cán bộ A', 'Chuyên viên B', '09:00 10/03/2026', '17:00 12/03/2026', '18:00 12/03/2026', 'Quá hạn'],
      ['3', 'Chuyên viên B', 'Lãnh đạo C', '18:00 12/03/2026', '17:00 13/03/2026', '', 'Đang giải quyết'],
    ]);
  });
});
