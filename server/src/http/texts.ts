// The server's own words for error answers, per language. Field-level texts come from
// shared/messages.ts so the phone and the server say the same thing.
import type { Lang } from '@hsc/shared';
import type { FastifyRequest } from 'fastify';

export type ErrorKey =
  | 'invalid'
  | 'conflict'
  | 'attachments_missing'
  | 'not_found'
  | 'dossier_not_found'
  | 'rate_limited'
  | 'too_large'
  | 'unsupported_media_type'
  | 'bad_request'
  | 'internal'
  | 'corrupt_upload'
  | 'attachment_conflict'
  | 'invalidValue'
  | 'notWeekend'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf'
  | 'bad_credentials'
  | 'username_taken'
  | 'action_id_conflict'
  | 'procedure_invalid'
  | 'catalog_state'
  | 'catalog_file_invalid';

const texts: Record<Lang, Record<ErrorKey, string>> = {
  vi: {
    invalid: 'Hồ sơ chưa hợp lệ. Vui lòng sửa các mục được nêu.',
    conflict: 'Hồ sơ này đã được gửi trước đó với nội dung khác.',
    attachments_missing: 'Máy chủ chưa nhận đủ giấy tờ đính kèm. Ứng dụng sẽ gửi lại các tệp còn thiếu.',
    not_found: 'Không tìm thấy.',
    dossier_not_found: 'Không tìm thấy hồ sơ. Vui lòng kiểm tra lại mã hồ sơ và mã tra cứu.',
    rate_limited: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ít phút.',
    too_large: 'Dữ liệu gửi lên quá lớn.',
    unsupported_media_type: 'Định dạng dữ liệu không được hỗ trợ.',
    bad_request: 'Yêu cầu không hợp lệ.',
    internal: 'Máy chủ gặp lỗi. Hồ sơ của bạn vẫn được giữ trên điện thoại; ứng dụng sẽ thử lại.',
    corrupt_upload: 'Tệp đến máy chủ bị hỏng (không khớp mã kiểm tra). Ứng dụng sẽ gửi lại.',
    attachment_conflict: 'Tệp này đã thuộc một hồ sơ đã nộp với nội dung khác.',
    invalidValue: 'Giá trị không hợp lệ.',
    notWeekend: 'Ngày làm bù phải là thứ bảy hoặc chủ nhật; các ngày khác trong tuần đã là ngày làm việc.',
    unauthenticated: 'Vui lòng đăng nhập.',
    forbidden: 'Tài khoản của bạn không được phép làm việc này.',
    csrf: 'Phiên làm việc không hợp lệ. Vui lòng tải lại trang.',
    bad_credentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    username_taken: 'Tên đăng nhập này đã có người dùng.',
    action_id_conflict: 'Mã thao tác này đã được dùng cho một thao tác khác.',
    procedure_invalid: 'Thủ tục chưa hợp lệ. Hãy sửa các mục được nêu; bản đang soạn chưa bị mất.',
    catalog_state: 'Thủ tục đang ở trạng thái không cho phép việc này (ví dụ: chưa có bản nháp để công bố). Hãy tải lại danh sách.',
    catalog_file_invalid: 'Tệp danh mục có lỗi; chưa có gì thay đổi. Hãy sửa các chỗ được nêu rồi nhập lại.',
  },
  en: {
    invalid: 'The dossier is not valid yet. Please correct the items listed.',
    conflict: 'This dossier was already sent with different content.',
    attachments_missing: 'Some attachments have not reached the server intact. The app will send them again.',
    not_found: 'Not found.',
    dossier_not_found: 'Dossier not found. Please check the dossier code and the lookup code.',
    rate_limited: 'Too many attempts. Please try again in a few minutes.',
    too_large: 'The data sent is too large.',
    unsupported_media_type: 'This data format is not supported.',
    bad_request: 'The request is not valid.',
    internal: 'The server failed. Your dossier is still kept on your phone; the app will try again.',
    corrupt_upload: 'The file arrived damaged (its SHA-256 does not match). The app will send it again.',
    attachment_conflict: 'This attachment id already belongs to a submitted dossier with other content.',
    invalidValue: 'This value is not valid.',
    notWeekend: 'A make-up working day must be a Saturday or a Sunday; the other days are working days already.',
    unauthenticated: 'Please sign in.',
    forbidden: 'Your account may not do this.',
    csrf: 'The session token is missing or wrong. Please reload the page.',
    bad_credentials: 'Wrong username or password.',
    username_taken: 'This username is taken.',
    action_id_conflict: 'This action id was already used for another action.',
    procedure_invalid: 'The procedure is not valid yet. Please correct the items listed; nothing you typed is lost.',
    catalog_state: 'The procedure is not in a state that allows this (for example, there is no draft to publish). Please reload the list.',
    catalog_file_invalid: 'The catalog file has errors; nothing was changed. Correct the places listed and import it again.',
  },
};

/** Vietnamese unless the client asks for English first. */
export function langOf(req: FastifyRequest): Lang {
  const header = req.headers['accept-language'];
  return typeof header === 'string' && header.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export const text = (lang: Lang, key: ErrorKey) => texts[lang][key];

/** Every language's texts (a test holds them to the same keys). */
export const errorTexts: Readonly<Record<Lang, Readonly<Record<ErrorKey, string>>>> = texts;

/**
 * A fee on /tra-cuu: how much, what for, and the account to transfer to as text. The page has no
 * script and is often read on the very phone that would have to scan, so it shows no QR code.
 */
export type PaymentTextKey = 'title' | 'purpose' | 'transfer' | 'bank' | 'account' | 'accountName' | 'content' | 'qrOnPhone' | 'atDesk' | 'paid';
export const paymentTexts: Readonly<Record<Lang, Readonly<Record<PaymentTextKey, string>>>> = {
  vi: {
    title: 'Cần nộp phí, lệ phí: {{amount}} đồng',
    purpose: 'Nộp để: {{purpose}}',
    transfer: 'Chuyển khoản tới:',
    bank: 'Ngân hàng: {{bank}}',
    account: 'Số tài khoản: {{account}}',
    accountName: 'Tên tài khoản: {{name}}',
    content: 'Nội dung chuyển khoản: {{content}}',
    qrOnPhone: 'Mã QR để quét có trên ứng dụng Hồ sơ công và trên giấy báo của xã.',
    atDesk: 'Nộp tại bộ phận một cửa của xã.',
    paid: 'Xã đã nhận tiền phí {{amount}} đồng lúc {{at}}.',
  },
  en: {
    title: 'Fee to pay: {{amount}} VND',
    purpose: 'For: {{purpose}}',
    transfer: 'Transfer to:',
    bank: 'Bank: {{bank}}',
    account: 'Account number: {{account}}',
    accountName: 'Account name: {{name}}',
    content: 'Transfer message: {{content}}',
    qrOnPhone: 'The QR code to scan is in the Hồ sơ công app and on the commune’s notice.',
    atDesk: 'Pay at the commune’s one-stop desk.',
    paid: 'The commune received the fee of {{amount}} VND at {{at}}.',
  },
};
