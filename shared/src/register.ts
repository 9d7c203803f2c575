// The case register (Sổ theo dõi hồ sơ, Mẫu 06 of Circular 01/2018) and the day's receipts
// printed in one go: schemas of `GET /api/staff/register` and `GET /api/staff/forms`, and the
// export formats they and the figures share.
import { z } from 'zod';
import { FormDocument, Month } from './desk.ts';
import { Channel, DossierStatus } from './schemas.ts';
import { UnitCode } from './staff.ts';

export const Day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

/** `json` (the default) answers the data; `xlsx` and `csv` a file to download. */
export const ExportFormat = z.enum(['json', 'xlsx', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** One day or one month (Vietnamese dates) of a unit: exactly one of `day` and `month`. */
export const RegisterQuery = z
  .object({ day: Day.optional(), month: Month.optional(), unit: UnitCode.optional(), format: ExportFormat.default('json') })
  .refine((q) => (q.day === undefined) !== (q.month === undefined), { message: 'day or month', path: ['day'] });
export type RegisterQuery = z.infer<typeof RegisterQuery>;

/**
 * A line of the register: a dossier received in the period, in the order received. The columns
 * follow the register's: number, code, procedure, applicant, address, received, due, handed to,
 * result issued, returned, notes.
 */
export const RegisterRow = z.object({
  /** 1, 2, … in the period. */
  no: z.number().int(),
  dossierId: z.string(),
  code: z.string(),
  unitCode: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  channel: Channel,
  applicantName: z.string(),
  address: z.string(),
  /** '' for a walk-in with no phone (`noPhone`), which the register says in words. */
  phone: z.string(),
  noPhone: z.literal(true).optional(),
  receivedAt: z.string(),
  dueAt: z.string(),
  /** The Mẫu 01's officer (who received it at the desk), when accepted. */
  receivedBy: z.string().nullable(),
  /** Whom the desk first handed the dossier to for processing (a handover, Mẫu 05), or null. */
  handedTo: z.string().nullable(),
  /** When the result was issued (processed). */
  finishedAt: z.string().nullable(),
  /** When the result was handed back (returned). */
  returnedAt: z.string().nullable(),
  status: DossierStatus,
  rescheduled: z.boolean(),
});
export type RegisterRow = z.infer<typeof RegisterRow>;

export const RegisterResponse = z.object({
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  period: z.string(),
  unit: z.string().nullable(),
  unitName: z.string().nullable(),
  rows: z.array(RegisterRow),
});
export type RegisterResponse = z.infer<typeof RegisterResponse>;

/** `GET /api/staff/forms?kind=01&day=`: every Mẫu 01 the unit issued that day, to print at once. */
export const FormBatchQuery = z.object({ kind: z.literal('01'), day: Day, unit: UnitCode.optional() });
export type FormBatchQuery = z.infer<typeof FormBatchQuery>;
export const FormBatchResponse = z.object({ day: Day, unit: z.string().nullable(), forms: z.array(FormDocument) });
export type FormBatchResponse = z.infer<typeof FormBatchResponse>;

/** `GET /api/staff/reports/export`: the figures of `GET /api/staff/reports` as a file. */
export const ReportExportQuery = z.object({ from: Month, to: Month, unit: UnitCode.optional(), format: z.enum(['xlsx', 'csv']) });
export type ReportExportQuery = z.infer<typeof ReportExportQuery>;
