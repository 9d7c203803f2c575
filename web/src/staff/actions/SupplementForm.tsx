// Mẫu 02: everything missing or wrong, at once. The officer ticks the procedure's document
// slots and/or writes other items; each needs a reason; at least one item. Labels are sent in
// Vietnamese (the printed form is a Vietnamese document) whatever the console's language.
// The rule (once, within 3 working days of receipt) is checked here with the shared machine, so
// the officer reads why before sending, and a leader can give the written reason that overrides.
import type { DeskDossier } from '@hsc/shared/desk';
import { supplementDeadline, supplementRestriction, type SupplementRestriction } from '@hsc/shared/lifecycle';
import type { SupplementItem } from '@hsc/shared/schemas';
import { useState } from 'react';
import { localized } from '../../i18n/index.ts';
import { formatDate } from '../../ui/format.ts';
import { useStaffT } from '../i18n/index.ts';
import { ActionForm, type ActionCtx } from './ActionForm.tsx';
import { stateOfDossier } from './choices.ts';

interface FreeItem {
  label: string;
  reason: string;
}

/** The rule as of now: the console's calendar when it has one, else the server's answer. */
function ruleNow(ctx: ActionCtx): { until: string | null; restriction: SupplementRestriction | null } {
  const d: DeskDossier = ctx.dossier;
  if (!ctx.calendar) return { until: d.supplementRule?.until ?? null, restriction: d.supplementRule?.restriction ?? null };
  return { until: supplementDeadline(d.clockFrom, ctx.calendar), restriction: supplementRestriction(stateOfDossier(d), ctx.now, ctx.calendar) };
}

export function SupplementForm({ ctx }: { ctx: ActionCtx }) {
  const { t, lang } = useStaffT();
  const slots = ctx.procedure?.documents ?? [];
  const [picked, setPicked] = useState<Record<string, string | undefined>>({});
  const [free, setFree] = useState<FreeItem[]>(slots.length ? [] : [{ label: '', reason: '' }]);
  const [override, setOverride] = useState('');
  const { until, restriction } = ruleNow(ctx);
  const leader = ctx.role === 'leader';

  const build = () => {
    if (restriction && !leader) return { problem: t('actions.supplement.askLeader') };
    const items: SupplementItem[] = [];
    for (const slot of slots) {
      const reason = picked[slot.key];
      if (reason === undefined) continue;
      if (!reason.trim()) return { problem: t('actions.supplement.needReason') };
      items.push({ slot: slot.key, label: slot.label.vi, reason: reason.trim() });
    }
    for (const f of free) {
      if (!f.label.trim() && !f.reason.trim()) continue;
      if (!f.label.trim()) return { problem: t('actions.supplement.needLabel') };
      if (!f.reason.trim()) return { problem: t('actions.supplement.needReason') };
      items.push({ label: f.label.trim(), reason: f.reason.trim() });
    }
    if (!items.length) return { problem: t('actions.supplement.needOne') };
    if (!restriction) return { action: 'request_supplement' as const, items };
    if (!override.trim()) return { problem: t('actions.supplement.needOverride') };
    return { action: 'request_supplement' as const, items, overrideReason: override.trim() };
  };

  const count = Object.values(picked).filter((r) => r !== undefined).length + free.filter((f) => f.label.trim()).length;
  const setFreeAt = (i: number, patch: Partial<FreeItem>) => setFree((all) => all.map((f, j) => (j === i ? { ...f, ...patch } : f)));

  return (
    <ActionForm ctx={ctx} action="request_supplement" intro={t('actions.supplement.intro')} build={build}>
      {restriction ? (
        <div className="serror" role="status" data-testid="supp-restriction">
          <p>{t(`lifecycle.${restriction}`)}</p>
          {leader ? null : <p>{t('actions.supplement.askLeader')}</p>}
        </div>
      ) : until ? (
        <p className="small muted" data-testid="supp-window">
          {t('actions.supplement.window', { date: formatDate(until) })}
        </p>
      ) : null}
      {restriction && leader ? (
        <label className="field">
          <span className="label">{t('actions.supplement.override')}</span>
          <textarea
            className="input"
            data-testid="supp-override"
            rows={2}
            placeholder={t('actions.supplement.overrideHint')}
            value={override}
            onChange={(e) => setOverride(e.target.value)}
          />
        </label>
      ) : null}
      {slots.length ? (
        <fieldset>
          <legend className="small-legend">{t('actions.supplement.slots')}</legend>
          {slots.map((slot) => {
            const label = localized(slot.label, lang);
            const on = picked[slot.key] !== undefined;
            return (
              <div key={slot.key} className="sitem">
                <label className="check">
                  <input
                    type="checkbox"
                    data-testid={`supp-slot-${slot.key}`}
                    checked={on}
                    onChange={(e) => setPicked((p) => ({ ...p, [slot.key]: e.target.checked ? '' : undefined }))}
                  />
                  <span>{label}</span>
                </label>
                {on ? (
                  <label className="field">
                    <span className="label">{t('actions.supplement.reasonFor', { label })}</span>
                    <input
                      className="input"
                      data-testid={`supp-reason-${slot.key}`}
                      placeholder={t('actions.supplement.reasonHint')}
                      value={picked[slot.key]}
                      onChange={(e) => setPicked((p) => ({ ...p, [slot.key]: e.target.value }))}
                    />
                  </label>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <fieldset>
        <legend className="small-legend">{t('actions.supplement.free')}</legend>
        {free.map((f, i) => (
          <div key={i} className="sitem sfree">
            <label className="field">
              <span className="label">{t('actions.supplement.freeLabel')}</span>
              <input className="input" data-testid={`supp-free-label-${i}`} value={f.label} onChange={(e) => setFreeAt(i, { label: e.target.value })} />
            </label>
            <label className="field">
              <span className="label">{t('actions.supplement.reason')}</span>
              <input className="input" data-testid={`supp-free-reason-${i}`} value={f.reason} onChange={(e) => setFreeAt(i, { reason: e.target.value })} />
            </label>
            <button type="button" className="btn btn-ghost btn-danger" onClick={() => setFree((all) => all.filter((_, j) => j !== i))}>
              {t('actions.supplement.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-secondary" data-testid="supp-add-free" onClick={() => setFree((all) => [...all, { label: '', reason: '' }])}>
          {t('actions.supplement.addFree')}
        </button>
      </fieldset>
      {count ? <p className="small muted">{t('actions.supplement.count', { count })}</p> : null}
    </ActionForm>
  );
}
