// A fee paid by bank transfer: the unit's account (set by an administrator) and what the device
// status carries once an officer requests a fee. The VietQR payload is built once by the server
// (vietqr.ts) so the phone, /tra-cuu and the print show the very same code.
import { z } from 'zod';

/** NAPAS bank identification numbers of the banks most communes hold accounts with. */
export const BANK_NAMES: Readonly<Record<string, string>> = {
  '970405': 'Agribank',
  '970436': 'Vietcombank',
  '970415': 'VietinBank',
  '970418': 'BIDV',
  '970407': 'Techcombank',
  '970422': 'MB',
  '970416': 'ACB',
  '970432': 'VPBank',
  '970403': 'Sacombank',
  '970423': 'TPBank',
};

export const BankBin = z.string().regex(/^\d{6}$/);
export const AccountNumber = z.string().regex(/^[A-Za-z0-9]{1,19}$/);

/** Body of `PUT /api/admin/units/:code/payee`. */
export const PutPayeeRequest = z.object({
  bankBin: BankBin,
  accountNumber: AccountNumber,
  /** As the bank shows it to the payer, e.g. "UBND XA VO NHAI". */
  accountName: z.string().trim().min(1).max(70),
});
export type PutPayeeRequest = z.infer<typeof PutPayeeRequest>;

/** The account a fee is paid into, as the payer reads it. */
export const Payee = PutPayeeRequest.extend({ bankName: z.string().optional() });
export type Payee = z.infer<typeof Payee>;

/** `GET`/`PUT /api/admin/units/:code/payee`: the unit's account, null until one is set. */
export const UnitPayeeResponse = z.object({
  unitCode: z.string(),
  payee: Payee.extend({ updatedAt: z.string() }).nullable(),
});
export type UnitPayeeResponse = z.infer<typeof UnitPayeeResponse>;

/** The fee of a dossier as the person sees it (device status, /tra-cuu, print). */
export const PaymentInfo = z.object({
  /** VND. */
  amount: z.number().int(),
  /** What the fee is for, in the officer's words (may be empty). */
  purpose: z.string(),
  /** The VietQR payload; absent when the unit has no account set. */
  vietqr: z.string().optional(),
  payee: Payee.optional(),
  /** When an officer marked it paid. */
  paidAt: z.string().optional(),
});
export type PaymentInfo = z.infer<typeof PaymentInfo>;

export const bankName = (bin: string): string | undefined => BANK_NAMES[bin];
