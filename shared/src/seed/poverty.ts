// Poverty reduction (giảm nghèo) at commune level: a household asks to be recognised as poor or
// near-poor outside the yearly review. Sources per procedure: shared/README.md.
import type { ProcedureDef } from '../schemas.ts';
import { FIELD, FREE, KIN, L, PEOPLES_COMMITTEE, choice, doc, hint, longText, opt, sub } from './helpers.ts';

export const POVERTY: ProcedureDef[] = [
  {
    code: '1.011607',
    verified: true,
    name: L('Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm', 'Recognition as a poor or near-poor household during the year'),
    field: FIELD.poverty,
    level: 4,
    legalBasis: L(
      'Nghị định 07/2021/NĐ-CP về chuẩn nghèo đa chiều; Quyết định 24/2021/QĐ-TTg về quy trình rà soát hộ nghèo, hộ cận nghèo',
      'Decree 07/2021/ND-CP on the multidimensional poverty standard; Decision 24/2021/QD-TTg on the poverty review procedure',
    ),
    processingDays: 10,
    processingTime: L('10 ngày làm việc (rà soát, niêm yết, quyết định)', '10 working days (review, public posting, decision)'),
    fee: L('Không mất phí', 'Free'),
    feeRule: FREE,
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['support'],
    keywords: ['hộ nghèo', 'hộ cận nghèo', 'sổ hộ nghèo', 'giấy chứng nhận hộ nghèo', 'xét hộ nghèo', 'làm hộ nghèo'],
    fields: [
      choice('kind', 'Đề nghị công nhận là', 'Recognition asked for', [
        opt('poor', 'Hộ nghèo', 'Poor household'),
        opt('nearPoor', 'Hộ cận nghèo', 'Near-poor household'),
      ]),
      hint(longText('situation', 'Hoàn cảnh gia đình', 'Your household’s situation'), 'Ví dụ: chồng mất năm 2024, nhà bị lũ cuốn, hai con đang đi học', 'Example: husband died in 2024, the house was washed away, two children at school'),
      {
        key: 'monthlyIncome',
        type: 'number',
        required: true,
        min: 0,
        label: L('Thu nhập bình quân mỗi người mỗi tháng (đồng)', 'Average monthly income per person (VND)'),
        hint: L('Ước tính, ví dụ: 1200000', 'An estimate, e.g. 1200000'),
      },
      {
        key: 'members',
        type: 'group',
        required: true,
        minRows: 1,
        maxRows: 20,
        label: L('Thành viên trong hộ', 'Household members'),
        hint: L('Mỗi người một dòng, kể cả chủ hộ', 'One row per person, the head included'),
        fields: [
          sub.text('fullName', 'Họ và tên', 'Full name'),
          sub.pastDate('birthDate', 'Ngày sinh', 'Date of birth'),
          sub.citizenId('citizenId', 'Số định danh cá nhân', 'Personal ID number', false),
          sub.choice('relationship', 'Quan hệ với chủ hộ', 'Relationship to the head', [opt('head', 'Chủ hộ', 'Household head'), ...KIN]),
          sub.yesNo('hasWork', 'Có việc làm, thu nhập?', 'Works and earns?'),
        ],
      },
    ],
    documents: [doc('form', 'Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo theo mẫu', 'Poverty review request form', true, 2)],
  },
];
