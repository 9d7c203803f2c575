// The desk's SMS tick: shown only when the commune sends SMS; the applicant's phone is offered,
// saved to the server with the CSRF token; the server's refusal is shown; the officer can stop it.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deskDossier, setupStaffTest } from '../test/fixtures.ts';
import { SmsOptIn } from './SmsOptIn.tsx';

beforeEach(setupStaffTest);
afterEach(() => vi.unstubAllGlobals());

function installServer(available: boolean) {
  let optedIn = false;
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (method === 'GET') return new Response(JSON.stringify({ available, optedIn, ...(optedIn ? { phone: '*******678' } : {}) }));
    if (method === 'DELETE') return (optedIn = false), new Response(null, { status: 204 });
    const { phone } = JSON.parse(init!.body as string) as { phone: string };
    if (phone.startsWith('02')) return new Response(JSON.stringify({ error: 'sms_phone', message: 'Số điện thoại di động chưa đúng' }), { status: 400 });
    optedIn = true;
    return new Response(null, { status: 204 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('the desk SMS opt-in', () => {
  it('ticked, it offers the applicant\'s phone, saves it, says where messages go, and stops them', async () => {
    const fetchMock = installServer(true);
    const d = deskDossier({});
    render(<SmsOptIn dossierId={d.id} phone={d.applicant.phone} />);
    fireEvent.click(await screen.findByLabelText('Gửi tin nhắn SMS cho người nộp'));
    const input = screen.getByLabelText('Số điện thoại di động của người nộp') as HTMLInputElement;
    expect(input.value).toBe(d.applicant.phone);

    fireEvent.change(input, { target: { value: '0212345678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect((await screen.findByRole('alert')).textContent).toContain('chưa đúng');

    fireEvent.change(input, { target: { value: '0912345678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect((await screen.findByTestId('sms-optin-on')).textContent).toContain('*******678');
    const post = fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST').at(-1)!;
    expect(post[0]).toBe(`/api/staff/dossiers/${d.id}/sms`);
    expect(JSON.parse(post[1]!.body as string)).toEqual({ phone: '0912345678', lang: 'vi' });

    fireEvent.click(screen.getByRole('button', { name: 'Thôi gửi tin nhắn' }));
    await screen.findByLabelText('Gửi tin nhắn SMS cho người nộp');
  });

  it('is not shown when the commune sends no SMS', async () => {
    const fetchMock = installServer(false);
    const { container } = render(<SmsOptIn dossierId="x" phone="" />);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(container.textContent).toBe('');
  });
});
