// What the province's one-stop system receives from us: the national portal's status numbers
// (DOMAIN.md, "Statuses used by the national portal sync") and the event each status change
// becomes. Pure; the server writes events, the province's system reads them.
import { z } from 'zod';
import { DossierStatus } from './schemas.ts';

/** The national portal's status number of each of our statuses (1-10, one each way). */
export const PORTAL_STATUS: Readonly<Record<DossierStatus, number>> = {
  registered: 1, // mới đăng ký
  accepted: 2, // được tiếp nhận
  refused: 3, // không được tiếp nhận
  processing: 4, // đang xử lý
  supplement_requested: 5, // yêu cầu bổ sung
  financial_requested: 6, // yêu cầu thực hiện nghĩa vụ tài chính
  withdrawn: 7, // công dân yêu cầu rút hồ sơ
  stopped: 8, // dừng xử lý
  processed: 9, // đã xử lý xong
  returned: 10, // đã trả kết quả
};

export const portalStatus = (status: DossierStatus): number => PORTAL_STATUS[status];

/** Our status for a portal number, or undefined when the number is not 1-10. */
export function statusOfPortal(n: number): DossierStatus | undefined {
  return DossierStatus.options.find((s) => PORTAL_STATUS[s] === n);
}

/**
 * One status change of a dossier, as the feed and the webhooks carry it. No personal data: no
 * name, ID number, phone, address or field values, and no officer's note (reasons are written
 * in free words and may name people). Who the dossier is about is in the full export, which
 * the same API key may fetch and which is audited.
 */
export const IntegrationEvent = z.object({
  /** Global, increasing, never reused: the pull feed's `after` and the webhooks' de-duplication key. */
  id: z.number().int().positive(),
  /** 1, 2, 3 … per dossier, in the order the changes were committed. */
  seq: z.number().int().positive(),
  type: z.literal('dossier.status'),
  /** What caused it: `submit` (online), `submit_desk` (walk-in), a desk action, `supplement_submitted`, `withdraw`. */
  action: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  /** The agency identifier (QCVN 102:2016) the dossier code starts with. */
  agencyId: z.string(),
  procedureCode: z.string(),
  procedureVersion: z.number().int(),
  channel: z.enum(['online', 'desk']),
  status: DossierStatus,
  /** The national portal's status number (PORTAL_STATUS). */
  portalStatus: z.number().int().min(1).max(10),
  /** When the change happened (ISO-8601 UTC). */
  at: z.string(),
  receivedAt: z.string(),
  /** The due date in force after the change. */
  dueAt: z.string(),
});
export type IntegrationEvent = z.infer<typeof IntegrationEvent>;

/** `GET /api/integration/events` answer. */
export const IntegrationEventsResponse = z.object({
  events: z.array(IntegrationEvent),
  /** The last event's id, or `after` when there is none: pass it as the next `after`. */
  next: z.number().int().min(0),
});
export type IntegrationEventsResponse = z.infer<typeof IntegrationEventsResponse>;
