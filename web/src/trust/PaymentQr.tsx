// The fee's VietQR code, drawn as the server built it (any Vietnamese banking app scans it).
// In the lazy trust chunk with `qrcode`, like the receipt's code.
import { useEffect, useRef, useState } from 'react';

export default function PaymentQr({ payload, label }: { payload: string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [version, setVersion] = useState<number>();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    if (canvas.current)
      void import('./qr.ts').then(({ drawQrWhenOnline }) => {
        if (live) stop = drawQrWhenOnline(canvas.current!, payload, 288, setVersion, () => undefined);
      });
    return () => {
      live = false;
      stop?.();
    };
  }, [payload]);
  return <canvas ref={canvas} className="qr" role="img" aria-label={label} data-testid="payment-qr" data-payload={payload} data-version={version} />;
}
