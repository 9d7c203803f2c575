// The fee: how it is reckoned (none, one amount, per page or per copy with a cap), the words
// people read (written from the rule, editable) and who is exempt.
import { useStaffT } from '../i18n/index.ts';
import { Choice, Input, Section, TextPair } from './controls.tsx';
import type { Patch } from './MetaSection.tsx';
import type { FeeKind, ProcedureDraft } from './model.ts';
import { feeOf, feeText, follow } from './prefill.ts';

const KINDS: FeeKind[] = ['none', 'fixed', 'perPage', 'perCopy'];

export function FeeSection({ draft, patch }: { draft: ProcedureDraft; patch: Patch }) {
  const { t } = useStaffT();
  const change = (next: Pick<ProcedureDraft, 'feeKind' | 'feeAmount' | 'feeCap'>) =>
    patch({ ...next, fee: follow(draft.fee, feeOf(draft), feeText(next.feeKind, next.feeAmount, next.feeCap)) });
  const rule = { feeKind: draft.feeKind, feeAmount: draft.feeAmount, feeCap: draft.feeCap };
  const kind = draft.feeKind;
  return (
    <Section title={t('catalog.editor.sections.fee')} testId="section-fee">
      {kind === null ? <p className="hint">{t('catalog.editor.fee.unset')}</p> : null}
      <Choice
        path="feeRule"
        label={t('catalog.editor.choose.fee')}
        value={kind}
        options={KINDS.map((k) => ({ value: k, label: t(`catalog.editor.fee.${k}`) }))}
        onChange={(feeKind) => change({ ...rule, feeKind })}
      />
      {kind !== null && kind !== 'none' ? (
        <div className="crow">
          <Input
            path="feeRule.amount"
            label={t(kind === 'fixed' ? 'catalog.editor.fee.amount' : kind === 'perPage' ? 'catalog.editor.fee.amountPerPage' : 'catalog.editor.fee.amountPerCopy')}
            value={draft.feeAmount}
            inputMode="numeric"
            onChange={(feeAmount) => change({ ...rule, feeAmount })}
          />
          {kind !== 'fixed' ? (
            <Input
              path="feeRule.cap"
              label={t('catalog.editor.fee.cap')}
              hint={t('catalog.editor.fee.capHint')}
              value={draft.feeCap}
              inputMode="numeric"
              onChange={(feeCap) => change({ ...rule, feeCap })}
            />
          ) : null}
        </div>
      ) : null}
      <TextPair path="fee" label={t('catalog.editor.fee.text')} value={draft.fee} onChange={(fee) => patch({ fee })} />
      <button type="button" className="btn btn-small btn-secondary" data-testid="fill-fee" disabled={kind === null} onClick={() => patch({ fee: feeOf(draft) })}>
        {t('catalog.editor.fee.fill')}
      </button>
      <TextPair
        path="feeExemption"
        label={t('catalog.editor.fee.exemption')}
        hint={t('catalog.editor.fee.exemptionHint')}
        value={draft.feeExemption}
        onChange={(feeExemption) => patch({ feeExemption })}
        multiline
      />
    </Section>
  );
}
