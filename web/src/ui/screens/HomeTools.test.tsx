// The home screen's quieter tools: how full the phone is, and opening a dossier from a file.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDossier, markAttention, markSending } from '../../db/dossiers.ts';
import { initI18n } from '../../i18n/index.ts';
import { queuedDossier, resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { exportDossier } from '../../transfer/export.ts';
import { DossierDetail } from './DossierDetail.tsx';
import { Home } from './Home.tsx';

const MB = 1024 * 1024;

function fakeStorage(usage: number, quota: number) {
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { estimate: async () => ({ usage, quota }), persisted: async () => true, persist: async () => true },
  });
}

function pick(input: HTMLElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

beforeAll(() => initI18n('vi'));
beforeEach(async () => {
  await resetDb();
  await seedReferenceData();
  history.replaceState(null, '', '/');
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
  vi.restoreAllMocks();
});

describe('storage on the home screen', () => {
  it('shows how much is used and free, calmly, when there is room', async () => {
    fakeStorage(3.5 * MB, 2051.5 * MB);
    render(<Home />);
    const line = await screen.findByTestId('storage');
    expect(line.dataset.low).toBe('false');
    expect(line.textContent).toContain('đã dùng 3,5 MB, còn trống khoảng 2 GB');
    expect(line.textContent).toContain('giữ hồ sơ lâu dài');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns before the space runs out', async () => {
    fakeStorage(1990 * MB, 2030 * MB);
    render(<Home />);
    const line = await screen.findByTestId('storage');
    expect(line.dataset.low).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('Bộ nhớ sắp đầy: chỉ còn khoảng 40 MB');
  });

  it('says nothing where the browser cannot tell', async () => {
    render(<Home />);
    await screen.findByTestId('import-dossier');
    expect(screen.queryByTestId('storage')).toBeNull();
  });
});

describe('opening a dossier from a file', () => {
  it('brings it onto this phone and opens it; a second time it is refused with a link to it', async () => {
    const d = await queuedDossier('Hoàng Thị Lan');
    const { blob, fileName } = await exportDossier(d.id);
    const file = new File([await blob.arrayBuffer()], fileName, { type: 'application/json' });
    await resetDb();
    await seedReferenceData();

    render(<Home />);
    pick(await screen.findByTestId('import-file'), [file]);
    await waitFor(() => expect(screen.getAllByTestId('dossier-item')).toHaveLength(1));
    expect(location.pathname).toBe(`/dossiers/${d.id}`);
    expect((await getDossier(d.id))?.state).toBe('queued');

    pick(screen.getByTestId('import-file'), [file]);
    const problem = await screen.findByTestId('import-problem');
    expect(problem.dataset.reason).toBe('exists');
    expect(problem.textContent).toContain(`Hồ sơ ${d.localRef} đã có trên điện thoại này`);
    expect(problem.querySelector('a')?.getAttribute('href')).toBe(`/dossiers/${d.id}`);
  });

  it('explains a file that is not a dossier', async () => {
    render(<Home />);
    pick(await screen.findByTestId('import-file'), [new File(['hello'], 'note.json', { type: 'application/json' })]);
    expect((await screen.findByTestId('import-problem')).textContent).toContain('không phải là hồ sơ đã lưu từ ứng dụng');
  });
});

describe('saving a dossier to a file', () => {
  it('is offered among the actions of a dossier set aside, and says where the file went', async () => {
    const created: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), 'blob:x'), revokeObjectURL: () => undefined });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const d = await queuedDossier();
    await markSending(d.id);
    await markAttention(d.id, { code: 'rejected', message: 'HTTP 403' });
    render(<DossierDetail id={d.id} />);
    const panel = await screen.findByTestId('attention');
    fireEvent.click(panel.querySelector('[data-testid="export-dossier"]')!);

    const done = await screen.findByTestId('export-done');
    expect(done.textContent).toContain(`ho-so-${d.localRef}.hosocong.json`);
    expect(click).toHaveBeenCalledTimes(1);
    expect(JSON.parse(await created[0]!.text()).dossier.id).toBe(d.id);
    // One export button on the screen, inside the panel.
    expect(screen.getAllByTestId('export-dossier')).toHaveLength(1);
  });
});
