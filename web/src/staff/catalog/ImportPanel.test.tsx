import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { fakeApi, setupStaffTest } from '../test/fixtures.ts';
import { CatalogList } from './CatalogList.tsx';
import { catalogList, PROCEDURES } from './testData.ts';

// The browser's download is the one thing jsdom cannot do; what is handed to it is checked.
const downloads = vi.hoisted(() => ({ saveFile: vi.fn<(blob: Blob, name: string) => void>() }));
vi.mock('../../ui/download.ts', () => downloads);

beforeEach(async () => {
  await setupStaffTest();
  await resetDb();
  await seedReferenceData();
});
afterEach(() => vi.unstubAllGlobals());

const FILE = { format: 'hosocong-catalog', formatVersion: 1, procedures: [PROCEDURES.BIRTH, { ...PROCEDURES.MARRIAGE, fee: { vi: '10.000 đồng', en: 'VND 10,000' } }, { ...PROCEDURES.MARKET, code: 'TN.NEW.02' }] };
const file = (body: unknown, name = 'danh-muc.json') => new File([typeof body === 'string' ? body : JSON.stringify(body)], name, { type: 'application/json' });
const items = (testId: string) => within(screen.getByTestId(testId)).getAllByRole('listitem').map((li) => li.textContent);

async function pick(f: File) {
  fireEvent.click(await screen.findByTestId('open-import'));
  const input = screen.getByTestId('import-file');
  await act(async () => fireEvent.change(input, { target: { files: [f] } }));
}

describe('importing a catalog file', () => {
  it('shows the dry run (added, changed, retired with a warning, unchanged) and imports only on "Áp dụng"', async () => {
    let listed = 0;
    const api = fakeApi({
      'GET /api/admin/procedures': () => (listed++, { procedures: catalogList(), version: '9' }),
      'POST /api/admin/catalog/import': (url) =>
        url.searchParams.get('dryRun') === 'true'
          ? { added: ['TN.NEW.02'], changed: ['1.000894'], retired: ['2.000884', 'TN.HKD.01'], unchanged: 1, errors: [] }
          : { added: ['TN.NEW.02'], changed: ['1.000894'], retired: ['2.000884', 'TN.HKD.01'], unchanged: 1, errors: [], version: '10' },
    });
    render(<CatalogList />);
    await pick(file(FILE));

    await screen.findByTestId('import-result');
    expect(items('import-added')).toEqual(['TN.NEW.02 · Đăng ký hộ kinh doanh (thử)']);
    expect(items('import-changed')).toEqual(['1.000894 · Đăng ký kết hôn']);
    // Those about to be retired are not in the file: named from the catalog there now.
    expect(items('import-retired')).toEqual(['2.000884 · Chứng thực chữ ký', 'TN.HKD.01 · Đăng ký hộ kinh doanh (thử)']);
    expect(screen.getByTestId('import-retired').textContent).toContain('các thủ tục đang áp dụng mà tệp không có sẽ bị NGỪNG ÁP DỤNG');
    expect(screen.getByTestId('import-unchanged').textContent).toBe('Không đổi: 1 thủ tục');
    const dry = api.calls.filter((c) => c.method === 'POST');
    expect(dry.map((c) => c.url.search)).toEqual(['?dryRun=true']);
    expect(JSON.parse(await (dry[0]!.body as Blob).text())).toEqual(FILE);

    const listedBefore = listed;
    await act(async () => fireEvent.click(screen.getByTestId('import-apply')));
    await waitFor(() => expect(screen.getByTestId('import-message').textContent).toBe('Đã nhập danh mục (phiên bản danh mục 10).'));
    const posts = api.calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => `${c.url.pathname}${c.url.search}`)).toEqual(['/api/admin/catalog/import?dryRun=true', '/api/admin/catalog/import']);
    expect(screen.queryByTestId('import-apply')).toBeNull();
    await waitFor(() => expect(listed).toBeGreaterThan(listedBefore));
  });

  it('names every error by its path, offers no "Áp dụng", and says nothing changed', async () => {
    const api = fakeApi({
      'GET /api/admin/procedures': () => ({ procedures: catalogList(), version: '9' }),
      'POST /api/admin/catalog/import': () => ({
        added: [],
        changed: [],
        retired: [],
        unchanged: 0,
        errors: [
          { path: 'procedures[12].fields[3].type', message: 'Kiểu trường không có: "chon".' },
          { path: 'procedures[2].code', message: 'Mã thủ tục trùng với procedures[0].' },
        ],
      }),
    });
    render(<CatalogList />);
    await pick(file(FILE));
    const errors = await screen.findByTestId('import-errors');
    expect(errors.textContent).toContain('Tệp có 2 lỗi: chưa nhập được, không có gì thay đổi.');
    expect(within(errors).getAllByTestId('import-error').map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['procedures[12].fields[3].type', 'Kiểu trường không có: "chon".'],
      ['procedures[2].code', 'Mã thủ tục trùng với procedures[0].'],
    ]);
    expect(screen.queryByTestId('import-apply')).toBeNull();
    expect(screen.queryByTestId('import-unchanged')).toBeNull();
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('refuses a file that is not JSON without asking the server', async () => {
    const api = fakeApi({ 'GET /api/admin/procedures': () => ({ procedures: catalogList(), version: '9' }) });
    render(<CatalogList />);
    await pick(file('<html>không phải danh mục</html>', 'trang.html'));
    expect((await screen.findByTestId('import-message')).textContent).toBe('Không đọc được tệp này: đây không phải tệp danh mục JSON.');
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});

describe('exporting the catalog', () => {
  it('downloads the server’s catalog file as hosocong-catalog.json', async () => {
    const exported = { format: 'hosocong-catalog', formatVersion: 1, procedures: [PROCEDURES.BIRTH] };
    fakeApi({ 'GET /api/admin/procedures': () => ({ procedures: catalogList(), version: '9' }), 'GET /api/admin/catalog/export': () => exported });
    render(<CatalogList />);
    const button = await screen.findByTestId('export-catalog');
    await act(async () => fireEvent.click(button));
    await waitFor(() => expect(screen.getByTestId('export-result').textContent).toBe('Đã lưu tệp hosocong-catalog.json.'));
    expect(downloads.saveFile).toHaveBeenCalledOnce();
    const [blob, name] = downloads.saveFile.mock.calls[0]!;
    expect(name).toBe('hosocong-catalog.json');
    expect(JSON.parse(await blob.text())).toEqual(exported);
  });
});
