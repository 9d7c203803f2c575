// Under the commune's receipt: its QR code (the signed receipt, checkable by anyone offline),
// save as image, share, print, and the offer of notifications. Loaded lazily with the receipt.
import type { Receipt } from '@hsc/shared/schemas';
import { verifyDocument } from '@hsc/shared/receipt-signing';
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { formatDateTime } from '../i18n/format.ts';
import { useLang } from '../i18n/useLang.ts';
import { refreshReceiptKeys } from './keys.ts';
import { PushOffer } from './PushOffer.tsx';
import { SmsOffer } from './SmsOffer.tsx';
import { drawQrWhenOnline, imageName, qrTextOf, receiptImage } from './qr.ts';
import { fillTrust, trustTexts } from './texts.ts';
import './trust.css';

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The app's in-page link (ui's router), handed in by the receipt: trust/ does not import ui/. */
export type LinkComponent = ComponentType<{ to: string; children: ReactNode }>;

export default function ReceiptTrust({ receipt, Link }: { receipt: Receipt; Link: LinkComponent }) {
  const { lang } = useLang();
  const tx = trustTexts(lang);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [version, setVersion] = useState<number>();
  // The QR drawing is cached on first use: offline before that, the code is shown as text only.
  const [qrLater, setQrLater] = useState(false);
  const [verdict, setVerdict] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [text, setText] = useState<string | null>();
  // The dossier screen re-renders with a new receipt object on every sync; only a new signature
  // is a new QR (and worth a key refresh).
  const signature = `${receipt.kid}.${receipt.signed}.${receipt.signature}`;
  const current = useRef(receipt);
  current.current = receipt;

  useEffect(() => {
    let live = true;
    void qrTextOf(current.current).then((t) => live && setText(t ?? null));
    return () => {
      live = false;
    };
  }, [signature]);

  useEffect(() => {
    if (!text || !canvas.current) return;
    let live = true;
    const stopDrawing = drawQrWhenOnline(
      canvas.current,
      text,
      288,
      (v) => {
        setVersion(v);
        setQrLater(false);
      },
      () => setQrLater(true),
    );
    // Fetches the keys while there is a network, so the receipt (and any other) can be checked offline later.
    void refreshReceiptKeys()
      .then((keys) => verifyDocument(current.current, keys))
      .then((v) => live && setVerdict(v.kind));
    return () => {
      live = false;
      stopDrawing();
    };
  }, [text]);

  if (text === undefined) return null;
  if (text === null) return <p className="muted small">{tx.unsigned}</p>;
  const lines = [receipt.code, fillTrust(tx.imageLookup, { code: receipt.lookupCode }), formatDateTime(receipt.receivedAt)];

  const save = async () => download(await receiptImage(receipt, text, lines), imageName(receipt));
  const share = async () => {
    const file = new File([await receiptImage(receipt, text, lines)], imageName(receipt), { type: 'image/png' });
    const data = { title: receipt.code, text: `${receipt.code}\n${text}`, files: [file] };
    try {
      if (navigator.canShare?.(data)) await navigator.share(data);
      else if (navigator.share) await navigator.share({ title: data.title, text: data.text });
      else await save();
    } catch {
      // the person closed the share sheet
    }
  };
  const copy = async () => {
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    setCopied(true);
  };

  return (
    <section className="receipt-trust" data-testid="receipt-trust" aria-labelledby="receipt-qr-title">
      <h3 id="receipt-qr-title">{tx.qrTitle}</h3>
      <canvas ref={canvas} className="receipt-qr" data-testid="receipt-qr" data-qr-version={version} role="img" aria-label={tx.qrTitle} hidden={qrLater} />
      <p className="muted small">{qrLater ? tx.qrLater : tx.qrHelp}</p>
      {verdict === 'valid' ? (
        <p className="small" data-testid="receipt-signature-ok">
          ✓ {tx.signedOk}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="btn btn-secondary btn-small" onClick={() => void save()}>
          {tx.save}
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => void share()}>
          {tx.share}
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => window.print()}>
          {tx.print}
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => void copy()} data-testid="receipt-copy">
          {copied ? tx.copied : tx.copy}
        </button>
      </div>
      <textarea className="receipt-qr-text" readOnly value={text} rows={3} data-testid="receipt-qr-text" aria-label={tx.copy} onFocus={(e) => e.currentTarget.select()} />
      <PushOffer dossierId={receipt.dossierId} />
      <SmsOffer dossierId={receipt.dossierId} />
      <p>
        <Link to="/kiem-tra">{tx.verifyLink}</Link>
      </p>
    </section>
  );
}
