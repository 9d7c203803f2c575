// Certification (chứng thực) at commune level, beyond the copy, signature and contract
// procedures that open the seed (shared/src/catalog.ts). Sources per procedure: shared/README.md.
import type { ProcedureDef } from '../schemas.ts';
import { FIELD, KIN, L, choice, doc, fixed, hint, longText, opt, pastDate, sub, text, when, yesNo } from './helpers.ts';

export const CERTIFICATION_LAW = L(
  'Nghị định 23/2015/NĐ-CP về chứng thực (sửa đổi bởi Nghị định 07/2025/NĐ-CP); Thông tư 01/2020/TT-BTP; Thông tư 226/2016/TT-BTC (phí chứng thực)',
  'Decree 23/2015/ND-CP on certification (amended by Decree 07/2025/ND-CP); Circular 01/2020/TT-BTP; Circular 226/2016/TT-BTC (certification fees)',
);

const AT_THE_DESK = L('Các bên cùng có mặt tại bộ phận một cửa của xã/phường để ký trước người thực hiện chứng thực', 'All parties come to the one-stop desk of the commune or ward and sign before the certifying officer');
const TWO_DAYS = L('Tối đa 2 ngày làm việc', 'Up to 2 working days');

export const CERTIFICATION: ProcedureDef[] = [
  {
    code: '2.001019',
    verified: true,
    name: L('Chứng thực di chúc', 'Certification of a will'),
    field: FIELD.certification,
    level: 3,
    legalBasis: CERTIFICATION_LAW,
    processingDays: 2,
    processingTime: TWO_DAYS,
    fee: L('50.000 đồng/di chúc', '50,000 VND per will'),
    feeRule: fixed(50_000),
    where: L('Người lập di chúc tự mình đến bộ phận một cửa của xã/phường; ốm yếu không đi được thì đề nghị cán bộ đến nhà', 'The person making the will comes in person to the one-stop desk; if too ill to travel, ask for an officer to come to the home'),
    lifeEvents: ['papers'],
    keywords: ['làm di chúc', 'viết di chúc', 'chứng thực di chúc', 'để lại tài sản', 'di chúc nhà đất'],
    fields: [
      hint(longText('estate', 'Tài sản để lại theo di chúc', 'What the will leaves'), 'Ví dụ: thửa đất số 305, tờ bản đồ số 12, xóm Làng Lường', 'Example: land parcel 305, map sheet 12, Lang Luong hamlet'),
      text('beneficiaries', 'Người được hưởng di sản', 'Who inherits'),
      yesNo('canSign', 'Bạn tự ký hoặc điểm chỉ được không?', 'Can you sign or put your fingerprint yourself?'),
      when(text('witnessName', 'Họ tên người làm chứng', "Witness's full name"), 'canSign', 'no'),
      yesNo('atHome', 'Cần cán bộ đến chứng thực tại nhà (người già yếu, ốm đau)?', 'Do you need an officer to come to your home (old age or illness)?'),
    ],
    documents: [
      doc('will', 'Dự thảo di chúc', 'The draft will', true, 10),
      doc('idCard', 'Căn cước của người lập di chúc', 'ID card of the person making the will', true, 2),
      doc('assetPapers', 'Giấy tờ về tài sản: sổ đỏ, giấy đăng ký xe... (nếu có)', 'Papers of the assets: land-use certificate, vehicle registration... (if any)', false, 10),
    ],
  },
  {
    code: '2.000913',
    verified: true,
    name: L('Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch', 'Certifying a change to, or the cancellation of, a certified contract'),
    field: FIELD.certification,
    level: 3,
    legalBasis: CERTIFICATION_LAW,
    processingDays: 2,
    processingTime: TWO_DAYS,
    fee: L('30.000 đồng/hợp đồng, giao dịch', '30,000 VND per contract'),
    feeRule: fixed(30_000),
    where: AT_THE_DESK,
    lifeEvents: ['papers', 'land'],
    keywords: ['sửa hợp đồng', 'hủy hợp đồng', 'bổ sung hợp đồng', 'hủy hợp đồng tặng cho', 'hủy hợp đồng mua bán đất'],
    fields: [
      choice('change', 'Việc cần chứng thực', 'What is certified', [
        opt('amend', 'Sửa đổi hợp đồng', 'An amendment'),
        opt('supplement', 'Bổ sung hợp đồng', 'A supplement'),
        opt('cancel', 'Hủy bỏ hợp đồng', 'A cancellation'),
      ]),
      hint(text('contractName', 'Tên hợp đồng đã được chứng thực', 'Name of the certified contract'), 'Ví dụ: Hợp đồng tặng cho quyền sử dụng đất', 'Example: Contract giving land-use rights as a gift'),
      hint(text('certNumber', 'Số chứng thực của hợp đồng (nếu biết)', 'Certification number of the contract (if you know it)', false), 'Ghi ở lời chứng, ví dụ: số 125, quyển số 01/2024', 'Written on the certification, e.g. no. 125, book 01/2024'),
      pastDate('certDate', 'Ngày hợp đồng được chứng thực', 'Date the contract was certified', false),
    ],
    documents: [
      doc('draft', 'Dự thảo văn bản sửa đổi, bổ sung hoặc hủy bỏ', 'Draft of the amendment, supplement or cancellation', true, 10),
      doc('contract', 'Hợp đồng đã được chứng thực', 'The certified contract', true, 20),
      doc('partiesId', 'Căn cước của các bên', 'ID cards of all parties', true, 6),
    ],
  },
  {
    code: '2.000927',
    verified: true,
    name: L('Sửa lỗi sai sót trong hợp đồng, giao dịch đã được chứng thực', 'Correcting a mistake in a certified contract'),
    field: FIELD.certification,
    level: 3,
    legalBasis: CERTIFICATION_LAW,
    processingDays: 2,
    processingTime: TWO_DAYS,
    fee: L('25.000 đồng/hợp đồng, giao dịch', '25,000 VND per contract'),
    feeRule: fixed(25_000),
    where: AT_THE_DESK,
    lifeEvents: ['papers'],
    keywords: ['sửa lỗi hợp đồng', 'hợp đồng ghi sai', 'đính chính hợp đồng', 'sai số thửa trong hợp đồng'],
    fields: [
      text('contractName', 'Tên hợp đồng đã được chứng thực', 'Name of the certified contract'),
      hint(longText('mistake', 'Lỗi cần sửa', 'The mistake to correct'), 'Ví dụ: ghi sai thửa đất số 125 thành 152', 'Example: parcel 125 was written as 152'),
    ],
    documents: [
      doc('contract', 'Hợp đồng đã được chứng thực', 'The certified contract', true, 20),
      doc('partiesId', 'Căn cước của các bên', 'ID cards of all parties', true, 6),
    ],
  },
  {
    code: '2.001406',
    verified: true,
    name: L('Chứng thực văn bản thỏa thuận phân chia di sản', 'Certifying an agreement dividing an inheritance'),
    field: FIELD.certification,
    level: 3,
    legalBasis: CERTIFICATION_LAW,
    // The filing is posted publicly for 15 days before the officer may certify; the working days
    // cover that posting (about 11 working days) and the 2 days of the certification itself.
    processingDays: 13,
    processingTime: L('Niêm yết công khai 15 ngày tại Ủy ban nhân dân xã, sau đó tối đa 2 ngày làm việc', 'Posted publicly for 15 days at the commune, then up to 2 working days'),
    fee: L('50.000 đồng/văn bản', '50,000 VND per agreement'),
    feeRule: fixed(50_000),
    where: AT_THE_DESK,
    lifeEvents: ['death', 'land'],
    keywords: ['chia thừa kế', 'phân chia di sản', 'thừa kế đất', 'khai nhận di sản', 'sang tên sổ đỏ thừa kế', 'chia tài sản cha mẹ để lại'],
    fields: [
      text('deceasedName', 'Họ tên người để lại di sản', 'Full name of the person who left the inheritance'),
      pastDate('deathDate', 'Ngày mất', 'Date of death'),
      hint(longText('estate', 'Di sản để lại', 'What was left'), 'Ví dụ: quyền sử dụng thửa đất số 305, tờ bản đồ số 12; một xe máy', 'Example: land parcel 305, map sheet 12; one motorbike'),
      yesNo('hasWill', 'Người mất có để lại di chúc không?', 'Did the deceased leave a will?'),
      {
        key: 'heirs',
        type: 'group',
        required: true,
        minRows: 1,
        maxRows: 20,
        label: L('Những người thừa kế', 'The heirs'),
        hint: L('Mỗi người thừa kế một dòng, kể cả bạn', 'One row per heir, yourself included'),
        fields: [
          sub.text('fullName', 'Họ và tên', 'Full name'),
          sub.pastDate('birthDate', 'Ngày sinh', 'Date of birth'),
          sub.citizenId('citizenId', 'Số căn cước', 'Citizen ID'),
          sub.choice('relationship', 'Quan hệ với người mất', 'Relationship to the deceased', KIN),
          sub.text('share', 'Phần được hưởng (nếu đã thỏa thuận)', 'Their share (if agreed)', false),
        ],
      },
    ],
    documents: [
      doc('draft', 'Dự thảo văn bản thỏa thuận phân chia di sản', 'Draft of the agreement', true, 10),
      doc('deathCert', 'Trích lục khai tử hoặc giấy chứng tử', 'Death extract or certificate', true, 2),
      doc('relationshipProof', 'Giấy tờ chứng minh quan hệ với người mất: giấy khai sinh, giấy chứng nhận kết hôn', 'Proof of each heir’s relationship: birth or marriage certificates', true, 20),
      doc('assetPapers', 'Giấy tờ về tài sản: sổ đỏ, giấy đăng ký xe...', 'Papers of the assets: land-use certificate, vehicle registration...', true, 20),
      doc('heirsId', 'Căn cước của những người thừa kế', 'ID cards of the heirs', true, 20),
      doc('will', 'Di chúc (nếu có)', 'The will (if any)', false, 10),
    ],
  },
];
