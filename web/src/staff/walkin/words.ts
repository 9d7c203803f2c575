// Walk-in mode's words, Vietnamese and English, travelling in the walk-in chunk so a citizen's
// phone never downloads them (the shared words, such as receipt labels, come from the app's
// own i18n files). Another language = one more object of the same shape.
import { useLang } from '../../ui/hooks/useLang.ts';

const vi = {
  title: 'Nhận hồ sơ trực tiếp',
  intro: 'Lập hồ sơ cho người dân đến trực tiếp tại bộ phận một cửa. Mỗi người một phiên riêng; hồ sơ được giữ trong máy đến khi xã nhận.',
  next: 'Người tiếp theo',
  pick: 'Chọn thủ tục',
  list: 'Hồ sơ trực tiếp hôm nay',
  empty: 'Chưa có hồ sơ trực tiếp nào trên máy này.',
  waiting: 'Đang chờ gửi',
  draft: 'Đang lập',
  print: 'In giấy biên nhận',
  wiped: 'Dữ liệu cá nhân đã xóa khỏi máy này.',
  loginAgain: 'Phiên đăng nhập đã hết. Các hồ sơ chưa gửi vẫn được giữ; hãy đăng nhập lại để gửi.',
  console: 'Bảng điều khiển',
  sent: 'Hồ sơ đã vào hàng chờ gửi. Có thể tiếp người tiếp theo.',
  receiptTitle: 'GIẤY BIÊN NHẬN HỒ SƠ',
  receiptNote: 'Giấy tiếp nhận và hẹn trả kết quả (Mẫu 01) sẽ được cấp khi cán bộ tiếp nhận hồ sơ.',
};

const en: Record<WalkinKey, string> = {
  title: 'Walk-in dossiers',
  intro: 'Start a dossier for a citizen at the one-stop desk. Each citizen has their own session; the dossier stays on this device until the commune holds it.',
  next: 'Next citizen',
  pick: 'Choose the procedure',
  list: 'Walk-in dossiers today',
  empty: 'No walk-in dossier on this device yet.',
  waiting: 'Waiting to be sent',
  draft: 'Being filled in',
  print: 'Print the receipt',
  wiped: 'Personal data has been wiped from this device.',
  loginAgain: 'The session has ended. Unsent dossiers are kept; sign in again to send them.',
  console: 'Console',
  sent: 'The dossier is in the outbox. You can serve the next citizen.',
  receiptTitle: 'DOSSIER DELIVERY RECEIPT',
  receiptNote: 'The formal receipt and appointment (Mẫu 01) is issued when an officer accepts the dossier.',
};

export type WalkinKey = keyof typeof vi;
const WORDS: Record<string, Record<WalkinKey, string>> = { vi, en };

/** `t` for the app's shared words, `w` for walk-in mode's own, in the current language. */
export function useWalkinT() {
  const { t, lang } = useLang();
  const words = WORDS[lang] ?? vi;
  return { t, lang, w: (key: WalkinKey) => words[key] };
}
