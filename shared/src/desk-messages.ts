// Words of the desk: deadline badges, statuses, actions and lifecycle refusals, per language.
// The staff console folds them into its i18next resources; the server uses the refusals in
// its 409 answers, so both say the same thing.
import type { DeadlineBadge, LifecycleError, StaffActionName } from './lifecycle.ts';
import type { Lang } from './messages.ts';
import type { DossierStatus } from './schemas.ts';

export const badgeMessages: Record<Lang, { overdue: string; due_today: string; days_left: string }> = {
  vi: { overdue: 'Quá hạn', due_today: 'Đến hạn', days_left: 'Còn {{days}} ngày' },
  en: { overdue: 'Overdue', due_today: 'Due today', days_left: '{{days}} days left' },
};

export function badgeLabel(lang: Lang, badge: DeadlineBadge): string {
  const text = badgeMessages[lang][badge.kind];
  if (badge.kind !== 'days_left') return text;
  if (lang === 'en' && badge.days === 1) return '1 day left';
  return text.replace('{{days}}', String(badge.days));
}

/** Status names as the national portal uses them (1-10). */
export const statusMessages: Record<Lang, Record<DossierStatus, string>> = {
  vi: {
    registered: 'Mới đăng ký',
    accepted: 'Đã tiếp nhận',
    refused: 'Không tiếp nhận',
    processing: 'Đang xử lý',
    supplement_requested: 'Yêu cầu bổ sung',
    financial_requested: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    withdrawn: 'Công dân rút hồ sơ',
    stopped: 'Dừng xử lý',
    processed: 'Đã xử lý xong',
    returned: 'Đã trả kết quả',
  },
  en: {
    registered: 'Newly registered',
    accepted: 'Accepted',
    refused: 'Not accepted',
    processing: 'Processing',
    supplement_requested: 'Supplement requested',
    financial_requested: 'Fee payment requested',
    withdrawn: 'Withdrawn by the citizen',
    stopped: 'Processing stopped',
    processed: 'Processed',
    returned: 'Result returned',
  },
};

export const actionMessages: Record<Lang, Record<StaffActionName, string>> = {
  vi: {
    accept: 'Tiếp nhận (Mẫu 01)',
    request_supplement: 'Yêu cầu bổ sung (Mẫu 02)',
    refuse: 'Từ chối tiếp nhận (Mẫu 03)',
    start_processing: 'Chuyển xử lý',
    request_payment: 'Yêu cầu nộp phí, lệ phí',
    payment_received: 'Đã nộp phí, lệ phí',
    finish: 'Hoàn thành (kèm kết quả)',
    return_result: 'Trả kết quả',
    reschedule: 'Xin lỗi và hẹn lại (Mẫu 04)',
    stop: 'Dừng xử lý',
  },
  en: {
    accept: 'Accept (form 01)',
    request_supplement: 'Request a supplement (form 02)',
    refuse: 'Refuse (form 03)',
    start_processing: 'Start processing',
    request_payment: 'Request the fee',
    payment_received: 'Fee received',
    finish: 'Finish (with the result)',
    return_result: 'Return the result',
    reschedule: 'Apologise and reschedule (form 04)',
    stop: 'Stop processing',
  },
};

export const lifecycleErrorMessages: Record<Lang, Record<LifecycleError, string>> = {
  vi: {
    forbidden_role: 'Tài khoản của bạn không được thực hiện thao tác này.',
    invalid_transition: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.',
    items_required: 'Hãy liệt kê đầy đủ, một lần, mọi giấy tờ cần bổ sung và lý do.',
    reasons_required: 'Hãy nêu rõ lý do không tiếp nhận.',
    reason_required: 'Hãy nêu rõ lý do.',
    result_required: 'Cần tải lên văn bản kết quả trước khi hoàn thành.',
    already_rescheduled: 'Hồ sơ này đã được hẹn lại một lần; không thể hẹn lại lần nữa.',
    reschedule_too_late: 'Phải xin lỗi và hẹn lại chậm nhất 1 ngày trước ngày hẹn trả.',
    due_not_later: 'Ngày hẹn mới phải sau ngày hẹn hiện tại.',
    due_not_working_day: 'Ngày hẹn phải là ngày làm việc.',
  },
  en: {
    forbidden_role: 'Your account may not do this.',
    invalid_transition: 'This cannot be done in the dossier’s current status.',
    items_required: 'List every missing or wrong document at once, each with its reason.',
    reasons_required: 'Give the reasons for refusing.',
    reason_required: 'Give the reason.',
    result_required: 'Upload the result document before finishing.',
    already_rescheduled: 'This dossier was already rescheduled once; it cannot be again.',
    reschedule_too_late: 'The apology and new date must be issued at least 1 day before the due date.',
    due_not_later: 'The new due date must be later than the current one.',
    due_not_working_day: 'The due date must be a working day.',
  },
};
