import type { ReactNode } from 'react';
import { ReadAloud } from '../components/ReadAloud.tsx';
import { useLang } from '../hooks/useLang.ts';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
  'aria-required': boolean;
}

/** Label, control, and the error under it; `data-path` lets Send scroll to the first problem. */
export function FieldRow({
  path,
  label,
  required,
  hint,
  error,
  children,
}: {
  path: string;
  label: string;
  required: boolean;
  hint?: string;
  error?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = `f-${path}`;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`} data-path={path}>
      <label className="label" htmlFor={id} id={`${id}-label`}>
        {label} <RequiredMark required={required} />
      </label>
      {hint ? (
        <div className="speakable">
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
          <ReadAloud text={hint} testId={`read-hint-${path}`} />
        </div>
      ) : null}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described || undefined, 'aria-required': required })}
      {error ? (
        <div className="speakable">
          <p className="error" id={`${id}-error`} data-testid={`error-${path}`}>
            {error}
          </p>
          <ReadAloud text={error} testId={`read-error-${path}`} />
        </div>
      ) : null}
    </div>
  );
}

/** `*` for a required item, "(không bắt buộc)" for the others. */
export function RequiredMark({ required }: { required: boolean }) {
  const { t } = useLang();
  return required ? (
    <span className="req" title={t('form.requiredMark')}>
      *
    </span>
  ) : (
    <span className="muted small">({t('form.optional')})</span>
  );
}
