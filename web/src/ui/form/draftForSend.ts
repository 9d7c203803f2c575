// The draft editor's values as the dossier record they will be frozen into at Send: what the
// form validates is exactly what will be sent.
import type { FieldDef } from '@hsc/shared/schemas';
import { normalizeForSend } from '../../db/dossiers.ts';
import { initialRows } from '../../db/draftValues.ts';
import type { DossierRecord } from '../../db/types.ts';

const APPLICANT_KEYS = ['fullName', 'phone', 'citizenId', 'address', 'email'] as const;
const FIELDS = 'fields.';

export function draftForSend(procedureCode: string, values: Readonly<Record<string, string>>, fields: readonly FieldDef[]): Pick<DossierRecord, 'procedureCode' | 'unitCode' | 'applicant' | 'fields'> {
  const applicant = Object.fromEntries(APPLICANT_KEYS.map((k) => [k, values[`applicant.${k}`] ?? ''])) as unknown as DossierRecord['applicant'];
  if (values['applicant.noPhone'] === 'yes') applicant.noPhone = true;
  const flat: Record<string, string> = {};
  for (const [path, v] of Object.entries(values)) if (path.startsWith(FIELDS)) flat[path.slice(FIELDS.length)] = v;
  // Rows a new group shows before anything is typed in them (see fieldsState).
  const withRows = { ...initialRows(fields, flat), ...flat };
  return { procedureCode, ...normalizeForSend({ unitCode: values.unitCode ?? '', applicant, fields: withRows }) };
}
