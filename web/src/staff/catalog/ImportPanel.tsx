// Loading a whole catalog file: the server first says what it would do (added, changed, retired,
// unchanged, and every error by its path) without changing anything; only "Áp dụng" imports,
// all or nothing.
import type { CatalogImportResult } from '@hsc/shared/procedure';
import { useState } from 'react';
import { formatBytes } from '../../ui/format.ts';
import { importCatalog } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { StaffApiError } from '../api/client.ts';
import { useStaffT } from '../i18n/index.ts';

interface Picked {
  name: string;
  size: number;
  text: string;
  /** Names by code, read from the file, so the lists say more than codes. */
  names: Map<string, string>;
}

function namesIn(json: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const list = (json as { procedures?: unknown } | null)?.procedures;
  if (Array.isArray(list)) for (const p of list as { code?: unknown; name?: { vi?: unknown } }[]) if (typeof p?.code === 'string' && typeof p.name?.vi === 'string') out.set(p.code, p.name.vi);
  return out;
}

type Phase = 'idle' | 'checking' | 'checked' | 'applying' | 'applied';

export function ImportPanel({ onClose, onImported, known }: { onClose: () => void; onImported: () => void; /** Names of the procedures there now. */ known: ReadonlyMap<string, string> }) {
  const { t, lang } = useStaffT();
  const [file, setFile] = useState<Picked>();
  const [phase, setPhase] = useState<Phase>('idle');
  const [result, setResult] = useState<CatalogImportResult>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const pick = async (f: File | undefined) => {
    if (!f) return;
    setResult(undefined);
    setMessage(undefined);
    const text = await f.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      setFile(undefined);
      setPhase('idle');
      return setMessage({ ok: false, text: t('catalog.import.notJson') });
    }
    const picked = { name: f.name, size: f.size, text, names: namesIn(json) };
    setFile(picked);
    setPhase('checking');
    try {
      setResult(await importCatalog(picked.text, true));
      setPhase('checked');
    } catch (e) {
      setPhase('idle');
      setMessage({ ok: false, text: errorText(t, e) });
    }
  };

  const apply = async () => {
    if (!file) return;
    setPhase('applying');
    setMessage(undefined);
    try {
      const done = await importCatalog(file.text, false);
      setResult(done);
      setPhase('applied');
      setMessage({ ok: true, text: t('catalog.import.applied', { version: done.version ?? '' }) });
      onImported();
    } catch (e) {
      setPhase('checked');
      setMessage({ ok: false, text: e instanceof StaffApiError && e.status === 400 ? t('catalog.import.refused') : errorText(t, e) });
      // The refusal's own list of errors comes from asking again, still without changing anything.
      if (e instanceof StaffApiError && e.status === 400) setResult(await importCatalog(file.text, true).catch(() => result));
    }
  };

  const label = (code: string) => {
    const name = file?.names.get(code) ?? known.get(code);
    return name ? `${code} · ${name}` : code;
  };
  const codes = (testId: string, title: string, list: string[], warn?: string) =>
    list.length ? (
      <div className={warn ? 'cimport-group notice' : 'cimport-group'} data-testid={testId}>
        <h3>{title}</h3>
        {warn ? <p className="serror">{warn}</p> : null}
        <ul>
          {list.map((c) => (
            <li key={c}>{label(c)}</li>
          ))}
        </ul>
      </div>
    ) : null;
  const r = result;
  const nothing = r && !r.errors.length && !r.added.length && !r.changed.length && !r.retired.length;

  return (
    <section className="scard cimport" aria-labelledby="import-title" data-testid="import-panel">
      <h2 id="import-title">{t('catalog.import.title')}</h2>
      <p className="small">{t('catalog.import.intro')}</p>
      <div className="row">
        <label className="btn btn-secondary cfile">
          {file ? t('catalog.import.another') : t('catalog.import.pick')}
          <input type="file" className="visually-hidden" accept=".json,application/json" data-testid="import-file" disabled={phase === 'checking' || phase === 'applying'} onChange={(e) => void pick(e.target.files?.[0])} />
        </label>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('catalog.import.close')}
        </button>
      </div>
      {file ? <p className="small">{t('catalog.import.file', { name: file.name, size: formatBytes(file.size, lang) })}</p> : null}
      {phase === 'checking' ? <p className="muted">{t('catalog.import.checking')}</p> : null}
      {message ? (
        <p className={message.ok ? 'notice notice-ok' : 'serror'} role={message.ok ? 'status' : 'alert'} data-testid="import-message">
          {message.text}
        </p>
      ) : null}
      {r && phase !== 'checking' ? (
        <div data-testid="import-result">
          {r.errors.length ? (
            <div className="cimport-errors" data-testid="import-errors">
              <p className="serror">{t('catalog.import.errors', { n: r.errors.length })}</p>
              <table className="ctable">
                <thead>
                  <tr>
                    <th scope="col">{t('catalog.import.at')}</th>
                    <th scope="col">{t('catalog.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.errors.map((e, i) => (
                    <tr key={i} data-testid="import-error">
                      <td>
                        <code>{e.path}</code>
                      </td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {codes('import-added', t('catalog.import.added', { n: r.added.length }), r.added)}
          {codes('import-changed', t('catalog.import.changed', { n: r.changed.length }), r.changed)}
          {codes('import-retired', t('catalog.import.retired', { n: r.retired.length }), r.retired, t('catalog.import.retiredWarn'))}
          {r.errors.length ? null : <p data-testid="import-unchanged">{t('catalog.import.unchanged', { n: r.unchanged })}</p>}
          {nothing ? <p className="muted">{t('catalog.import.nothing')}</p> : null}
          {!r.errors.length && !nothing && phase !== 'applied' ? (
            <button type="button" className="btn btn-primary" data-testid="import-apply" disabled={phase === 'applying'} onClick={() => void apply()}>
              {phase === 'applying' ? t('catalog.import.applying') : t('catalog.import.apply')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
