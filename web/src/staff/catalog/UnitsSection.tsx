// Which communes and wards offer the procedure: all of them (the usual case, and new units
// get it too), or a chosen list from the 92, searchable without tones.
import { matchesQuery } from '@hsc/shared/fold';
import { useMemo, useState } from 'react';
import { useStaffT } from '../i18n/index.ts';
import { useReference } from '../reference.ts';
import { Choice, controlId, ProblemText, Section, useProblems } from './controls.tsx';
import type { Patch } from './MetaSection.tsx';
import type { ProcedureDraft } from './model.ts';

export function UnitsSection({ draft, patch }: { draft: ProcedureDraft; patch: Patch }) {
  const { t } = useStaffT();
  const ref = useReference();
  const [query, setQuery] = useState('');
  const problems = useProblems('units');
  const units = useMemo(() => [...ref.units.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')), [ref.units]);
  const shown = units.filter((u) => matchesQuery(query, u.name, u.code));
  const chosen = new Set(draft.units ?? []);
  const setChosen = (next: Set<string>) => patch({ units: units.map((u) => u.code).filter((c) => next.has(c)).concat([...next].filter((c) => !ref.units.has(c))) });
  const toggle = (code: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(code);
    else next.delete(code);
    setChosen(next);
  };
  const bulk = (on: boolean) => {
    const next = new Set(chosen);
    for (const u of shown) if (on) next.add(u.code);
    else next.delete(u.code);
    setChosen(next);
  };

  return (
    <Section title={t('catalog.editor.sections.units')} testId="section-units">
      <Choice
        path="unitsMode"
        label={t('catalog.editor.choose.units')}
        value={draft.units === null ? 'all' : 'some'}
        options={[
          { value: 'all', label: t('catalog.editor.units.all') },
          { value: 'some', label: t('catalog.editor.units.some') },
        ]}
        onChange={(mode) => patch({ units: mode === 'all' ? null : (draft.units ?? []) })}
      />
      <ProblemText path="units" messages={problems} />
      {draft.units !== null ? (
        <div className="cunits" data-anchor="units">
          <p className="small" data-testid="units-count">
            {t('catalog.editor.units.chosen', { n: chosen.size, total: units.length })}
          </p>
          <label className="field">
            <span className="label">{t('catalog.editor.units.search')}</span>
            <input className="input" type="search" data-testid={controlId('units-search')} value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <div className="row">
            <button type="button" className="btn btn-small btn-secondary" onClick={() => bulk(true)}>
              {t('catalog.editor.units.chooseShown')}
            </button>
            <button type="button" className="btn btn-small btn-secondary" onClick={() => bulk(false)}>
              {t('catalog.editor.units.clearShown')}
            </button>
          </div>
          {units.length === 0 ? <p className="muted">{t('catalog.editor.units.loading')}</p> : null}
          {units.length > 0 && shown.length === 0 ? <p className="muted">{t('catalog.editor.units.noMatch')}</p> : null}
          <ul className="cunit-list">
            {shown.map((u) => (
              <li key={u.code}>
                <label className="ccheck">
                  <input type="checkbox" data-testid={`unit-${u.code}`} checked={chosen.has(u.code)} onChange={(e) => toggle(u.code, e.target.checked)} />
                  <span>{u.name}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
}
