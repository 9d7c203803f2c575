// The SMS choice: shown only when the commune sends SMS; the number typed in the form is offered,
// sent with the device secret; a number the server refuses is said so; the person may stop it.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDossier } from '../db/dossiers.ts';
import { initI18n } from '../i18n/index.ts';
import { queuedDossier, resetDb, seedReferenceData } from '../test-utils/fixtures.ts';
import { SmsOffer } from './SmsOffer.tsx';

/** A server that sends SMS (or not) and keeps one opt-in. */
function installServer(available: boolean) {
  let optedIn = false;
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (method === 'GET') return new Response(JSON.stringify({ available, optedIn, ...(optedIn ? { phone: '*******678' } : {}) }));
    if (method === 'DELETE') return (optedIn = false), new Response(null, { status: 204 });
    const { phone } = JSON.parse(init!.body as string) as { phone: string };
    if (!/^0[35789]\d{8}$/.test(phone.replace(/\s/g, ''))) return new Response(JSON.stringify({ error: 'sms_phone' }), { status: 400 });
    optedIn = true;
    return new Response(null, { status: 204 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

beforeAll(() => initI18n('vi'));
beforeEach(async () => {
  await resetDb();
  await seedReferenceData();
});
afterEach(() => vi.unstubAllGlobals());

describe('SmsOffer', () => {
  it('offers the form\'s number, sends it with the device secret, then says where messages go and can stop them', async () => {
    const d = await queuedDossier();
    const fetchMock = installServer(true);
    render(<SmsOffer dossierId={d.id} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Nhận tin nhắn SMS' }));
    const input = screen.getByLabelText('Số điện thoại di động nhận tin') as HTMLInputElement;
    expect(input.value).toBe('0912345678');

    fireEvent.change(input, { target: { value: '0212 345 678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký nhận tin' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/chưa đúng/);

    fireEvent.change(input, { target: { value: '0912 345 678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký nhận tin' }));
    expect((await screen.findByTestId('sms-on')).textContent).toContain('*******678');
    const post = fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST').at(-1)!;
    expect(post[0]).toBe(`/api/dossiers/${d.id}/sms`);
    expect((post[1]!.headers as Record<string, string>)['x-dossier-secret']).toBe((await getDossier(d.id))!.deviceSecret);
    expect(JSON.parse(post[1]!.body as string)).toEqual({ phone: '0912 345 678', lang: 'vi' });

    fireEvent.click(screen.getByRole('button', { name: 'Thôi nhận tin nhắn' }));
    await screen.findByTestId('sms-offer');
  });

  it('offers nothing when the commune sends no SMS, or offline', async () => {
    const d = await queuedDossier();
    const fetchMock = installServer(false);
    const { container } = render(<SmsOffer dossierId={d.id} />);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(container.textContent).toBe('');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
    const other = render(<SmsOffer dossierId={d.id} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(other.container.textContent).toBe('');
  });
});
