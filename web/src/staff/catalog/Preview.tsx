// The citizen's form as the phone shows it, drawn by the citizen app's own ProcedureFields with
// the values kept in memory: the administrator can fill it in to try conditions and groups.
// It follows the editor as it is typed, half-finished fields included.
import type { FieldDef, SubFieldDef } from '@hsc/shared/procedure';
import { validateDossier } from '@hsc/shared/validate';
import { useCallback, useMemo, useState } from 'react';
import { localized } from '../../i18n/index.ts';
import { useMemoryFields } from '../../ui/form/fieldsState.ts';
import { ProcedureFields } from '../../ui/form/ProcedureFields.tsx';
import { vnToday } from '../../ui/format.ts';
import { useLang } from '../../ui/hooks/useLang.ts';
import { useStaffT } from '../i18n/index.ts';
import { useReference } from '../reference.ts';
import { readNumber, type FieldDraft, type ProcedureDraft, toDef } from './model.ts';

const KEY = /^[a-zA-Z][a-zA-Z0-9_]*$/;

/** Fields the form can draw even while they are being written: every one with a usable, unique key. */
function drawable(list: readonly FieldDraft[], inGroup: boolean): FieldDef[] {
  const seen = new Set<string>();
  const out: FieldDef[] = [];
  for (const f of list) {
    // Until its key is written, a field is drawn under a stand-in key, so it shows at once.
    let key = KEY.test(f.key.trim()) ? f.key.trim() : `new_${f.uid}`;
    if (seen.has(key)) key = `${key}_${f.uid}`;
    seen.add(key);
    if (inGroup && f.type === 'group') continue;
    const num = (s: string) => {
      const n = readNumber(s);
      return n === undefined || Number.isNaN(n) ? undefined : n;
    };
    const def: FieldDef = {
      key,
      type: f.type,
      required: f.required,
      label: { vi: f.label.vi || f.key, en: f.label.en || f.label.vi || f.key },
      ...(f.hint.vi || f.hint.en ? { hint: { vi: f.hint.vi, en: f.hint.en || f.hint.vi } } : {}),
      ...(f.type === 'choice' || f.type === 'select'
        ? { options: [...new Map(f.options.filter((o) => o.value.trim()).map((o) => [o.value.trim(), { value: o.value.trim(), label: { vi: o.label.vi || o.value, en: o.label.en || o.label.vi || o.value } }])).values()] }
        : {}),
      ...(f.pattern.trim() ? { pattern: f.pattern.trim() } : {}),
      ...(num(f.min) !== undefined ? { min: num(f.min) } : {}),
      ...(num(f.max) !== undefined ? { max: num(f.max) } : {}),
      ...(f.showIf.field ? { showIf: { ...f.showIf } } : {}),
      ...(f.type === 'date' && f.past ? { past: true } : {}),
      ...(f.type === 'group'
        ? { fields: drawable(f.fields, true) as SubFieldDef[], minRows: num(f.minRows), maxRows: num(f.maxRows) }
        : {}),
    };
    out.push(def);
  }
  return out;
}

export function Preview({ draft }: { draft: ProcedureDraft }) {
  const { t, lang } = useStaffT();
  const { t: phoneT } = useLang();
  const ref = useReference();
  const fields = useMemo(() => drawable(draft.fields, false), [draft.fields]);
  const state = useMemoryFields(fields);
  const units = useMemo(() => [...ref.units.values()], [ref.units]);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const touch = useCallback((path: string) => setTouched((s) => (s.has(path) ? s : new Set(s).add(path))), []);
  const today = vnToday();
  const problems = useMemo(() => {
    const found = validateDossier({ fields, documents: [] }, { procedureCode: '', unitCode: '', applicant: { fullName: '', phone: '', citizenId: '', address: '' }, fields: state.values, attachments: [] }, today);
    return new Map(found.filter((p) => p.path.startsWith('fields.')).map((p) => [p.path, p]));
  }, [fields, state.values, today]);
  // The phone's words for its problems, in the citizen app's own namespace.
  const errorFor = (path: string) => {
    const p = problems.get(path);
    return p && touched.has(path) ? phoneT(`errors.${p.code}`, p.params ?? {}) : undefined;
  };
  const slots = toDef(draft).documents;
  return (
    <div className="cpreview" data-testid="preview">
      <p className="hint">{t('catalog.preview.hint')}</p>
      <div className="cphone">
        <h2 className="cphone-title">{localized(draft.name, lang) || draft.name.vi}</h2>
        <ProcedureFields fields={fields} state={state} errorFor={errorFor} touch={touch} units={units} today={today} />
        {slots.length ? (
          <>
            <h3>{t('catalog.preview.documents')}</h3>
            <ul className="cphone-docs">
              {slots.map((s, i) => (
                <li key={draft.documents[i]!.uid}>
                  <strong>{localized(s.label, lang)}</strong>{' '}
                  <span className="muted small">
                    ({[s.required ? t('catalog.preview.required') : t('catalog.preview.ifAny'), Number.isFinite(s.maxPages) ? t('catalog.preview.pages', { n: s.maxPages }) : '', s.template ? t('catalog.preview.template') : ''].filter(Boolean).join(', ')})
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
