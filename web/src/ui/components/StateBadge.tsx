import type { DossierState } from '../../db/types.ts';
import { useLang } from '../hooks/useLang.ts';

export function StateBadge({ state, testId }: { state: DossierState; testId?: string }) {
  const { t } = useLang();
  return (
    <span className={`badge badge-${state}`} data-testid={testId} data-state={state}>
      {t(`state.${state}`)}
    </span>
  );
}
