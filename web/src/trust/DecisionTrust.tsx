// The signed Mẫu 01-04 forms kept with the dossier, under its timeline: each one's name and date,
// its signature checked on the phone against the kept keys (no network needed), and its QR code
// and text to show at the desk (checkable there, or on /kiem-tra). Loaded lazily with the timeline.
import type { SignedDecision } from '@hsc/shared/schemas';
import { toQrText, verifySignature } from '@hsc/shared/receipt-signing';
import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../i18n/format.ts';
import { useLang } from '../i18n/useLang.ts';
import { cachedReceiptKeys, refreshReceiptKeys } from './keys.ts';
import { drawQrWhenOnline } from './qr.ts';
import { trustTexts } from './texts.ts';
import './trust.css';

export type DecisionVerdict = 'valid' | 'invalid' | 'unknown_key';

/** Valid only if the signature holds and the signed form is the one the record names. */
export async function checkDecision(d: SignedDecision, keys: Parameters<typeof verifySignature>[1]): Promise<DecisionVerdict> {
  const v = await verifySignature(d, keys);
  if (v.kind === 'unknown_key') return 'unknown_key';
  if (v.kind !== 'valid') return 'invalid';
  const p = v.payload;
  return p.id === d.formId && p.kind === d.kind && p.issuedAt === d.issuedAt ? 'valid' : 'invalid';
}

function DecisionItem({ decision, verdict }: { decision: SignedDecision; verdict?: DecisionVerdict }) {
  const { lang } = useLang();
  const tx = trustTexts(lang);
  const [text, setText] = useState<string>();
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!text || !canvas.current) return;
    return drawQrWhenOnline(canvas.current, text, 288, () => undefined, () => undefined);
  }, [text]);

  const toggle = async () => setText(text ? undefined : await toQrText(decision));

  return (
    <li data-testid="decision" data-form-id={decision.formId} data-verdict={verdict}>
      <strong>{tx[`decisionName${decision.kind}`]}</strong>
      <span className="muted small"> {formatDateTime(decision.issuedAt)}</span>
      {verdict ? (
        <p className="small" data-testid="decision-verdict">
          {verdict === 'valid' ? tx.decisionValid : verdict === 'invalid' ? tx.decisionInvalid : tx.decisionUnknown}
        </p>
      ) : null}
      <button type="button" className="small" onClick={() => void toggle()} data-testid="decision-show">
        {text ? tx.decisionHide : tx.decisionShow}
      </button>
      {text ? (
        <>
          <canvas ref={canvas} className="receipt-qr" data-testid="decision-qr" role="img" aria-label={tx[`decisionName${decision.kind}`]} />
          <textarea className="receipt-qr-text" readOnly value={text} rows={3} data-testid="decision-qr-text" onFocus={(e) => e.currentTarget.select()} />
        </>
      ) : null}
    </li>
  );
}

export default function DecisionTrust({ decisions }: { decisions: SignedDecision[] }) {
  const { lang } = useLang();
  const tx = trustTexts(lang);
  const [verdicts, setVerdicts] = useState<Record<string, DecisionVerdict>>({});
  const key = decisions.map((d) => `${d.kid}.${d.signed}.${d.signature}`).join('|');
  const current = useRef(decisions);
  current.current = decisions;

  useEffect(() => {
    let live = true;
    void (async () => {
      const check = async (keys: Parameters<typeof verifySignature>[1]) =>
        Object.fromEntries(await Promise.all(current.current.map(async (d) => [d.formId, await checkDecision(d, keys)] as const)));
      // The kept keys first: the check needs no network.
      let out = await check(await cachedReceiptKeys());
      if (live) setVerdicts(out);
      // A key this phone has not seen yet: fetch the keys if there is a network, then check again.
      if (Object.values(out).includes('unknown_key')) {
        out = await check(await refreshReceiptKeys());
        if (live) setVerdicts(out);
      }
    })();
    return () => {
      live = false;
    };
  }, [key]);

  return (
    <section className="decisions" data-testid="decisions" aria-labelledby="decisions-title">
      <h3 id="decisions-title">{tx.decisionsTitle}</h3>
      <ol className="timeline">
        {decisions.map((d) => (
          <DecisionItem key={d.formId} decision={d} verdict={verdicts[d.formId]} />
        ))}
      </ol>
    </section>
  );
}
