// People with meritorious service (người có công) at commune level. Sources per procedure:
// shared/README.md.
import type { ProcedureDef } from '../schemas.ts';
import { FIELD, FREE, L, PEOPLES_COMMITTEE, choice, doc, hint, opt, text, yesNo } from './helpers.ts';

const MERIT_LAW = L(
  'Pháp lệnh Ưu đãi người có công với cách mạng 2020 (02/2020/UBTVQH14); Nghị định 131/2021/NĐ-CP (đã sửa đổi)',
  'Ordinance on Preferential Treatment of People with Meritorious Service 2020 (02/2020/UBTVQH14); Decree 131/2021/ND-CP (as amended)',
);

export const MERIT: ProcedureDef[] = [
  {
    code: '1.010803',
    verified: true,
    name: L('Giải quyết chế độ trợ cấp thờ cúng liệt sĩ', 'Allowance for tending a martyr’s altar'),
    field: FIELD.merit,
    level: 3,
    legalBasis: MERIT_LAW,
    processingDays: 12,
    processingTime: L('12 ngày làm việc', '12 working days'),
    fee: L('Không mất phí', 'Free'),
    feeRule: FREE,
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['merit'],
    keywords: ['thờ cúng liệt sĩ', 'trợ cấp thờ cúng', 'liệt sĩ', 'bằng Tổ quốc ghi công', 'chế độ liệt sĩ', 'hương khói liệt sĩ'],
    fields: [
      hint(text('martyrName', 'Họ tên liệt sĩ', 'Full name of the martyr'), 'Ghi như trên bằng Tổ quốc ghi công', 'As written on the Fatherland’s Gratitude certificate'),
      text('certNumber', 'Số bằng Tổ quốc ghi công (nếu biết)', 'Number of the certificate (if you know it)', false),
      choice('relationship', 'Quan hệ của bạn với liệt sĩ', 'Your relationship to the martyr', [
        opt('child', 'Con', 'Son or daughter'),
        opt('sibling', 'Anh, chị, em ruột', 'Brother or sister'),
        opt('grandchild', 'Cháu', 'Grandchild or nephew/niece'),
        opt('other', 'Người khác trong họ tộc', 'Another family member'),
      ]),
      yesNo('familyAgreed', 'Gia đình, họ tộc đã thống nhất cử bạn thờ cúng liệt sĩ?', 'Has the family agreed that you tend the altar?'),
    ],
    documents: [
      doc('form', 'Đơn đề nghị hưởng trợ cấp thờ cúng liệt sĩ theo mẫu', 'Request form for the altar allowance', true, 2),
      doc('certificate', 'Bằng Tổ quốc ghi công (bản chụp)', 'Fatherland’s Gratitude certificate (a photo)', true, 2),
      doc('familyAgreement', 'Văn bản ủy quyền, thống nhất của thân nhân liệt sĩ (nếu có)', 'Written agreement of the martyr’s relatives (if any)', false, 4),
    ],
  },
  {
    code: '1.010833',
    verified: true,
    name: L('Cấp giấy xác nhận thân nhân của người có công', 'Certificate for a relative of a person with meritorious service'),
    field: FIELD.merit,
    level: 4,
    legalBasis: MERIT_LAW,
    processingDays: 5,
    processingTime: L('5 ngày làm việc', '5 working days'),
    fee: L('Không mất phí', 'Free'),
    feeRule: FREE,
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['merit', 'papers'],
    keywords: ['xác nhận thân nhân liệt sĩ', 'con thương binh', 'giấy xác nhận con liệt sĩ', 'thân nhân người có công', 'miễn học phí con thương binh', 'con bệnh binh'],
    fields: [
      text('meritName', 'Họ tên người có công', 'Full name of the person with meritorious service'),
      choice('meritKind', 'Người có công là', 'They are', [
        opt('martyr', 'Liệt sĩ', 'A martyr'),
        opt('wounded', 'Thương binh, người hưởng chính sách như thương binh', 'A war invalid'),
        opt('sick', 'Bệnh binh', 'A sick soldier'),
        opt('revolutionary', 'Người hoạt động cách mạng, kháng chiến', 'A revolutionary or resistance activist'),
        opt('heroicMother', 'Bà mẹ Việt Nam anh hùng', 'A Vietnamese Heroic Mother'),
        opt('other', 'Diện khác', 'Another group'),
      ]),
      choice('relationship', 'Quan hệ của bạn với người có công', 'Your relationship to them', [
        opt('child', 'Con', 'Son or daughter'),
        opt('spouse', 'Vợ hoặc chồng', 'Husband or wife'),
        opt('parent', 'Cha hoặc mẹ', 'Father or mother'),
        opt('other', 'Người có công nuôi dưỡng', 'The person who raised them'),
      ]),
      hint(text('purpose', 'Mục đích sử dụng giấy xác nhận', 'What the certificate is for'), 'Ví dụ: hưởng ưu đãi giáo dục, bảo hiểm y tế', 'Example: education benefits, health insurance'),
    ],
    documents: [
      doc('form', 'Đơn đề nghị cấp giấy xác nhận thân nhân của người có công theo mẫu', 'Request form', true, 2),
      doc('relationshipProof', 'Giấy tờ chứng minh quan hệ: giấy khai sinh, giấy chứng nhận kết hôn (nếu có)', 'Proof of the relationship: birth or marriage certificate (if any)', false, 4),
    ],
  },
];
