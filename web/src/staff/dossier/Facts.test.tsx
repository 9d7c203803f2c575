import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { deskDossier, setupStaffTest } from '../test/fixtures.ts';
import { Summary } from './Facts.tsx';

beforeEach(setupStaffTest);

describe("the dossier's facts", () => {
  it('list the fee with each transfer photo the citizen sent, each opening the stored file', () => {
    const d = deskDossier({
      status: 'financial_requested',
      payment: { amount: 50000, note: 'Lệ phí kết hôn' },
      paymentProofs: [
        {
          id: '22222222-2222-4222-8222-222222222222',
          receivedAt: '2026-03-10T03:00:00.000Z',
          attachment: { id: '33333333-3333-4333-8333-333333333333', fileName: 'ck.jpg', mediaType: 'image/jpeg', size: 1000, sha256: 'a'.repeat(64), verified: true },
        },
      ],
    });
    render(<Summary dossier={d} />);
    const proof = screen.getByTestId('dossier-payment-proof');
    expect(proof.textContent).toBe('Ảnh chuyển khoản người dân gửi lúc 10:00 10/03/2026');
    expect(proof.querySelector('a')?.getAttribute('href')).toBe(`/api/staff/dossiers/${d.id}/files/33333333-3333-4333-8333-333333333333`);
  });
});
