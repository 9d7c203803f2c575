// Mẫu 02: everything missing or wrong, at once. The officer ticks the procedure's document
// slots and/or writes other items; each needs a reason; at least one item. Labels are sent in
// Vietnamese (the printed form is a Vietnamese document) whatever the console's language.
import type { SupplementItem } from '@hsc/shared/schemas';
import { useState } from 'react';
import { localized } from '../../i18n/index.ts';
import { useStaffT } from '../i18n/index.ts';
import { ActionForm, type ActionCtx } from './ActionForm.tsx';

interface FreeItem {
  label: string;
  reason: string;
}

export function SupplementForm({ ctx }: { ctx: ActionCtx }) {
  const { t, lang } = useStaffT();
  const slots = ctx.procedure?.documents ?? [];
  const [picked, setPicked] = useState<Record<string, string | undefined>>({});
  const [free, setFree] = useState<FreeItem[]>(slots.length ? [] : [{ label: '', reason: '' }]);

  const build = () => {
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
    return { action: 'request_supplement' as const, items };
  };

  const count = Object.values(picked).filter((r) => r !== undefined).length + free.filter((f) => f.label.trim()).length;
  const setFreeAt = (i: number, patch: Partial<FreeItem>) => setFree((all) => all.map((f, j) => (j === i ? { ...f, ...patch } : f)));

  return (
    <ActionForm ctx={ctx} action="request_supplement" intro={t('actions.supplement.intro')} build={build}>
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
