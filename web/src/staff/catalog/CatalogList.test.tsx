import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { fakeApi, setupStaffTest } from '../test/fixtures.ts';
import { CatalogList } from './CatalogList.tsx';
import { catalogList } from './testData.ts';

beforeEach(async () => {
  await setupStaffTest();
  await resetDb();
  await seedReferenceData();
});
afterEach(() => vi.unstubAllGlobals());

const rows = () => screen.queryAllByTestId('catalog-row').map((r) => r.dataset.code);

describe('the catalog list', () => {
  it('shows every procedure with its status and version, found without tones and narrowed by field and status', async () => {
    fakeApi({ 'GET /api/admin/procedures': () => ({ procedures: catalogList(), version: '9' }) });
    render(<CatalogList />);
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(screen.getByTestId('catalog-count').textContent).toBe('5 / 5 thủ tục');

    const signature = screen.getAllByTestId('catalog-row').find((r) => r.dataset.code === '2.000884')!;
    expect(within(signature).getByTestId('procedure-state').textContent).toBe('Đang áp dụngCó thay đổi chưa công bố');
    expect(signature.textContent).toContain('Phiên bản 2');
    const trial = screen.getAllByTestId('catalog-row').find((r) => r.dataset.code === 'TN.HKD.01')!;
    expect(within(trial).getByTestId('procedure-state').textContent).toBe('Bản nháp');
    expect(trial.textContent).toContain('Chưa công bố');

    // Typed without tones, and by a keyword people use.
    fireEvent.change(screen.getByTestId('catalog-search'), { target: { value: 'dang ky khai sinh' } });
    expect(rows()).toEqual(['1.001193']);
    fireEvent.change(screen.getByTestId('catalog-search'), { target: { value: 'giay khai' } });
    expect(rows()).toEqual(['1.001193']);
    fireEvent.change(screen.getByTestId('catalog-search'), { target: { value: 'đăng ký' } });
    // In Vietnamese alphabetical order of the names.
    expect(rows()).toEqual(['TN.HKD.01', '1.000894', '1.001193', '1.004222']);

    fireEvent.change(screen.getByTestId('catalog-field'), { target: { value: 'Hộ tịch' } });
    expect(rows()).toEqual(['1.000894', '1.001193']);
    expect(screen.getByTestId('catalog-count').textContent).toBe('2 / 5 thủ tục');

    fireEvent.change(screen.getByTestId('catalog-search'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('catalog-field'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('catalog-status'), { target: { value: 'retired' } });
    expect(rows()).toEqual(['1.004222']);
    expect(screen.getAllByTestId('catalog-row')[0]!.textContent).toContain('Đã ngừng');
    fireEvent.change(screen.getByTestId('catalog-status'), { target: { value: 'pending' } });
    expect(rows()).toEqual(['2.000884']);
    fireEvent.change(screen.getByTestId('catalog-status'), { target: { value: 'draft' } });
    expect(rows()).toEqual(['TN.HKD.01']);

    fireEvent.change(screen.getByTestId('catalog-search'), { target: { value: 'khong co thu tuc nay' } });
    expect(screen.getByText('Không có thủ tục nào khớp tìm kiếm và bộ lọc.')).toBeTruthy();
  });

  it('lists the fields of law in use as the field filter, and links each procedure to its editor', async () => {
    fakeApi({ 'GET /api/admin/procedures': () => ({ procedures: catalogList(), version: '9' }) });
    render(<CatalogList />);
    await waitFor(() => expect(rows()).toHaveLength(5));
    const options = [...screen.getByTestId('catalog-field').querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['Tất cả lĩnh vực', 'Chứng thực', 'Cư trú', 'Hộ tịch', 'Kinh doanh']);
    expect(screen.getAllByTestId('catalog-row')[0]!.getAttribute('href')).toBe('/staff/catalog/2.000884');
    expect(screen.getByTestId('add-procedure').getAttribute('href')).toBe('/staff/catalog/_new');
  });
});
