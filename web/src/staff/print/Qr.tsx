// The QR code of a dossier code, drawn as SVG by `qrcode`, which is loaded only when a form is
// shown (it is not part of any first load). The SVG comes from the library, not from data.
import { useEffect, useState } from 'react';

export const QR_OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 0 } as const;

export function Qr({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState<string>();
  useEffect(() => {
    let live = true;
    void import('./qrcode.ts')
      .then((m) => m.toString(text, QR_OPTIONS))
      .then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [text]);
  return (
    <figure className="qr" data-testid="form-qr" data-text={text} role="img" aria-label={label}>
      {svg ? <span className="qr-svg" dangerouslySetInnerHTML={{ __html: svg }} /> : <span className="qr-svg" />}
      <figcaption className="code">{text}</figcaption>
    </figure>
  );
}
