// What is wrong with a procedure, in plain words, each pinned to the control it is about. The
// shared schema decides what is valid (the server runs the same one); this file only words its
// findings and adds the editor's own "write the Vietnamese" rule, which the schema cannot know.
import { ProcedureDef } from '@hsc/shared/procedure';
import type { z } from 'zod';
import type { StaffT } from '../i18n/index.ts';
import type { FieldDraft, ProcedureDraft } from './model.ts';
import { toDef } from './model.ts';

/** Problems by the path of the control that shows them ('' = the form as a whole). */
export type Problems = ReadonlyMap<string, string[]>;
export const NO_PROBLEMS: Problems = new Map();

export interface Finding {
  path: string;
  message: string;
}

function fieldControls(f: FieldDraft, at: string, out: Set<string>) {
  out.add(at);
  for (const c of ['key', 'type', 'required', 'label.vi', 'label.en', 'hint.vi', 'hint.en', 'options', 'pattern', 'min', 'max', 'showIf.field', 'showIf.equals', 'fields', 'minRows', 'maxRows']) out.add(`${at}.${c}`);
  f.options.forEach((_, j) => ['value', 'label.vi', 'label.en'].forEach((c) => out.add(`${at}.options.${j}.${c}`)));
  f.fields.forEach((sub, j) => fieldControls(sub, `${at}.fields.${j}`, out));
}

/** Every path a control of the editor answers to, for this draft. */
export function controlPaths(d: ProcedureDraft): Set<string> {
  const out = new Set<string>(['code', 'verified', 'level', 'processingDays', 'feeRule', 'feeRule.amount', 'feeRule.cap', 'units', 'lifeEvents', 'keywords', 'fields', 'documents']);
  for (const t of ['name', 'field', 'legalBasis', 'processingTime', 'fee', 'feeExemption', 'where']) ['vi', 'en'].forEach((l) => out.add(`${t}.${l}`));
  d.fields.forEach((f, i) => fieldControls(f, `fields.${i}`, out));
  d.documents.forEach((_, i) => ['', '.key', '.required', '.label.vi', '.label.en', '.maxPages', '.template'].forEach((c) => out.add(`documents.${i}${c}`)));
  return out;
}

/** `procedures[2].fields[3].type` and `fields.3.type` alike, as segments. */
export const splitPath = (path: string): string[] => path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);

/** The nearest control at or above the path: `fields.3.options.2` shows under the options. */
export function anchor(path: string, controls: ReadonlySet<string>): string {
  const parts = splitPath(path);
  while (parts.length) {
    const p = parts.join('.');
    if (controls.has(p)) return p;
    parts.pop();
  }
  return '';
}

export function groupProblems(findings: readonly Finding[], d: ProcedureDraft): Problems {
  const controls = controlPaths(d);
  const out = new Map<string, string[]>();
  for (const f of findings) {
    const at = anchor(f.path, controls);
    const list = out.get(at) ?? [];
    if (!list.includes(f.message)) list.push(f.message);
    out.set(at, list);
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

type Issue = z.core.$ZodIssue;

function describeCustom(tail: string, path: readonly PropertyKey[], message: string, t: StaffT): string {
  switch (tail) {
    case 'key':
      return path[0] === 'documents' ? t('catalog.problems.slotTwice') : t('catalog.problems.keyTwice');
    case 'options':
      return t('catalog.problems.needOptions');
    case 'value':
      return t('catalog.problems.optionTwice');
    case 'pattern':
      return t('catalog.problems.badPattern');
    case 'min':
      return t('catalog.problems.minAboveMax');
    case 'minRows':
      return t('catalog.problems.minRowsAboveMax');
    case 'field':
      return t('catalog.problems.badCondition');
    case 'type':
      return t('catalog.problems.groupInGroup');
    case 'fields':
      return t('catalog.problems.needSubFields');
    default:
      return message;
  }
}

export function describe(issue: Issue, def: unknown, t: StaffT): string {
  const tail = String(issue.path.at(-1) ?? '');
  const value = valueAt(def, issue.path);
  if (issue.code === 'custom') return describeCustom(tail, issue.path, issue.message, t);
  if (value === '' && (issue.code === 'too_small' || issue.code === 'invalid_format')) return t('catalog.problems.empty');
  if (issue.code === 'invalid_format') {
    if (tail === 'key') return t('catalog.problems.key');
    if (tail === 'code') return t('catalog.problems.code');
    if (issue.path[0] === 'units') return t('catalog.problems.unit');
    return t('catalog.problems.format');
  }
  if (issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int')) {
    return issue.expected === 'int' || Number.isNaN(value) ? t('catalog.problems.whole') : t('catalog.problems.number');
  }
  if (issue.code === 'too_small' && issue.origin === 'number') return t('catalog.problems.atLeast', { n: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'number') return t('catalog.problems.atMost', { n: Number(issue.maximum) });
  if (issue.code === 'too_big' && issue.origin === 'string') return t('catalog.problems.tooLong', { n: Number(issue.maximum) });
  if (issue.code === 'invalid_union' || issue.code === 'invalid_value') return t('catalog.problems.choose');
  return issue.message;
}

/**
 * The editor's own rules: the Vietnamese is what the phone shows first (the schema allows it
 * empty, the editor does not), and a blank number is asked for in words.
 */
function editorRules(d: ProcedureDraft, t: StaffT): Finding[] {
  const out: Finding[] = [];
  const need = (path: string, vi: string) => {
    if (!vi.trim()) out.push({ path: `${path}.vi`, message: t('catalog.problems.needVi') });
  };
  need('name', d.name.vi);
  need('field', d.field.vi);
  need('processingTime', d.processingTime.vi);
  need('fee', d.fee.vi);
  need('where', d.where.vi);
  const fields = (list: FieldDraft[], at: string) =>
    list.forEach((f, i) => {
      need(`${at}.${i}.label`, f.label.vi);
      if (f.type === 'choice' || f.type === 'select') f.options.forEach((o, j) => need(`${at}.${i}.options.${j}.label`, o.label.vi));
      if (f.type === 'group') fields(f.fields, `${at}.${i}.fields`);
    });
  fields(d.fields, 'fields');
  d.documents.forEach((s, i) => need(`documents.${i}.label`, s.label.vi));
  // A number left blank is "fill this in", not "not a number".
  const filled = (path: string, s: string) => {
    if (!s.trim()) out.push({ path, message: t('catalog.problems.empty') });
  };
  if (d.timeKind === 'days') {
    filled('processingDays', d.days);
    if (d.days.trim() && Number(d.days.trim()) === 0) out.push({ path: 'processingDays', message: t('catalog.problems.zeroDays') });
  }
  if (d.feeKind && d.feeKind !== 'none') filled('feeRule.amount', d.feeAmount);
  d.documents.forEach((s, i) => filled(`documents.${i}.maxPages`, s.maxPages));
  return out;
}

/** Everything to fix before saving, or the procedure ready to send. */
export function check(d: ProcedureDraft, t: StaffT): { def: ProcedureDef; findings: Finding[] } {
  const def = toDef(d);
  const parsed = ProcedureDef.safeParse(def);
  const findings = editorRules(d, t);
  // Where the editor already said what to do, the schema's finding at the same place would only repeat it.
  const said = new Set(findings.map((f) => f.path));
  if (!parsed.success) for (const issue of parsed.error.issues) if (!said.has(issue.path.join('.'))) findings.push({ path: issue.path.join('.'), message: describe(issue, def, t) });
  return { def: parsed.success ? parsed.data : def, findings };
}
