import { SEED_CATALOG } from '@hsc/shared/catalog';
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/index.ts';
import { resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { Catalog, searchProcedures } from './Catalog.tsx';

const codes = (q: string) => searchProcedures(SEED_CATALOG, q).map((p) => p.code);

describe('catalog search', () => {
  it('ignores tones and đ', () => {
    expect(codes('dang ky khai sinh')).toEqual(['1.001193']);
    expect(codes('khai sinh')).toEqual(['1.001193']);
    expect(codes('ĐĂNG KÝ KHAI SINH')).toEqual(['1.001193']);
    expect(codes('chung thuc chu ky')).toEqual(['2.000884']);
  });
  it('finds by English name and by the start of words', () => {
    expect(codes('birth')).toEqual(['1.001193']);
    expect(codes('tam tru')).toEqual(['1.004194']);
    expect(codes('dang ky')).toContain('1.000894');
  });
  it('lists everything for an empty query', () => {
    expect(codes('  ')).toHaveLength(SEED_CATALOG.length);
  });
});

describe('the catalog screen', () => {
  beforeAll(() => initI18n('vi'));
  beforeEach(async () => {
    await resetDb();
    await seedReferenceData();
  });

  it('filters the list as the person types', async () => {
    render(<Catalog />);
    await screen.findByTestId('procedure-1.001193');
    expect(screen.getAllByTestId(/^procedure-/)).toHaveLength(SEED_CATALOG.length);

    fireEvent.change(screen.getByTestId('catalog-search'), { target: { value: 'dang ky khai sinh' } });
    expect(screen.getAllByTestId(/^procedure-/).map((e) => e.dataset.testid)).toEqual(['procedure-1.001193']);
    expect(screen.getByTestId('procedure-1.001193').textContent).toContain('Đăng ký khai sinh');

    fireEvent.change(screen.getByTestId('catalog-search'), { target: { value: 'xyz khong co' } });
    expect(screen.queryAllByTestId(/^procedure-/)).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toMatch(/Không tìm thấy/);
  });
});
