// Every staff endpoint the console calls, typed by the shared schemas (server/README.md "Desk").
import {
  ActionResponse,
  DeskDossierResponse,
  DossierListResponse,
  FILE_NAME_HEADER,
  FormDocument,
  QueueSummary,
  ReportResponse,
  ResultUploadResponse,
} from '@hsc/shared/desk';
import type { StaffActionRequest } from '@hsc/shared/lifecycle';
import { ControlSheet, type HandoverRequest } from '@hsc/shared/handover';
import { Catalog, UnitList, type DossierStatus } from '@hsc/shared/schemas';
import { AdminProcedure, AdminProcedureList, CATALOG_FORMAT, CatalogImportResult, Procedure, TemplateRef, type ProcedureDef } from '@hsc/shared/procedure';
import { UnitPayeeResponse, type PutPayeeRequest } from '@hsc/shared/payment';
import { z } from 'zod';
import { Holiday, HolidayList, StaffSession, type LoginRequest } from '@hsc/shared/staff';
import { request, requestIfChanged, requestVoid } from './client.ts';

const id = encodeURIComponent;

export const login = (body: LoginRequest) => request(StaffSession, '/api/staff/login', { method: 'POST', json: body });
export const me = () => request(StaffSession, '/api/staff/me');
export const logout = () => requestVoid('/api/staff/logout', { method: 'POST' });

export interface QueueQuery {
  statuses?: readonly DossierStatus[];
  q?: string;
  unit?: string;
  cursor?: string;
  limit?: number;
  /** 'me': only the dossiers the signed-in staff member holds ("Của tôi"). */
  holder?: 'me';
}

export function queuePath({ statuses, q, unit, cursor, limit = 50, holder }: QueueQuery): string {
  const p = new URLSearchParams();
  if (holder) p.set('holder', holder);
  if (statuses?.length) p.set('status', statuses.join(','));
  if (q?.trim()) p.set('q', q.trim());
  if (unit) p.set('unit', unit);
  if (cursor) p.set('cursor', cursor);
  p.set('limit', String(limit));
  return `/api/staff/dossiers?${p}`;
}
export const listDossiers = (q: QueueQuery) => request(DossierListResponse, queuePath(q));
/** The queue's counts per status and version; null while nothing changed since `etag`. */
export const pollQueue = (unit: string | undefined, etag: string | undefined) =>
  requestIfChanged(QueueSummary, `/api/staff/queue${unit ? `?${new URLSearchParams({ unit })}` : ''}`, etag);

export const dossierPath = (dossierId: string) => `/api/staff/dossiers/${id(dossierId)}`;
export const getDossier = (dossierId: string) => request(DeskDossierResponse, dossierPath(dossierId));
export const fileUrl = (dossierId: string, attachmentId: string) => `${dossierPath(dossierId)}/files/${id(attachmentId)}`;
export const resultUrl = (dossierId: string, resultId: string) => `${dossierPath(dossierId)}/results/${id(resultId)}`;

export const act = (dossierId: string, body: StaffActionRequest) => request(ActionResponse, `${dossierPath(dossierId)}/actions`, { method: 'POST', json: body });

/** Hands the dossier to another staff member of its unit; the answer is the dossier as it stands after. */
export const handOver = (dossierId: string, body: HandoverRequest) => request(DeskDossierResponse, `${dossierPath(dossierId)}/handover`, { method: 'POST', json: body });
export const controlSheetPath = (dossierId: string) => `${dossierPath(dossierId)}/control-sheet`;
/** Mẫu 05, read from the recorded steps when printed. */
export const getControlSheet = (dossierId: string) => request(ControlSheet, controlSheetPath(dossierId));

/** The raw file; the server checks its first bytes against the media type. */
export const uploadResult = (dossierId: string, file: File) =>
  request(ResultUploadResponse, `${dossierPath(dossierId)}/result`, {
    method: 'POST',
    raw: file,
    headers: { 'content-type': file.type, [FILE_NAME_HEADER]: encodeURIComponent(file.name) },
  });

export const formPath = (formId: string) => `/api/staff/forms/${id(formId)}`;
export const getForm = (formId: string) => request(FormDocument, formPath(formId));

export const reportPath = (from: string, to: string, unit?: string) => `/api/staff/reports?${new URLSearchParams({ from, to, ...(unit ? { unit } : {}) })}`;
export const getReport = (from: string, to: string, unit?: string) => request(ReportResponse, reportPath(from, to, unit));

export const getHolidays = () => request(HolidayList, '/api/holidays');
/** Days off (`holidays`) and make-up working days (`workdays`), kept by an administrator. */
export type CalendarKind = 'holidays' | 'workdays';
const calendarDayPath = (kind: CalendarKind, date: string) => `/api/admin/${kind}/${id(date)}`;
export const putCalendarDay = (kind: CalendarKind, date: string, name: string | null) => request(Holiday, calendarDayPath(kind, date), { method: 'PUT', json: { name } });
export const deleteCalendarDay = (kind: CalendarKind, date: string) => requestVoid(calendarDayPath(kind, date), { method: 'DELETE' });
export const getProcedures = () => request(Catalog, '/api/procedures');
/** One published version of a procedure: a dossier is read against the version it was filled in. */
export const procedureVersionPath = (code: string, version: number) => `/api/procedures/${id(code)}?version=${version}`;
export const getProcedureVersion = (code: string, version: number) => request(Procedure, procedureVersionPath(code, version));
export const getUnits = () => request(UnitList, '/api/units');

const payeePath = (unitCode: string) => `/api/admin/units/${id(unitCode)}/payee`;
export const getPayee = (unitCode: string) => request(UnitPayeeResponse, payeePath(unitCode));
export const putPayee = (unitCode: string, body: PutPayeeRequest) => request(UnitPayeeResponse, payeePath(unitCode), { method: 'PUT', json: body });

// The catalog, for the administrator (admin role; CSRF as for every state change).
export const adminProceduresPath = '/api/admin/procedures';
const procedurePath = (code: string) => `${adminProceduresPath}/${id(code)}`;
export const listAdminProcedures = () => request(AdminProcedureList, adminProceduresPath);
export const getAdminProcedure = (code: string) => request(AdminProcedure, procedurePath(code));
export const saveProcedureDraft = (def: ProcedureDef) => request(AdminProcedure, `${procedurePath(def.code)}/draft`, { method: 'PUT', json: def });
export const discardProcedureDraft = (code: string) => request(AdminProcedure, `${procedurePath(code)}/draft`, { method: 'DELETE' });
export const publishProcedure = (code: string) => request(AdminProcedure, `${procedurePath(code)}/publish`, { method: 'POST' });
export const retireProcedure = (code: string) => request(AdminProcedure, `${procedurePath(code)}/retire`, { method: 'POST' });
export const restoreProcedure = (code: string) => request(AdminProcedure, `${procedurePath(code)}/restore`, { method: 'POST' });

/** A slot's blank form, sent raw; the answer names it for the procedure. */
export const uploadTemplate = (file: File) =>
  request(TemplateRef, '/api/admin/catalog/templates', {
    method: 'POST',
    raw: file,
    headers: { 'content-type': file.type || 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(file.name) },
  });

/** The file's own text is sent, so what the server checks is byte for byte what was picked. */
export const importCatalog = (text: string, dryRun: boolean) =>
  request(CatalogImportResult, `/api/admin/catalog/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    raw: new Blob([text], { type: 'application/json' }),
    headers: { 'content-type': 'application/json' },
  });

// Loose: whatever else a newer server writes into the file is kept in the download.
const ExportedCatalog = z.looseObject({ format: z.literal(CATALOG_FORMAT) });
export const exportCatalog = () => request(ExportedCatalog, '/api/admin/catalog/export');
