// Agriculture and forestry (nông nghiệp) at commune level: help after storms and floods, and
// the planted forests many households here live from. Sources per procedure: shared/README.md.
import type { ProcedureDef } from '../schemas.ts';
import { DIGITS, FIELD, FREE, L, PEOPLES_COMMITTEE, choice, doc, hint, longText, opt, pastDate, text } from './helpers.ts';

const FORESTRY_LAW = L(
  'Luật Lâm nghiệp 2017 (16/2017/QH14); Nghị định 156/2018/NĐ-CP (sửa đổi bởi Nghị định 91/2024/NĐ-CP)',
  'Forestry Law 2017 (16/2017/QH14); Decree 156/2018/ND-CP (amended by Decree 91/2024/ND-CP)',
);
const NO_FEE = L('Không mất phí', 'Free');
const forestPlace = hint(text('forestPlace', 'Vị trí rừng trồng', 'Where the planted forest is'), 'Ví dụ: thôn Làng Lường, khoảnh 5, lô a', 'Example: Lang Luong hamlet, compartment 5, plot a');
const species = hint(text('species', 'Loài cây trồng', 'Tree species'), 'Ví dụ: keo, bạch đàn, quế', 'Example: acacia, eucalyptus, cinnamon');

export const AGRICULTURE: ProcedureDef[] = [
  {
    // (unverified national code) Seen only in one public list whose origin could not be named.
    code: '1.012922',
    verified: false,
    name: L('Kiểm tra hiện trường rừng trồng bị thiệt hại do thiên tai, dịch bệnh', 'Site inspection of a planted forest damaged by a disaster or pests'),
    field: FIELD.agriculture,
    level: 3,
    legalBasis: FORESTRY_LAW,
    processingDays: 5,
    processingTime: L('5 ngày làm việc', '5 working days'),
    fee: NO_FEE,
    feeRule: FREE,
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['farming', 'support'],
    keywords: ['rừng bị bão', 'rừng keo bị đổ', 'thiệt hại rừng trồng', 'rừng bị cháy', 'thanh lý rừng trồng', 'rừng bị sâu bệnh'],
    fields: [
      forestPlace,
      species,
      { key: 'plantedYear', type: 'text', required: true, pattern: DIGITS(4, 4), label: L('Năm trồng', 'Year planted'), hint: L('Ví dụ: 2019', 'Example: 2019') },
      { key: 'area', type: 'number', required: true, min: 0.01, label: L('Diện tích bị thiệt hại (ha)', 'Damaged area (hectares)'), hint: L('Ví dụ: 1,5', 'Example: 1.5') },
      choice('cause', 'Nguyên nhân', 'Cause', [
        opt('storm', 'Bão, lốc', 'Storm or whirlwind'),
        opt('flood', 'Lũ, lũ quét, sạt lở đất', 'Flood, flash flood or landslide'),
        opt('fire', 'Cháy rừng', 'Forest fire'),
        opt('pests', 'Sâu bệnh', 'Pests or disease'),
        opt('other', 'Nguyên nhân khác', 'Another cause'),
      ]),
      pastDate('damageDate', 'Ngày bị thiệt hại', 'Date of the damage'),
      longText('description', 'Mô tả thiệt hại (nếu muốn ghi thêm)', 'The damage in your words (if you wish)', false),
    ],
    documents: [
      doc('request', 'Văn bản đề nghị kiểm tra hiện trường rừng trồng bị thiệt hại', 'Request for a site inspection', true, 2),
      doc('photos', 'Ảnh hiện trường (nếu có)', 'Photos of the site (if any)', false, 10),
      doc('landPapers', 'Giấy tờ về đất, rừng trồng (nếu có)', 'Papers on the land or forest (if any)', false, 10),
    ],
  },
  {
    // (unverified national code) Seen only in one public list whose origin could not be named.
    code: '1.012531',
    verified: false,
    name: L('Hỗ trợ lãi suất vốn vay ngân hàng để trồng rừng gỗ lớn đối với hộ gia đình', 'Interest support on a bank loan for growing large timber (households)'),
    field: FIELD.agriculture,
    level: 3,
    legalBasis: L(
      'Luật Lâm nghiệp 2017 (16/2017/QH14); Nghị định 58/2024/NĐ-CP về một số chính sách đầu tư trong lâm nghiệp',
      'Forestry Law 2017 (16/2017/QH14); Decree 58/2024/ND-CP on investment policies in forestry',
    ),
    processingDays: 15,
    processingTime: L('15 ngày làm việc', '15 working days'),
    fee: NO_FEE,
    feeRule: FREE,
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['farming'],
    keywords: ['vay vốn trồng rừng', 'hỗ trợ lãi suất', 'rừng gỗ lớn', 'trồng keo gỗ lớn', 'vay ngân hàng trồng rừng'],
    fields: [
      forestPlace,
      species,
      { key: 'area', type: 'number', required: true, min: 0.1, label: L('Diện tích trồng rừng gỗ lớn (ha)', 'Large-timber area (hectares)') },
      { key: 'loanAmount', type: 'number', required: true, min: 1, label: L('Số tiền vay (đồng)', 'Loan amount (VND)'), hint: L('Ví dụ: 100000000', 'Example: 100000000') },
      hint(text('bank', 'Ngân hàng cho vay', 'Lending bank'), 'Ví dụ: Ngân hàng Chính sách xã hội, Agribank', 'Example: Vietnam Bank for Social Policies, Agribank'),
      pastDate('loanDate', 'Ngày vay', 'Loan date'),
    ],
    documents: [
      doc('request', 'Đơn đề nghị hỗ trợ lãi suất theo mẫu', 'Interest support request', true, 2),
      doc('loanContract', 'Hợp đồng tín dụng với ngân hàng', 'The loan contract', true, 10),
    ],
  },
  {
    // (unverified national code) No source seen shows this procedure's national code; until an
    // administrator sets it, a provincial placeholder stands in.
    code: 'TN-NN-001',
    verified: false,
    name: L('Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai', 'Support to restore farming after a natural disaster'),
    field: FIELD.agriculture,
    level: 3,
    legalBasis: L(
      'Nghị định 02/2017/NĐ-CP về hỗ trợ khôi phục sản xuất nông nghiệp vùng bị thiệt hại do thiên tai, dịch bệnh; Quyết định 3499/QĐ-BNN-PCTT năm 2019',
      'Decree 02/2017/ND-CP on support to restore farming after disasters and epidemics; Decision 3499/QD-BNN-PCTT of 2019',
    ),
    processingDays: 15,
    processingTime: L('15 ngày làm việc tại Ủy ban nhân dân xã', '15 working days at the commune'),
    fee: NO_FEE,
    feeRule: FREE,
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['farming', 'support'],
    keywords: ['thiệt hại do bão', 'hỗ trợ thiên tai', 'lúa bị ngập', 'hoa màu bị hỏng', 'gia súc chết do lũ', 'hỗ trợ giống', 'khôi phục sản xuất'],
    fields: [
      hint(text('disaster', 'Thiên tai gây thiệt hại', 'The disaster'), 'Ví dụ: bão số 3, lũ quét tháng 9', 'Example: typhoon no. 3, the September flash flood'),
      pastDate('disasterDate', 'Ngày bị thiệt hại', 'Date of the damage'),
      choice('damaged', 'Thiệt hại về', 'What was damaged', [
        opt('rice', 'Lúa', 'Rice'),
        opt('annual', 'Rau màu, cây hằng năm', 'Vegetables or annual crops'),
        opt('perennial', 'Cây lâu năm (chè, cây ăn quả...)', 'Perennial crops (tea, fruit trees...)'),
        opt('livestock', 'Gia súc, gia cầm', 'Livestock or poultry'),
        opt('fish', 'Thủy sản', 'Fish farming'),
      ]),
      choice('level', 'Mức độ thiệt hại', 'How bad the damage is', [
        opt('over70', 'Trên 70%', 'Over 70%'),
        opt('from30to70', 'Từ 30% đến 70%', 'From 30% to 70%'),
      ]),
      { key: 'area', type: 'number', required: false, min: 0, label: L('Diện tích cây trồng bị thiệt hại (m²), nếu là cây trồng', 'Crop area damaged (m²), for crops') },
      { key: 'animals', type: 'number', required: false, min: 0, label: L('Số con vật nuôi bị chết, nếu là vật nuôi', 'Number of animals lost, for livestock') },
    ],
    documents: [
      doc('request', 'Đơn đề nghị hỗ trợ thiệt hại do thiên tai theo mẫu', 'Request for disaster support', true, 2),
      doc('damageList', 'Bảng thống kê thiệt hại có xác nhận của thôn, bản (nếu đã có)', 'List of the damage confirmed by the hamlet (if you have it)', false, 4),
      doc('initialDeclaration', 'Bản kê khai số lượng chăn nuôi, nuôi trồng thủy sản ban đầu (nếu là vật nuôi, thủy sản)', 'Initial declaration of livestock or fish numbers (for animals or fish)', false, 4),
    ],
  },
];
