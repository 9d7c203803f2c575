// The desk's SMS opt-in for an applicant without a smartphone (a walk-in above all; on the dossier
// screen and after a walk-in's acceptance): the officer
// ticks "Gửi tin nhắn SMS cho người nộp", checks the applicant's phone and saves. Shown only when
// the commune sends SMS and to those who may set it (the server's GET answers others 403/404).
import { useEffect, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { request, requestVoid } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import { useStaffT } from '../i18n/index.ts';

const SmsStatus = z.object({ available: z.boolean(), optedIn: z.boolean(), phone: z.string().optional() });
type SmsStatus = z.infer<typeof SmsStatus>;
const smsPath = (id: string) => `/api/staff/dossiers/${encodeURIComponent(id)}/sms`;

/** `phone`: the applicant's, offered (the officer may change it). */
export function SmsOptIn({ dossierId, phone: applicantPhone }: { dossierId: string; phone: string }) {
  const { t, lang } = useStaffT();
  const [status, setStatus] = useState<SmsStatus>();
  const [ticked, setTicked] = useState(false);
  const [phone, setPhone] = useState(applicantPhone);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const load = () =>
    request(SmsStatus, smsPath(dossierId))
      .then((s) => (setStatus(s), setTicked(false)))
      .catch(() => setStatus(undefined));
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read again for another dossier only
  }, [dossierId]);

  if (!status?.available) return null;
  const run = async (call: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await call();
      await load();
    } catch (e) {
      setProblem(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(() => requestVoid(smsPath(dossierId), { method: 'POST', json: { phone, lang: lang.startsWith('en') ? 'en' : 'vi' } }));
  };

  return (
    <section className="scard sms-optin" data-testid="sms-optin" aria-labelledby="sms-optin-title">
      <h2 id="sms-optin-title">{t('smsOptIn.title')}</h2>
      {status.optedIn ? (
        <>
          <p data-testid="sms-optin-on">{t('smsOptIn.on', { phone: status.phone ?? '' })}</p>
          <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => void run(() => requestVoid(smsPath(dossierId), { method: 'DELETE' }))}>
            {t('smsOptIn.stop')}
          </button>
        </>
      ) : (
        <form onSubmit={save}>
          <label className="check">
            <input type="checkbox" checked={ticked} onChange={(e) => setTicked(e.currentTarget.checked)} /> {t('smsOptIn.tick')}
          </label>
          {ticked ? (
            <>
              <label className="field">
                <span>{t('smsOptIn.phone')}</span>
                <input type="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} required />
              </label>
              <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
                {t('smsOptIn.save')}
              </button>
            </>
          ) : null}
        </form>
      )}
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
