import { render, screen } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDossier, markAttention, markSending } from '../../db/dossiers.ts';
import { initI18n, switchLanguage } from '../../i18n/index.ts';
import { queuedDossier, resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { AttentionPanel } from './AttentionPanel.tsx';

beforeAll(() => initI18n('vi'));
beforeEach(async () => {
  await resetDb();
  await seedReferenceData();
  await switchLanguage('vi');
});

async function setAside(fields: { path: string; code: string; message: string }[]) {
  const d = await queuedDossier();
  await markSending(d.id);
  await markAttention(d.id, { code: 'invalid', message: 'invalid', fields });
  return (await getDossier(d.id))!;
}

describe('a dossier the commune refused', () => {
  it('says in plain words that a retired procedure takes no new dossiers and that the commune can advise, with no edit to try', async () => {
    const d = await setAside([{ path: 'procedureCode', code: 'procedureRetired', message: 'retired' }]);
    render(<AttentionPanel dossier={d} procedure={null} />);
    expect(screen.getByTestId('attention-reason').textContent).toBe('Thủ tục này đã ngừng nhận hồ sơ mới. Hãy hỏi xã, phường về thủ tục thay thế.');
    expect(screen.queryByTestId('attention-edit')).toBeNull();
    expect(screen.queryByText('procedureCode')).toBeNull();
  });

  it('asks to update the dossier to the new form when its version is gone from the server', async () => {
    const d = await setAside([{ path: 'procedureVersion', code: 'procedureVersion', message: 'unknown version' }]);
    render(<AttentionPanel dossier={d} procedure={null} />);
    expect(screen.getByRole('listitem').textContent).toBe('Xã đã thay mẫu của thủ tục này. Hãy mở lại hồ sơ và cập nhật theo mẫu mới.');
    expect(screen.getByTestId('attention-edit')).toBeTruthy();
  });

  it('names a wrong field by the label of the version the dossier was filled in', async () => {
    const d = await setAside([{ path: 'fields.documentName', code: 'required', message: 'required' }]);
    render(<AttentionPanel dossier={d} procedure={null} />);
    expect(screen.getByText('Tên giấy tờ cần ký')).toBeTruthy();
    expect(screen.getByTestId('attention-edit')).toBeTruthy();
  });
});
