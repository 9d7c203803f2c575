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

/**
 * The one word for each of the national portal's statuses (1-10), used by the phone, the console,
 * /tra-cuu, push and the printed forms alike, so a person hears the same name everywhere.
 */
export const statusMessages: Record<Lang, Record<DossierStatus, string>> = {
  vi: {
    registered: 'Đã nộp, chờ tiếp nhận',
    accepted: 'Đã tiếp nhận',
    refused: 'Không tiếp nhận',
    processing: 'Đang giải quyết',
    supplement_requested: 'Cần bổ sung giấy tờ',
    financial_requested: 'Cần nộp phí, lệ phí',
    withdrawn: 'Đã rút hồ sơ',
    stopped: 'Dừng giải quyết',
    processed: 'Đã có kết quả',
    returned: 'Đã trả kết quả',
  },
  en: {
    registered: 'Sent, waiting to be accepted',
    accepted: 'Accepted',
    refused: 'Not accepted',
    processing: 'Being processed',
    supplement_requested: 'More documents needed',
    financial_requested: 'Fee to pay',
    withdrawn: 'Withdrawn',
    stopped: 'Processing stopped',
    processed: 'Result ready',
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
    stop: 'Dừng giải quyết',
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
    supplement_too_late:
      'Đã quá 3 ngày làm việc kể từ ngày tiếp nhận hồ sơ, nên không được yêu cầu bổ sung nữa. Chỉ lãnh đạo mới có thể cho phép, kèm lý do bằng văn bản.',
    supplement_already_requested:
      'Hồ sơ này đã được yêu cầu bổ sung một lần; mọi giấy tờ cần bổ sung phải nêu trong một lần. Chỉ lãnh đạo mới có thể cho phép yêu cầu lần nữa, kèm lý do bằng văn bản.',
    override_leader_only: 'Chỉ lãnh đạo mới được cho phép yêu cầu bổ sung ngoài quy định.',
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
    supplement_too_late:
      'More than 3 working days have passed since the dossier was received, so a supplement can no longer be requested. Only a leader may allow it, with a written reason.',
    supplement_already_requested:
      'A supplement was already requested for this dossier; everything missing must be asked for at once. Only a leader may allow another request, with a written reason.',
    override_leader_only: 'Only a leader may allow a supplement request outside the rule.',
  },
};

/**
 * A decision told to the person: what was decided, why, what to do next and by when. The phone
 * folds these into its resources; /tra-cuu and push fill them on the server. `{{date}}` is a
 * date and time, `{{code}}` the dossier code, `{{list}}` reasons or items joined by "; ".
 */
export const decisionMessages: Record<
  Lang,
  {
    accepted: string;
    refused: string;
    refusedNext: string;
    supplement: string;
    supplementItem: string;
    supplementNext: string;
    rescheduled: string;
    rescheduledReason: string;
    newDue: string;
    previousDue: string;
    stopped: string;
    stoppedNext: string;
    payment: string;
    result: string;
    resultNext: string;
    push: { refused: string; supplement: string; rescheduled: string; stopped: string; accepted: string; result: string };
  }
> = {
  vi: {
    accepted: 'Xã đã nhận đủ hồ sơ. Hẹn trả kết quả: {{date}}.',
    refused: 'Xã đã từ chối nhận hồ sơ vì:',
    refusedNext: 'Việc bạn cần làm: sửa theo các lý do trên rồi nộp lại một hồ sơ mới.',
    supplement: 'Xã cần bạn bổ sung:',
    supplementItem: '{{label}}: {{reason}}',
    supplementNext: 'Việc bạn cần làm: chụp và gửi các giấy tờ trên ngay trong ứng dụng, hoặc mang đến xã.',
    rescheduled: 'Xã xin lỗi vì chưa trả được kết quả đúng hẹn.',
    rescheduledReason: 'Lý do: {{reason}}',
    newDue: 'Hạn mới: {{date}}',
    previousDue: 'Hạn cũ: {{date}}',
    stopped: 'Xã đã dừng giải quyết hồ sơ vì: {{reason}}',
    stoppedNext: 'Việc bạn cần làm: nếu chưa rõ, hãy hỏi bộ phận một cửa của xã.',
    payment: 'Bạn cần nộp phí, lệ phí để xã giải quyết tiếp.',
    result: 'Hồ sơ đã có kết quả.',
    resultNext: 'Việc bạn cần làm: tải kết quả trong ứng dụng, hoặc đến xã nhận.',
    push: {
      accepted: 'Hồ sơ {{code}} đã được tiếp nhận. Hẹn trả kết quả: {{date}}.',
      refused: 'Hồ sơ {{code}} không được tiếp nhận vì: {{list}}',
      supplement: 'Hồ sơ {{code}} cần bổ sung: {{list}}',
      rescheduled: 'Xã xin lỗi: hồ sơ {{code}} được hẹn lại. Hạn mới: {{date}}. Lý do: {{reason}}',
      stopped: 'Hồ sơ {{code}} bị dừng giải quyết vì: {{reason}}',
      result: 'Hồ sơ {{code}} đã có kết quả. Mở ứng dụng để xem.',
    },
  },
  en: {
    accepted: 'The commune has all it needs. Result due {{date}}.',
    refused: 'The commune refused the dossier because:',
    refusedNext: 'What to do: correct what the reasons say, then send a new dossier.',
    supplement: 'The commune needs you to add:',
    supplementItem: '{{label}}: {{reason}}',
    supplementNext: 'What to do: photograph and send these documents in the app, or bring them to the commune.',
    rescheduled: 'The commune apologises: the result is not ready by the promised date.',
    rescheduledReason: 'Reason: {{reason}}',
    newDue: 'New due date: {{date}}',
    previousDue: 'Previous due date: {{date}}',
    stopped: 'The commune stopped processing the dossier because: {{reason}}',
    stoppedNext: 'What to do: if this is unclear, ask the commune’s one-stop desk.',
    payment: 'You need to pay the fee for the commune to continue.',
    result: 'The result is ready.',
    resultNext: 'What to do: download the result in the app, or collect it at the commune.',
    push: {
      accepted: 'Dossier {{code}} was accepted. Result due {{date}}.',
      refused: 'Dossier {{code}} was not accepted because: {{list}}',
      supplement: 'Dossier {{code}} needs: {{list}}',
      rescheduled: 'The commune apologises: dossier {{code}} has a new due date, {{date}}. Reason: {{reason}}',
      stopped: 'Dossier {{code}} was stopped because: {{reason}}',
      result: 'The result of dossier {{code}} is ready. Open the app to see it.',
    },
  },
};

/** Fills `{{name}}` placeholders (the server's side of what i18next does on the phone). */
export function fillMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The timeline note of a decision: the officer's own words, so any language can show them. */
export function decisionNote(action: { action: string; reasons?: string[]; items?: { label: string; reason: string }[]; reason?: string; note?: string }): string | undefined {
  if (action.reasons?.length) return action.reasons.join('; ');
  if (action.items?.length) return action.items.map((i) => `${i.label}: ${i.reason}`).join('; ');
  return action.reason ?? action.note;
}
