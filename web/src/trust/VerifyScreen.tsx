// /kiem-tra: checks a receipt (or a signed Mẫu form) from its QR code or pasted text against
// the keys kept on this phone. Fully offline; a staff officer uses it at the desk too.
import type { DossierStatus } from '@hsc/shared';
import { i18next } from '../i18n/index.ts';
import type { Json } from '@hsc/shared/canonical';
import { verifyText, type Verdict } from '@hsc/shared/receipt-signing';
import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../i18n/format.ts';
import { useLang } from '../i18n/useLang.ts';
import { cachedReceiptKeys, refreshReceiptKeys } from './keys.ts';
import { startScan } from './scan.ts';
import { fillTrust, trustTexts } from './texts.ts';
import './trust.css';

type Payload = Record<string, Json>;
const str = (v: Json | undefined) => (typeof v === 'string' ? v : undefined);

function Facts({ p, lang }: { p: Payload; lang: string }) {
  const tx = trustTexts(lang);
  const agency = p.agency as Payload | undefined;
  const procedure = p.procedure as Payload | undefined;
  const status = str(p.status) as DossierStatus | undefined;
  const due = str(p.newDueAt) ?? str(p.dueAt);
  const docs = Array.isArray(p.documents) ? (p.documents as Payload[]) : [];
  const hashes = docs.flatMap((d) => (Array.isArray(d.sha256) ? (d.sha256 as string[]) : str(d.sha256) ? [str(d.sha256)!] : []).map((h) => `${str(d.slot) ?? ''}: ${h}`));
  const rows: [string, string | undefined][] = [
    [tx.fieldKind, str(p.kind) ? fillTrust(tx.kindForm, { n: str(p.kind)! }) : tx.kindReceipt],
    [tx.fieldCode, str(p.code) ?? str(p.dossierCode)],
    [tx.fieldLookup, str(p.lookupCode)],
    [tx.fieldStatus, status ? i18next.t(`status.${status}`, { lng: lang, defaultValue: status }) : undefined],
    [tx.fieldReceived, str(p.receivedAt) ? formatDateTime(str(p.receivedAt)!) : undefined],
    [tx.fieldDue, due ? formatDateTime(due) : undefined],
    [tx.fieldUnit, str(agency?.unitName) ?? str(p.unitCode)],
    [tx.fieldProcedure, str(procedure?.name) ?? str(p.procedureCode)],
  ];
  return (
    <dl className="facts" data-testid="verify-facts">
      {rows.filter(([, v]) => v).map(([k, v]) => [<dt key={`${k}t`}>{k}</dt>, <dd key={`${k}d`}>{v}</dd>])}
      {hashes.length > 0 ? (
        <>
          <dt>{tx.fieldDocs}</dt>
          <dd>
            <ul className="hashes small">
              {hashes.map((h) => (
                <li key={h}>
                  <code>{h}</code>
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export default function VerifyScreen() {
  const { lang } = useLang();
  const tx = trustTexts(lang);
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<Verdict>();
  const [keysKnown, setKeysKnown] = useState<boolean>();
  const [scanning, setScanning] = useState(false);
  const [cameraFailed, setCameraFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const stopScan = useRef<() => void>(undefined);

  useEffect(() => {
    void cachedReceiptKeys().then((k) => setKeysKnown(k.length > 0));
    void refreshReceiptKeys().then((k) => setKeysKnown(k.length > 0));
    return () => stopScan.current?.();
  }, []);

  const check = async (value: string) => {
    let keys = await cachedReceiptKeys();
    let v = await verifyText(value, keys);
    // An unknown key may be a new one: ask the server once if there is a network.
    if (v.kind === 'unknown_key' && navigator.onLine) {
      keys = await refreshReceiptKeys();
      v = await verifyText(value, keys);
    }
    setVerdict(v);
  };

  const scan = async () => {
    if (scanning) {
      stopScan.current?.();
      setScanning(false);
      return;
    }
    setCameraFailed(false);
    setScanning(true);
    try {
      stopScan.current = await startScan(video.current!, (read) => {
        setScanning(false);
        setText(read);
        void check(read);
      });
    } catch {
      setScanning(false);
      setCameraFailed(true);
    }
  };

  const headline = verdict && { valid: tx.valid, forged: tx.forged, unknown_key: tx.unknownKey, malformed: tx.malformed }[verdict.kind];
  const help = verdict && { valid: tx.validHelp, forged: tx.forgedHelp, unknown_key: tx.unknownKeyHelp, malformed: tx.malformedHelp }[verdict.kind];

  return (
    <section className="verify" aria-labelledby="verify-title">
      <h1 id="verify-title">{tx.verifyTitle}</h1>
      <p className="muted">{tx.verifyHelp}</p>
      {keysKnown === false ? <p className="notice">{tx.noKeys}</p> : null}
      <p>
        <button type="button" className="btn btn-secondary btn-block" onClick={() => void scan()}>
          {scanning ? tx.stopScan : tx.scan}
        </button>
      </p>
      <video ref={video} className="verify-video" hidden={!scanning} muted />
      {cameraFailed ? <p className="notice">{tx.cameraFailed}</p> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void check(text);
        }}
      >
        <label htmlFor="verify-text">{tx.pasteLabel}</label>
        <textarea id="verify-text" data-testid="verify-input" rows={4} value={text} onChange={(e) => (setText(e.target.value), setVerdict(undefined))} spellCheck={false} autoCapitalize="characters" />
        <button type="submit" className="btn btn-primary btn-block" data-testid="verify-check">
          {tx.check}
        </button>
      </form>
      {verdict ? (
        <div className={`verdict verdict-${verdict.kind}`} role="status" data-testid="verify-verdict" data-verdict={verdict.kind}>
          <h2>
            {verdict.kind === 'valid' ? '✓ ' : '✗ '}
            {headline}
          </h2>
          <p>{help}</p>
          {verdict.kind === 'valid' ? <Facts p={verdict.payload} lang={lang} /> : null}
        </div>
      ) : null}
    </section>
  );
}
