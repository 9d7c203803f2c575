// The words of the printed forms (Mẫu 01-04 of Circular 01/2018). They are legal documents in
// Vietnamese, so they are printed in Vietnamese whatever language the console is shown in.
export const FORM_WORDS = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  number: 'Số: {{number}}',
  placeDate: '{{place}}, ngày {{day}} tháng {{month}} năm {{year}}',
  titles: {
    '01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    '04': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  },
  agency: '{{desk}}, {{unit}}',
  received: 'Tiếp nhận hồ sơ của:',
  applicant: 'Ông/bà',
  address: 'Địa chỉ',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  request: 'Nội dung yêu cầu giải quyết',
  code: 'Mã hồ sơ',
  lookup: 'Mã tra cứu',
  documents: 'Thành phần hồ sơ nộp gồm:',
  docCol: 'Tên giấy tờ',
  kindCol: 'Hình thức',
  pagesCol: 'Số trang',
  electronic: 'Bản điện tử',
  scanned: 'Bản chụp',
  sets: 'Số lượng hồ sơ: {{sets}} bộ',
  time: 'Thời gian giải quyết theo quy định: {{time}}',
  receivedAt: 'Thời gian nhận hồ sơ: {{at}}',
  dueAt: 'Thời gian trả kết quả: {{at}}',
  delivery: 'Nhận kết quả tại: {{where}}',
  channel: { online: 'Hồ sơ nộp trực tuyến', desk: 'Hồ sơ nộp trực tiếp tại quầy' },
  register: 'Vào Sổ theo dõi hồ sơ, số: {{number}}',
  applicantSign: 'NGƯỜI NỘP HỒ SƠ',
  officerSign: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
  signHint: '(Ký và ghi rõ họ tên)',
  supplementIntro: 'Hồ sơ của ông/bà nhận lúc {{at}} cần bổ sung, hoàn thiện các nội dung sau:',
  itemCol: 'Nội dung cần bổ sung',
  reasonCol: 'Lý do',
  supplementOutro: 'Ông/bà bổ sung một lần các nội dung trên; thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ.',
  refuseIntro: 'Hồ sơ của ông/bà nhận lúc {{at}} không đủ điều kiện tiếp nhận, giải quyết vì:',
  apologyIntro: 'Hồ sơ của ông/bà nhận lúc {{at}}, hẹn trả kết quả lúc {{previous}}, chưa giải quyết xong đúng hẹn.',
  apologyReason: 'Lý do: {{reason}}',
  apologyNew: 'Chúng tôi xin lỗi ông/bà và hẹn trả kết quả vào lúc {{at}}.',
  signOfficer: 'NGƯỜI LẬP PHIẾU',
  qr: 'Mã QR của mã hồ sơ {{code}}',
} as const;

/** Fills `{{name}}` placeholders (the forms do not go through i18next: they have one language). */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}
