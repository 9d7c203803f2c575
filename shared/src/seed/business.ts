// Household business (hộ kinh doanh), registered at commune level since July 2025, beyond the
// registration that opens the seed (shared/src/catalog.ts). Sources per procedure: shared/README.md.
import type { FieldDef, ProcedureDef } from '../schemas.ts';
import { FIELD, FREE, L, PEOPLES_COMMITTEE, choice, date, doc, fixed, hint, longText, opt, text, yesNo } from './helpers.ts';

export const BUSINESS_LAW = L(
  'Luật Doanh nghiệp 2020 (59/2020/QH14); Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp (phần hộ kinh doanh); Thông tư 85/2019/TT-BTC (lệ phí)',
  'Law on Enterprises 2020 (59/2020/QH14); Decree 168/2025/ND-CP on business registration (household businesses); Circular 85/2019/TT-BTC (fees)',
);

const businessName = text('businessName', 'Tên hộ kinh doanh', 'Business name');
const registrationNumber = hint(text('registrationNumber', 'Mã số hộ kinh doanh (số giấy chứng nhận)', 'Household business number (certificate number)'), 'In trên giấy chứng nhận đăng ký hộ kinh doanh', 'Printed on the registration certificate');
const businessEmail: FieldDef = { key: 'businessEmail', type: 'email', required: false, label: L('Thư điện tử của hộ kinh doanh (nếu có)', 'Business email (if any)'), hint: L('Ví dụ: taphoalan@gmail.com', 'Example: taphoalan@gmail.com') };

export const BUSINESS: ProcedureDef[] = [
  {
    code: '2.000575',
    verified: true,
    name: L('Cấp lại giấy chứng nhận đăng ký hộ kinh doanh', 'Replacing a household business registration certificate'),
    field: FIELD.business,
    level: 4,
    legalBasis: BUSINESS_LAW,
    processingDays: 3,
    processingTime: L('3 ngày làm việc', '3 working days'),
    fee: L('Theo mức của tỉnh (thường 50.000 đồng)', 'Set by the province (usually 50,000 VND)'),
    feeRule: fixed(50_000),
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['business', 'papers'],
    keywords: ['mất giấy phép kinh doanh', 'cấp lại giấy phép kinh doanh', 'cấp lại đăng ký hộ kinh doanh', 'giấy phép kinh doanh bị hỏng'],
    fields: [
      businessName,
      registrationNumber,
      choice('reason', 'Lý do cấp lại', 'Why', [
        opt('lost', 'Giấy chứng nhận bị mất', 'The certificate is lost'),
        opt('damaged', 'Giấy chứng nhận bị hư hỏng', 'The certificate is damaged'),
      ]),
      businessEmail,
    ],
    documents: [
      doc('form', 'Giấy đề nghị cấp lại giấy chứng nhận đăng ký hộ kinh doanh', 'Replacement request', true, 2),
      doc('damagedCert', 'Giấy chứng nhận bị hư hỏng (nếu còn)', 'The damaged certificate (if you still have it)', false, 2),
    ],
  },
  {
    code: '1.001570',
    verified: true,
    name: L('Tạm ngừng hoạt động hộ kinh doanh', 'Suspending a household business'),
    field: FIELD.business,
    level: 4,
    legalBasis: BUSINESS_LAW,
    processingDays: 3,
    processingTime: L('3 ngày làm việc', '3 working days'),
    fee: L('Không mất phí', 'Free'),
    feeRule: FREE,
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['business'],
    keywords: ['tạm ngừng kinh doanh', 'tạm nghỉ kinh doanh', 'nghỉ bán hàng', 'đóng cửa tạm thời', 'tiếp tục kinh doanh'],
    fields: [
      businessName,
      registrationNumber,
      date('fromDate', 'Tạm ngừng từ ngày', 'Suspended from'),
      date('toDate', 'Đến ngày', 'Until'),
      longText('reason', 'Lý do (nếu muốn ghi)', 'Reason (if you wish)', false),
      businessEmail,
    ],
    documents: [doc('notice', 'Thông báo tạm ngừng kinh doanh của hộ kinh doanh', 'Notice of suspension', true, 3)],
  },
  {
    code: '1.001266',
    verified: true,
    name: L('Chấm dứt hoạt động hộ kinh doanh', 'Closing a household business'),
    field: FIELD.business,
    level: 4,
    legalBasis: BUSINESS_LAW,
    processingDays: 3,
    processingTime: L('3 ngày làm việc', '3 working days'),
    fee: L('Không mất phí', 'Free'),
    feeRule: FREE,
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['business'],
    keywords: ['đóng cửa hộ kinh doanh', 'giải thể hộ kinh doanh', 'chấm dứt kinh doanh', 'nghỉ bán hẳn', 'trả giấy phép kinh doanh'],
    fields: [
      businessName,
      registrationNumber,
      date('stopDate', 'Ngày chấm dứt hoạt động', 'Closing date'),
      yesNo('taxSettled', 'Đã hoàn thành nghĩa vụ thuế với cơ quan thuế?', 'Have you settled all taxes?'),
    ],
    documents: [
      doc('notice', 'Thông báo chấm dứt hoạt động hộ kinh doanh', 'Notice of closure', true, 2),
      doc('taxNotice', 'Thông báo của cơ quan thuế về việc hoàn thành nghĩa vụ thuế (nếu có)', 'Tax office notice that taxes are settled (if any)', false, 3),
      doc('certificate', 'Giấy chứng nhận đăng ký hộ kinh doanh (bản gốc, nộp lại)', 'The registration certificate (the original, handed back)', false, 2),
    ],
  },
];
