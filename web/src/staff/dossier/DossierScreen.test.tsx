import type { Procedure } from '@hsc/shared/schemas';
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deskDossier, fakeApi, setupStaffTest, user } from '../test/fixtures.ts';
import { DossierScreen } from './DossierScreen.tsx';

beforeEach(setupStaffTest);
afterEach(() => vi.unstubAllGlobals());

const base: Procedure = {
  code: 'T.1',
  version: 1,
  name: { vi: 'Hỗ trợ hộ gia đình', en: 'Household support' },
  field: { vi: 'Bảo trợ xã hội', en: 'Social protection' },
  processingDays: 3,
  processingTime: { vi: '3 ngày làm việc', en: '3 working days' },
  fee: { vi: 'Miễn phí', en: 'Free' },
  where: { vi: 'Xã', en: 'Commune' },
  fields: [
    { key: 'needsHelp', type: 'yesNo', required: true, label: { vi: 'Cần hỗ trợ gấp?', en: 'Urgent?' } },
    {
      key: 'members',
      type: 'group',
      required: true,
      label: { vi: 'Thành viên hộ', en: 'Household members' },
      fields: [
        { key: 'name', type: 'text', required: true, label: { vi: 'Họ tên', en: 'Name' } },
        { key: 'relation', type: 'choice', required: true, label: { vi: 'Quan hệ', en: 'Relation' }, options: [{ value: 'child', label: { vi: 'Con', en: 'Child' } }] },
      ],
    },
  ],
  documents: [],
};

describe('a dossier at the desk', () => {
  it('is read against the procedure version it was filled in, group rows included', async () => {
    const v2: Procedure = { ...base, version: 2, fields: [{ ...base.fields[0]!, label: { vi: 'Nhãn của bản 2', en: 'Label of v2' } }] };
    const { calls } = fakeApi({
      'GET /api/staff/dossiers/d1': () => ({
        dossier: deskDossier({ id: 'd1', procedureCode: 'T.1', procedureVersion: 1, fields: { needsHelp: 'yes', members: [{ name: 'Lò Văn Páo', relation: 'child' }] } }),
      }),
      'GET /api/procedures': () => ({ version: '7', procedures: [v2] }),
      'GET /api/procedures/T.1': (url) => (url.searchParams.get('version') === '1' ? base : v2),
      'GET /api/units': () => ({ units: [] }),
      'GET /api/holidays': () => ({ holidays: [] }),
    });
    render(<DossierScreen id="d1" user={user('officer')} />);
    const fields = await screen.findByTestId('fields');
    await waitFor(() => expect(within(fields).getByTestId('field-needsHelp').textContent).toBe('Cần hỗ trợ gấp?Có'));
    expect(within(fields).getByTestId('field-members').querySelector('li')?.textContent).toBe('Họ tên: Lò Văn Páo · Quan hệ: Con');
    expect(calls.some((c) => c.url.pathname === '/api/procedures/T.1' && c.url.searchParams.get('version') === '1')).toBe(true);
  });
});
