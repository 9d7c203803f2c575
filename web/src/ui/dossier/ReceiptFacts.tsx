// The facts of a commune receipt (code, lookup code, received at, due at): the same on the
// phone's receipt and on the desk's printed copy for a walk-in.
import type { Receipt } from '@hsc/shared/schemas';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';

/** `dueAt` overrides the receipt's when the commune has moved the date since. */
export function ReceiptFacts({ receipt, dueAt }: { receipt: Receipt; dueAt?: string }) {
  const { t } = useLang();
  return (
    <dl className="facts">
      <dt>{t('detail.code')}</dt>
      <dd className="code code-big" data-testid="receipt-code">
        {receipt.code}
      </dd>
      <dt>{t('detail.lookup')}</dt>
      <dd className="code code-big" data-testid="receipt-lookup">
        {receipt.lookupCode}
      </dd>
      <dt>{t('detail.receivedAt')}</dt>
      <dd data-testid="receipt-received">{formatDateTime(receipt.receivedAt)}</dd>
      <dt>{t('detail.dueAt')}</dt>
      <dd data-testid="receipt-due">{formatDateTime(dueAt ?? receipt.dueAt)}</dd>
    </dl>
  );
}
