// The administrator sets each unit's bank account for fees paid by transfer: the VietQR code a
// person scans is built from it when a fee is requested (a change applies to later requests).
import { BANK_NAMES } from '@hsc/shared/payment';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { getPayee, putPayee } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useStaffT } from '../i18n/index.ts';
import { useReference } from '../reference.ts';

export function PayeeScreen() {
  const { t } = useStaffT();
  const { units } = useReference();
  const [unit, setUnit] = useState('');
  const [bankBin, setBin] = useState('');
  const [accountNumber, setNumber] = useState('');
  const [accountName, setName] = useState('');
  // `t` changes identity between renders: the load depends on the unit only.
  const tRef = useRef(t);
  tRef.current = t;
  const [state, setState] = useState<{ kind: 'idle' | 'loading' | 'saving' | 'saved' } | { kind: 'error'; text: string }>({ kind: 'idle' });

  useEffect(() => {
    if (!unit) return;
    let live = true;
    setState({ kind: 'loading' });
    getPayee(unit).then(
      (r) => {
        if (!live) return;
        setBin(r.payee?.bankBin ?? '');
        setNumber(r.payee?.accountNumber ?? '');
        setName(r.payee?.accountName ?? '');
        setState({ kind: 'idle' });
      },
      (e: unknown) => live && setState({ kind: 'error', text: errorText(tRef.current, e) }),
    );
    return () => {
      live = false;
    };
  }, [unit]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(bankBin)) return setState({ kind: 'error', text: t('payees.needBin') });
    if (!/^[A-Za-z0-9]{1,19}$/.test(accountNumber.trim())) return setState({ kind: 'error', text: t('payees.needNumber') });
    if (!accountName.trim()) return setState({ kind: 'error', text: t('payees.needName') });
    setState({ kind: 'saving' });
    try {
      await putPayee(unit, { bankBin, accountNumber: accountNumber.trim(), accountName: accountName.trim() });
      setState({ kind: 'saved' });
    } catch (err) {
      setState({ kind: 'error', text: errorText(t, err) });
    }
  };

  return (
    <section className="panel" aria-labelledby="payees-title">
      <h1 id="payees-title">{t('payees.title')}</h1>
      <p>{t('payees.intro')}</p>
      <label className="field">
        <span className="label">{t('payees.unit')}</span>
        <select className="input" data-testid="payee-unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
          <option value="">{t('payees.chooseUnit')}</option>
          {[...units.values()].map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      {unit ? (
        <form onSubmit={(e) => void save(e)} noValidate>
          <label className="field">
            <span className="label">{t('payees.bank')}</span>
            <input className="input" list="payee-banks" inputMode="numeric" data-testid="payee-bin" value={bankBin} onChange={(e) => setBin(e.target.value.trim())} />
            <datalist id="payee-banks">
              {Object.entries(BANK_NAMES).map(([bin, name]) => (
                <option key={bin} value={bin}>
                  {name}
                </option>
              ))}
            </datalist>
            {BANK_NAMES[bankBin] ? <span className="small" data-testid="payee-bank-name">{BANK_NAMES[bankBin]}</span> : null}
          </label>
          <label className="field">
            <span className="label">{t('payees.number')}</span>
            <input className="input" data-testid="payee-number" value={accountNumber} onChange={(e) => setNumber(e.target.value)} />
          </label>
          <label className="field">
            <span className="label">{t('payees.name')}</span>
            <input className="input" data-testid="payee-name" value={accountName} onChange={(e) => setName(e.target.value)} />
            <span className="small">{t('payees.nameHint')}</span>
          </label>
          <button type="submit" className="btn btn-primary" data-testid="payee-save" disabled={state.kind === 'saving' || state.kind === 'loading'}>
            {t('payees.save')}
          </button>
          {state.kind === 'saved' ? (
            <p className="ok-line" role="status" data-testid="payee-saved">
              {t('payees.saved')}
            </p>
          ) : null}
          {state.kind === 'error' ? (
            <p className="error" role="alert" data-testid="payee-error">
              {state.text}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
