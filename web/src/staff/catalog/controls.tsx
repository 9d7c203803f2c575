// The editor's inputs: each knows the path it edits (`fields.3.key`), so a problem the schema
// or the server finds at that path is written right under it, and the summary can jump to it.
import { createContext, useContext, useId, type ReactNode } from 'react';
import { useStaffT } from '../i18n/index.ts';
import type { Text } from './model.ts';
import { NO_PROBLEMS, type Problems } from './problems.ts';

export const ProblemsContext = createContext<Problems>(NO_PROBLEMS);

export const controlId = (path: string) => `cat-${path}`;

export function useProblems(path: string): string[] {
  return useContext(ProblemsContext).get(path) ?? [];
}

/** True when anything at or under one of the paths has a problem: a folded part then opens by itself. */
export function useProblemsUnder(...paths: string[]): boolean {
  const all = useContext(ProblemsContext);
  return [...all.keys()].some((k) => paths.some((p) => k === p || k.startsWith(`${p}.`)));
}

export function ProblemText({ path, messages }: { path: string; messages: string[] }) {
  if (!messages.length) return null;
  return (
    <p className="error" id={`${controlId(path)}-problem`} data-testid={`problem-${path}`} role="alert">
      {messages.join(' ')}
    </p>
  );
}

interface InputProps {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  multiline?: boolean;
  inputMode?: 'numeric' | 'text';
  /** A datalist's id: choices offered while typing. */
  list?: string;
  className?: string;
}

export function Input({ path, label, value, onChange, hint, multiline, inputMode, list, className = 'field' }: InputProps) {
  const problems = useProblems(path);
  const id = controlId(path);
  const described = [hint ? `${id}-hint` : '', problems.length ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    className: 'input',
    value,
    'data-testid': id,
    'data-anchor': path,
    'aria-invalid': problems.length > 0,
    'aria-describedby': described,
  };
  return (
    <div className={`${className}${problems.length ? ' field-invalid' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" inputMode={inputMode} list={list} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      )}
      <ProblemText path={path} messages={problems} />
    </div>
  );
}

/** A text people read in both languages: Vietnamese first, English may stay empty. */
export function TextPair({ path, label, value, onChange, hint, multiline, list }: Omit<InputProps, 'value' | 'onChange' | 'inputMode'> & { value: Text; onChange: (value: Text) => void }) {
  const { t } = useStaffT();
  const legend = useId();
  return (
    <div className="cpair" role="group" aria-labelledby={legend}>
      <span className="label" id={legend}>
        {label}
      </span>
      {hint ? <p className="hint">{hint}</p> : null}
      <div className="cpair-row">
        <Input path={`${path}.vi`} label={t('catalog.editor.vi')} value={value.vi} onChange={(vi) => onChange({ ...value, vi })} multiline={multiline} list={list} className="field cpair-vi" />
        <Input path={`${path}.en`} label={t('catalog.editor.en')} value={value.en} onChange={(en) => onChange({ ...value, en })} multiline={multiline} className="field cpair-en" />
      </div>
    </div>
  );
}

export function Check({ path, label, checked, onChange }: { path: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const problems = useProblems(path);
  return (
    <div className="ccheck-wrap">
      <label className="ccheck">
        <input type="checkbox" data-testid={controlId(path)} data-anchor={path} checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <span>{label}</span>
      </label>
      <ProblemText path={path} messages={problems} />
    </div>
  );
}

/** Radio buttons for a few exclusive choices (fee rule, time, required or "if any"). */
export function Choice<V extends string>({
  path,
  label,
  value,
  options,
  onChange,
}: {
  path: string;
  label: string;
  value: V | null;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
}) {
  const problems = useProblems(path);
  const name = useId();
  return (
    <fieldset className="cchoice" data-anchor={path}>
      <legend className="label">{label}</legend>
      {options.map((o) => (
        <label key={o.value} className="ccheck">
          <input type="radio" name={name} data-testid={`${controlId(path)}-${o.value}`} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
      <ProblemText path={path} messages={problems} />
    </fieldset>
  );
}

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section className="scard csection" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function Select<V extends string>({
  path,
  label,
  value,
  options,
  onChange,
  className = 'field',
}: {
  path: string;
  label: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
  className?: string;
}) {
  const problems = useProblems(path);
  const id = controlId(path);
  return (
    <div className={`${className}${problems.length ? ' field-invalid' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input"
        data-testid={id}
        data-anchor={path}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length ? `${id}-problem` : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ProblemText path={path} messages={problems} />
    </div>
  );
}

/** An input in a table-like row: its column header names it for the eye, `label` for a screen reader. */
export function CellInput({ path, label, value, onChange }: { path: string; label: string; value: string; onChange: (value: string) => void }) {
  const problems = useProblems(path);
  const id = controlId(path);
  return (
    <div className={`ccell${problems.length ? ' field-invalid' : ''}`}>
      <input
        id={id}
        className="input"
        type="text"
        autoComplete="off"
        aria-label={label}
        data-testid={id}
        data-anchor={path}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length ? `${id}-problem` : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <ProblemText path={path} messages={problems} />
    </div>
  );
}
