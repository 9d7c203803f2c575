// Each unit's account for fees paid by bank transfer, and the fee a device sees: the VietQR
// payload is built here once, when the fee is requested, and stored with the dossier.
import { bankName, buildVietQr, transferPurpose, type LifecycleAction, type Payee, type PaymentInfo, type PutPayeeRequest } from '@hsc/shared';
import type { PayeeRecord } from '../store/kysely-payees.ts';
import type { DossierRecord, Store } from '../store/store.ts';

/**
 * Fictitious accounts for the demo units, so the QR can be tried; the name says it is a test.
 * A banking app scanning one finds no such account.
 */
export const DEMO_PAYEES: readonly (PutPayeeRequest & { unitCode: string })[] = [
  { unitCode: '05716', bankBin: '970405', accountNumber: '8888057160000', accountName: 'UBND XA VO NHAI (THU NGHIEM)' },
  { unitCode: '05533', bankBin: '970405', accountNumber: '8888055330000', accountName: 'UBND PHUONG BA XUYEN (THU NGHIEM)' },
];

/** What is kept in `dossiers.payment` (JSON): the request, the built payload, and once paid, who and what. */
export interface StoredPayment {
  amount: number;
  note?: string;
  purpose?: string;
  vietqr?: string;
  payee?: Payee;
  paidAt?: string;
  paidAmount?: number;
  reference?: string;
  paidBy?: string;
}

export const toPayee = (p: PayeeRecord): Payee => ({
  bankBin: p.bankBin,
  ...(bankName(p.bankBin) ? { bankName: bankName(p.bankBin) } : {}),
  accountNumber: p.accountNumber,
  accountName: p.accountName,
});

/** The stored form of a fee request: the payload is built when the unit has an account. */
export function paymentRequest(amount: number, note: string | undefined, dossierCode: string, payee: PayeeRecord | undefined): StoredPayment {
  const out: StoredPayment = { amount, ...(note ? { note } : {}) };
  if (!payee) return out;
  const purpose = transferPurpose(dossierCode, note);
  return { ...out, purpose, vietqr: buildVietQr({ bankBin: payee.bankBin, accountNumber: payee.accountNumber, amount, purpose }), payee: toPayee(payee) };
}

/** `dossiers.payment` after an action: set by a fee request, completed by the officer's receipt of it. */
export function nextPayment(action: LifecycleAction, d: Pick<DossierRecord, 'code' | 'payment'>, payee: PayeeRecord | undefined, officerId: string, at: string): string | null {
  if (action.action === 'request_payment') return JSON.stringify(paymentRequest(action.amount, action.note, d.code, payee));
  if (action.action !== 'payment_received' || !d.payment) return d.payment;
  const p = JSON.parse(d.payment) as StoredPayment;
  const paid: StoredPayment = { ...p, paidAt: at, paidAmount: action.amount ?? p.amount, paidBy: officerId, ...(action.reference ? { reference: action.reference } : {}) };
  return JSON.stringify(paid);
}

/** The timeline note of a received fee: amount and the bank's reference, readable in any language. */
export function paidNote(stored: string): string {
  const p = JSON.parse(stored) as StoredPayment;
  const amount = `${String(p.paidAmount ?? p.amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} VND`;
  return p.reference ? `${amount} · ${p.reference}` : amount;
}

/** The fee as the person sees it, from the stored JSON; undefined when none was requested. */
export function paymentInfo(stored: string | null): PaymentInfo | undefined {
  if (!stored) return undefined;
  const p = JSON.parse(stored) as StoredPayment;
  return {
    amount: p.amount,
    purpose: p.note ?? '',
    ...(p.vietqr ? { vietqr: p.vietqr } : {}),
    ...(p.payee ? { payee: p.payee } : {}),
    ...(p.paidAt ? { paidAt: p.paidAt } : {}),
  };
}

export async function seedDemoPayees(store: Store, at: string): Promise<void> {
  const units = new Set((await store.listUnits()).map((u) => u.code));
  for (const { unitCode, ...p } of DEMO_PAYEES) {
    if (units.has(unitCode)) await store.payees.seed({ unitCode, ...p, updatedAt: at, updatedBy: null });
  }
}
