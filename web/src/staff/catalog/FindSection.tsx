// How people who do not know the procedure's name find it: life events and the other names
// they use for it.
import { LIFE_EVENT_ORDER, LIFE_EVENTS } from '@hsc/shared/life-events';
import type { LifeEvent } from '@hsc/shared/procedure';
import { localized } from '../../i18n/index.ts';
import { useStaffT } from '../i18n/index.ts';
import { Input, ProblemText, Section, useProblems } from './controls.tsx';
import type { Patch } from './MetaSection.tsx';
import type { ProcedureDraft } from './model.ts';

export function FindSection({ draft, patch }: { draft: ProcedureDraft; patch: Patch }) {
  const { t, lang } = useStaffT();
  const problems = useProblems('lifeEvents');
  const toggle = (e: LifeEvent, on: boolean) => patch({ lifeEvents: LIFE_EVENT_ORDER.filter((x) => (x === e ? on : draft.lifeEvents.includes(x))) });
  return (
    <Section title={t('catalog.editor.sections.findability')} testId="section-find">
      <fieldset className="cchoice" data-anchor="lifeEvents">
        <legend className="label">{t('catalog.editor.lifeEvents')}</legend>
        <p className="hint">{t('catalog.editor.lifeEventsHint')}</p>
        <div className="cevents">
          {LIFE_EVENT_ORDER.map((e) => (
            <label key={e} className="ccheck">
              <input type="checkbox" data-testid={`life-${e}`} checked={draft.lifeEvents.includes(e)} onChange={(ev) => toggle(e, ev.target.checked)} />
              <span>{localized(LIFE_EVENTS[e], lang)}</span>
            </label>
          ))}
        </div>
        <ProblemText path="lifeEvents" messages={problems} />
      </fieldset>
      <Input path="keywords" label={t('catalog.editor.keywords')} hint={t('catalog.editor.keywordsHint')} value={draft.keywords} onChange={(keywords) => patch({ keywords })} multiline />
    </Section>
  );
}
