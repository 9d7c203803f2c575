// A calm offer of notifications, shown with the commune's receipt: the browser's permission
// prompt appears only after the person taps the button, never on load.
import { useEffect, useState } from 'react';
import { useLang } from '../i18n/useLang.ts';
import { enablePush, pushState, type PushState } from './push.ts';
import { trustTexts } from './texts.ts';

export function PushOffer({ dossierId }: { dossierId: string }) {
  const { lang } = useLang();
  const tx = trustTexts(lang);
  const [state, setState] = useState<PushState | 'failed' | 'busy'>();

  useEffect(() => {
    let live = true;
    void pushState(dossierId).then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [dossierId]);

  if (!state || state === 'unsupported') return null;
  if (state === 'on') return <p className="small" data-testid="push-on">{tx.pushOn}</p>;
  if (state === 'denied') return <p className="muted small">{tx.pushDenied}</p>;
  return (
    <div className="push-offer" data-testid="push-offer">
      <button type="button" className="btn btn-secondary btn-block" disabled={state === 'busy'} onClick={() => (setState('busy'), void enablePush(dossierId, lang).then(setState))}>
        {tx.pushOffer}
      </button>
      <p className="muted small">{state === 'failed' ? tx.pushFailed : tx.pushHelp}</p>
    </div>
  );
}
