// The SMS choice next to the push offer: for a phone that shows no notifications. Shown only
// when the commune sends SMS; the number field opens on the person's tap.
import { useEffect, useState } from 'react';
import { useLang } from '../i18n/useLang.ts';
import { disableSms, enableSms, smsState, type SmsState } from './sms.ts';
import { fillTrust, trustTexts } from './texts.ts';

export function SmsOffer({ dossierId }: { dossierId: string }) {
  const { lang } = useLang();
  const tx = trustTexts(lang);
  const [state, setState] = useState<SmsState>();
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<'invalid_phone' | 'failed'>();

  // After a change the choice starts closed again (a stopped opt-in shows the offer, not the form).
  const load = () =>
    smsState(dossierId).then((s) => {
      setState(s);
      setOpen(false);
      if (s.kind === 'offer') setPhone(s.phone);
    });
  useEffect(() => {
    let live = true;
    void smsState(dossierId).then((s) => {
      if (!live) return;
      setState(s);
      if (s.kind === 'offer') setPhone(s.phone);
    });
    return () => {
      live = false;
    };
  }, [dossierId]);

  if (!state || state.kind === 'unavailable') return null;
  if (state.kind === 'on') {
    return (
      <div className="sms-offer" data-testid="sms-on">
        <p className="small">{fillTrust(tx.smsOn, { phone: state.phone })}</p>
        <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => (setBusy(true), void disableSms(dossierId).then(load).finally(() => setBusy(false)))}>
          {tx.smsStop}
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <div className="sms-offer" data-testid="sms-offer">
        <button type="button" className="btn btn-secondary btn-block" onClick={() => setOpen(true)}>
          {tx.smsOffer}
        </button>
        <p className="muted small">{tx.smsHelp}</p>
      </div>
    );
  }
  const submit = async () => {
    setBusy(true);
    setProblem(undefined);
    const out = await enableSms(dossierId, phone, lang);
    setBusy(false);
    if (out === 'on') await load();
    else setProblem(out);
  };
  return (
    <form className="sms-offer" data-testid="sms-form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <label className="field">
        <span>{tx.smsPhone}</span>
        <input type="tel" inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} aria-invalid={problem === 'invalid_phone'} />
      </label>
      {problem && (
        <p className="error small" role="alert">
          {problem === 'invalid_phone' ? tx.smsPhoneInvalid : tx.smsFailed}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
        {tx.smsSubmit}
      </button>
    </form>
  );
}
