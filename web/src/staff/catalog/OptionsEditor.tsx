// The options of a "choose one" field: a value stored in the dossier and the words shown.
// A long list (villages, ethnic groups) is pasted one per line rather than typed box by box.
import { useState } from 'react';
import { useStaffT } from '../i18n/index.ts';
import { CellInput, ProblemText, useProblems } from './controls.tsx';
import { newOption, removeAt, replaceAt, type OptionDraft } from './model.ts';

/** Values 1, 2, 3… after the options already there, skipping any in use. */
function numberer(existing: readonly OptionDraft[]): (taken?: string) => string {
  const used = new Set(existing.map((o) => o.value.trim()));
  let n = existing.length;
  return (taken) => {
    if (taken) {
      used.add(taken);
      return taken;
    }
    do n++;
    while (used.has(String(n)));
    used.add(String(n));
    return String(n);
  };
}

/** "value | shown text" or just "shown text": values left out are numbered after the last one. */
export function parsePasted(text: string, existing: readonly OptionDraft[]): OptionDraft[] {
  const nextValue = numberer(existing);
  const out: OptionDraft[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const bar = line.indexOf('|');
    const value = bar >= 0 ? line.slice(0, bar).trim() : '';
    const label = (bar >= 0 ? line.slice(bar + 1) : line).trim();
    out.push(newOption(nextValue(value), { vi: label, en: '' }));
  }
  return out;
}

export function OptionsEditor({ path, options, onChange }: { path: string; options: OptionDraft[]; onChange: (options: OptionDraft[]) => void }) {
  const { t } = useStaffT();
  const problems = useProblems(`${path}.options`);
  const [pasting, setPasting] = useState<string | null>(null);
  const at = (j: number) => `${path}.options.${j}`;
  return (
    <div className="coptions" data-anchor={`${path}.options`}>
      <p className="label">{t('catalog.options.title', { n: options.length })}</p>
      <ProblemText path={`${path}.options`} messages={problems} />
      {options.length ? (
        <div className="coption-grid" role="list">
          <span className="small muted">{t('catalog.options.value')}</span>
          <span className="small muted">{t('catalog.options.label')}</span>
          <span className="small muted">{t('catalog.options.labelEn')}</span>
          <span />
          {options.map((o, j) => (
            <div key={o.uid} className="coption" role="listitem">
              <CellInput path={`${at(j)}.value`} label={`${t('catalog.options.value')} ${j + 1}`} value={o.value} onChange={(value) => onChange(replaceAt(options, j, { ...o, value }))} />
              <CellInput path={`${at(j)}.label.vi`} label={`${t('catalog.options.label')} ${j + 1}`} value={o.label.vi} onChange={(vi) => onChange(replaceAt(options, j, { ...o, label: { ...o.label, vi } }))} />
              <CellInput path={`${at(j)}.label.en`} label={`${t('catalog.options.labelEn')} ${j + 1}`} value={o.label.en} onChange={(en) => onChange(replaceAt(options, j, { ...o, label: { ...o.label, en } }))} />
              <button type="button" className="btn btn-small btn-ghost btn-danger" aria-label={t('catalog.options.remove', { n: j + 1 })} onClick={() => onChange(removeAt(options, j))}>
                ✕
              </button>
            </div>
          ))}
        </div>
      ) : null}
      <div className="row">
        <button type="button" className="btn btn-small btn-secondary" data-testid={`add-option-${path}`} onClick={() => onChange([...options, newOption(numberer(options)())])}>
          {t('catalog.options.add')}
        </button>
        <button type="button" className="btn btn-small btn-secondary" data-testid={`paste-options-${path}`} onClick={() => setPasting(pasting === null ? '' : null)}>
          {t('catalog.options.paste')}
        </button>
      </div>
      {pasting !== null ? (
        <div className="cpaste">
          <label className="field">
            <span className="label">{t('catalog.options.pasteLabel')}</span>
            <span className="hint">{t('catalog.options.pasteHint')}</span>
            <textarea className="input" rows={6} data-testid={`paste-text-${path}`} value={pasting} onChange={(e) => setPasting(e.target.value)} />
          </label>
          <div className="row">
            <button
              type="button"
              className="btn btn-small btn-primary"
              data-testid={`paste-add-${path}`}
              onClick={() => {
                onChange([...options, ...parsePasted(pasting, options)]);
                setPasting(null);
              }}
            >
              {t('catalog.options.pasteAdd')}
            </button>
            <button type="button" className="btn btn-small btn-secondary" onClick={() => setPasting(null)}>
              {t('catalog.options.pasteCancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
