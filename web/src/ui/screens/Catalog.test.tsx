import { SEED_CATALOG } from '@hsc/shared/catalog';
import type { LifeEvent, Procedure } from '@hsc/shared/schemas';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveCatalog } from '../../db/catalog.ts';
import { initI18n } from '../../i18n/index.ts';
import { resetDb } from '../../test-utils/fixtures.ts';
import { catalogReturnPath } from '../router.tsx';
import { Catalog, PAGE } from './Catalog.tsx';

const EVENTS: Record<string, LifeEvent[]> = {
  '1.001193': ['birth'],
  '1.000894': ['marriage'],
  '1.004873': ['marriage'],
  '1.000656': ['death'],
  '1.004222': ['moving'],
  '1.004194': ['moving'],
  '2.000815': ['papers'],
  '2.000884': ['papers'],
  '2.001035': ['papers', 'land'],
  '2.000720': ['business'],
};
// The ten procedures the seed always has, with life events set here so the tests do not move
// when the seed grows.
const CATALOG: Procedure[] = SEED_CATALOG.filter((p) => p.code in EVENTS).map((p) => ({ ...p, lifeEvents: EVENTS[p.code] }));

/** A province-sized catalog: the seed and 290 more procedures. */
function bigCatalog(): Procedure[] {
  const more = Array.from({ length: 290 }, (_, i): Procedure => {
    const base = CATALOG[i % CATALOG.length]!;
    return { ...base, code: `9.${100000 + i}`, name: { vi: `${base.name.vi} (mẫu ${i})`, en: `${base.name.en} (sample ${i})` } };
  });
  return [...CATALOG, ...more];
}

const rows = () => screen.queryAllByTestId(/^procedure-/).map((e) => e.dataset.testid!.slice('procedure-'.length));
const type = (text: string) => fireEvent.change(screen.getByTestId('catalog-search'), { target: { value: text } });

describe('the catalog screen', () => {
  beforeAll(() => initI18n('vi'));
  beforeEach(async () => {
    await resetDb();
    await saveCatalog(CATALOG, '1', '"1"');
    history.replaceState(null, '', '/catalog');
  });

  it('offers life events and fields of law before anything is typed, and filters as the person types', async () => {
    render(<Catalog />);
    expect((await screen.findByTestId('catalog-event-birth')).textContent).toContain('Có con mới sinh');
    expect(screen.getByTestId('catalog-event-death').textContent).toContain('Người thân qua đời');
    expect(screen.getByTestId('catalog-field-ho-tich').textContent).toContain('Hộ tịch');
    expect(screen.getByTestId('catalog-all').textContent).toContain(`Xem tất cả ${CATALOG.length} thủ tục`);
    expect(rows()).toEqual([]);

    type('dang ky khai sinh');
    expect(rows()[0]).toBe('1.001193');
    expect(screen.getByTestId('procedure-1.001193').textContent).toContain('Đăng ký khai sinh');
    expect(screen.getByRole('status').textContent).toMatch(/Tìm thấy \d+ thủ tục/);

    type('xyz khong co');
    expect(rows()).toEqual([]);
    expect(screen.getByRole('status').textContent).toMatch(/Không tìm thấy/);
    // Nothing found: the ways to browse are right there.
    expect(screen.getByTestId('catalog-event-birth')).toBeTruthy();

    type('');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByTestId('catalog-event-birth')).toBeTruthy();
  });

  it('forgives the spelling: đăng kí, no tones, everyday words, a code', async () => {
    render(<Catalog />);
    await screen.findByTestId('catalog-event-birth');
    type('đăng kí khai sinh');
    expect(rows()[0]).toBe('1.001193');
    type('dang ky ket hon');
    expect(rows()[0]).toBe('1.000894');
    type('giấy khai sinh');
    expect(rows()[0]).toBe('1.001193');
    type('hộ khẩu');
    expect(rows()[0]).toBe('1.004222');
    type('2.000884');
    expect(rows()).toEqual(['2.000884']);
  });

  it('lists the procedures of a life event, and goes back to the choice', async () => {
    render(<Catalog />);
    fireEvent.click(await screen.findByTestId('catalog-event-marriage'));
    expect(screen.getByTestId('catalog-browse-title').textContent).toContain('Kết hôn');
    expect(rows().sort()).toEqual(['1.000894', '1.004873']);
    expect(location.search).toBe('?event=marriage');

    fireEvent.click(screen.getByTestId('catalog-choose-again'));
    expect(await screen.findByTestId('catalog-event-marriage')).toBeTruthy();
    expect(rows()).toEqual([]);
    expect(location.search).toBe('');
  });

  it('lists the procedures of a field of law by name', async () => {
    render(<Catalog />);
    fireEvent.click(await screen.findByTestId('catalog-field-cu-tru'));
    expect(screen.getByTestId('catalog-browse-title').textContent).toContain('Cư trú');
    expect(rows()).toEqual(['1.004194', '1.004222']);
  });

  it('opens on the list the person left: a chosen life event or a search', async () => {
    history.replaceState(null, '', '/catalog?event=death');
    const first = render(<Catalog />);
    expect(await screen.findByTestId('procedure-1.000656')).toBeTruthy();
    first.unmount();

    history.replaceState(null, '', '/catalog');
    const second = render(<Catalog />);
    await screen.findByTestId('catalog-event-birth');
    type('tam tru');
    fireEvent.click(screen.getByTestId('procedure-1.004194'));
    expect(location.pathname).toBe('/procedures/1.004194');
    second.unmount();

    act(() => history.back());
    await waitFor(() => expect(location.pathname + location.search).toBe('/catalog?q=tam+tru'));
    render(<Catalog />);
    expect((screen.getByTestId('catalog-search') as HTMLInputElement).value).toBe('tam tru');
    expect((await screen.findAllByTestId(/^procedure-/))[0]!.dataset.testid).toBe('procedure-1.004194');
  });

  it('draws a long list a page at a time', async () => {
    const big = bigCatalog();
    await saveCatalog(big, '2', '"2"');
    render(<Catalog />);
    fireEvent.click(await screen.findByTestId('catalog-all'));
    expect(rows()).toHaveLength(PAGE);
    fireEvent.click(screen.getByTestId('catalog-more'));
    expect(rows()).toHaveLength(2 * PAGE);

    // A short query matches many; the best come first, the rest on request.
    type('chung thuc');
    expect(rows()).toHaveLength(PAGE);
    expect(rows()[0]).toBe('2.000884');
    expect(screen.getByRole('status').textContent).toContain(`Tìm thấy ${big.filter((p) => p.field.vi === 'Chứng thực').length} thủ tục`);
    expect(within(screen.getByTestId('catalog-more')).getByText(/Xem thêm 30 thủ tục/)).toBeTruthy();
  });

  it('remembers the search a procedure was opened from, for the procedure screen\'s back button', async () => {
    render(<Catalog />);
    await screen.findByTestId('catalog-all');
    type('ket hon');
    fireEvent.click(screen.getByTestId('procedure-1.000894'));
    expect(catalogReturnPath()).toBe('/catalog?q=ket+hon');
  });
});
