// The register's and the day's receipts' reads (GET /api/staff/register, GET /api/staff/forms)
// and the addresses of the files the server makes (XLSX, CSV): a plain link downloads them
// with the session cookie, as the server names them.
import { FormBatchResponse, RegisterResponse } from '@hsc/shared/register';
import { request } from '../api/client.ts';

export type Period = { day: string } | { month: string };

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')).toString();

export const registerPath = (period: Period, unit?: string, format?: 'xlsx' | 'csv') =>
  `/api/staff/register?${query({ ...('day' in period ? { day: period.day } : { month: period.month }), unit, format })}`;
export const getRegister = (period: Period, unit?: string) => request(RegisterResponse, registerPath(period, unit));

export const receiptsPath = (day: string, unit?: string) => `/api/staff/forms?${query({ kind: '01', day, unit })}`;
export const getReceipts = (day: string, unit?: string) => request(FormBatchResponse, receiptsPath(day, unit));

export const figuresFilePath = (from: string, to: string, format: 'xlsx' | 'csv', unit?: string) => `/api/staff/reports/export?${query({ from, to, unit, format })}`;
