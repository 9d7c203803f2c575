// Land and housing at commune level: the first land-use certificate for a household, land
// disputes, and the building permit for a private house. Sources per procedure: shared/README.md.
import type { FieldDef, ProcedureDef } from '../schemas.ts';
import { DIGITS, FIELD, FREE, L, PEOPLES_COMMITTEE, choice, date, doc, fixed, hint, longText, opt, pastDate, text, when, yesNo } from './helpers.ts';

const LAND_LAW = L(
  'Luật Đất đai 2024 (31/2024/QH15); Nghị định 101/2024/NĐ-CP và 102/2024/NĐ-CP; Nghị định 151/2025/NĐ-CP về phân định thẩm quyền của chính quyền địa phương 2 cấp trong lĩnh vực đất đai',
  'Land Law 2024 (31/2024/QH15); Decrees 101/2024/ND-CP and 102/2024/ND-CP; Decree 151/2025/ND-CP on land powers of the two-tier local government',
);

const landAddress = hint(text('landAddress', 'Địa chỉ thửa đất', 'Where the land is'), 'Ví dụ: xóm Làng Lường, xã Võ Nhai', 'Example: Lang Luong hamlet, Vo Nhai commune');
/** Numbers printed on the cadastral map and on any land paper: digits only. */
const mapSheet = (required: boolean): FieldDef => ({ key: 'mapSheet', type: 'text', required, pattern: DIGITS(1, 4), label: L('Tờ bản đồ số', 'Map sheet number'), hint: L('Chỉ ghi số, ví dụ: 12', 'Digits only, e.g. 12') });
const parcel = (required: boolean): FieldDef => ({ key: 'parcel', type: 'text', required, pattern: DIGITS(1, 5), label: L('Thửa đất số', 'Parcel number'), hint: L('Chỉ ghi số, ví dụ: 305', 'Digits only, e.g. 305') });
const DISPUTE_KINDS = [
  opt('boundary', 'Ranh giới, mốc giới', 'Boundary or markers'),
  opt('rights', 'Ai có quyền sử dụng đất', 'Who holds the land-use right'),
  opt('inheritance', 'Thừa kế quyền sử dụng đất', 'Inheritance of the land'),
  opt('other', 'Tranh chấp khác', 'Another dispute'),
];

export const LAND_HOUSING: ProcedureDef[] = [
  {
    code: '1.013978',
    verified: true,
    name: L('Đăng ký đất đai, cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân', 'First land registration and land-use certificate for a household or individual'),
    field: FIELD.landHousing,
    level: 3,
    legalBasis: LAND_LAW,
    processingDays: 20,
    processingTime: L('20 ngày làm việc (không tính thời gian thực hiện nghĩa vụ tài chính)', '20 working days (not counting the time to pay land charges)'),
    fee: L('Lệ phí cấp giấy chứng nhận theo mức của tỉnh (thường 100.000 đồng); tiền sử dụng đất, lệ phí trước bạ nếu có', 'Certificate fee set by the province (usually 100,000 VND); land-use levy and registration tax where due'),
    feeRule: fixed(100_000),
    feeExemption: L('Miễn, giảm theo quy định cho hộ nghèo, người có công, đồng bào dân tộc thiểu số vùng đặc biệt khó khăn', 'Exemptions and reductions for poor households, people with meritorious service and ethnic minorities in the poorest areas, as the rules allow'),
    where: L('Bộ phận một cửa xã/phường nơi có đất; hồ sơ được chuyển Văn phòng đăng ký đất đai', 'One-stop desk of the commune or ward where the land is; the file goes on to the land registration office'),
    lifeEvents: ['land'],
    keywords: ['sổ đỏ', 'làm sổ đỏ', 'cấp sổ đỏ lần đầu', 'bìa đỏ', 'sổ hồng', 'giấy chứng nhận quyền sử dụng đất', 'đăng ký đất đai', 'đất ông bà để lại'],
    fields: [
      landAddress,
      mapSheet(false),
      parcel(false),
      { key: 'area', type: 'number', required: true, min: 1, label: L('Diện tích (m²)', 'Area (m²)'), hint: L('Ví dụ: 250', 'Example: 250') },
      choice('landUse', 'Loại đất đang sử dụng', 'How the land is used', [
        opt('residential', 'Đất ở', 'Housing land'),
        opt('residentialGarden', 'Đất ở và vườn, ao trong cùng thửa', 'Housing land with a garden or pond'),
        opt('annualCrops', 'Đất trồng lúa, cây hằng năm', 'Rice or annual crops'),
        opt('perennialCrops', 'Đất trồng cây lâu năm (chè, cây ăn quả...)', 'Perennial crops (tea, fruit trees...)'),
        opt('forest', 'Đất rừng sản xuất', 'Production forest'),
        opt('other', 'Loại khác', 'Other'),
      ]),
      { key: 'since', type: 'text', required: true, pattern: DIGITS(4, 4), label: L('Sử dụng đất từ năm', 'Using the land since (year)'), hint: L('Ví dụ: 1998', 'Example: 1998') },
      choice('origin', 'Nguồn gốc đất', 'Where the land came from', [
        opt('inherited', 'Ông bà, cha mẹ để lại', 'Left by grandparents or parents'),
        opt('bought', 'Nhận chuyển nhượng (mua)', 'Bought'),
        opt('given', 'Được tặng cho', 'Received as a gift'),
        opt('allocated', 'Nhà nước giao', 'Allocated by the State'),
        opt('cleared', 'Tự khai hoang', 'Cleared by the family'),
        opt('other', 'Nguồn gốc khác', 'Other'),
      ]),
      yesNo('hasBuilding', 'Trên đất có nhà ở hoặc công trình cần chứng nhận?', 'Is there a house or building to include in the certificate?'),
      yesNo('disputed', 'Đất có đang tranh chấp?', 'Is the land in dispute?'),
    ],
    documents: [
      doc('form', 'Đơn đăng ký đất đai, tài sản gắn liền với đất theo mẫu', 'Land registration form', true, 3),
      doc('landPapers', 'Giấy tờ về quyền sử dụng đất: giấy tờ mua bán, thừa kế, giao đất... (nếu có)', 'Papers on the land: sale, inheritance or allocation papers... (if any)', false, 20),
      doc('buildingPapers', 'Giấy tờ về nhà ở, công trình (nếu có)', 'Papers on the house or building (if any)', false, 10),
      doc('survey', 'Mảnh trích đo địa chính thửa đất (nếu có)', 'Cadastral survey of the parcel (if any)', false, 5),
      doc('exemptionProof', 'Giấy tờ được miễn, giảm nghĩa vụ tài chính (nếu có)', 'Proof of an exemption from land charges (if any)', false, 5),
    ],
  },
  {
    code: '1.012812',
    verified: true,
    name: L('Hòa giải tranh chấp đất đai', 'Mediation of a land dispute'),
    field: FIELD.landHousing,
    level: 3,
    legalBasis: LAND_LAW,
    // The law gives 30 days; the due date counts working days, so 30 days become 21 working days.
    processingDays: 21,
    processingTime: L('Không quá 30 ngày kể từ ngày nhận đơn', 'At most 30 days from the request'),
    fee: L('Không mất phí', 'Free'),
    feeRule: FREE,
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['land'],
    keywords: ['tranh chấp đất đai', 'hòa giải đất đai', 'tranh chấp ranh giới', 'lấn đất', 'đơn hòa giải', 'tranh chấp đất với hàng xóm'],
    fields: [
      text('otherParty', 'Họ tên người đang tranh chấp với bạn', 'Full name of the other party'),
      text('otherPartyAddress', 'Địa chỉ của người đó', 'Their address'),
      landAddress,
      mapSheet(false),
      parcel(false),
      choice('dispute', 'Tranh chấp về', 'The dispute is about', DISPUTE_KINDS),
      hint(longText('description', 'Nội dung tranh chấp và yêu cầu của bạn', 'What the dispute is and what you ask for'), 'Ví dụ: nhà bên cạnh xây tường lấn sang đất tôi khoảng 1 mét', 'Example: the neighbour built a wall about 1 metre onto my land'),
    ],
    documents: [
      doc('request', 'Đơn yêu cầu hòa giải tranh chấp đất đai', 'Request for mediation', true, 3),
      doc('evidence', 'Giấy tờ, tài liệu liên quan: sổ đỏ, giấy tờ mua bán, ảnh hiện trạng (nếu có)', 'Related papers: land-use certificate, sale papers, photos of the site (if any)', false, 20),
    ],
  },
  {
    code: '1.013967',
    verified: true,
    name: L('Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp xã', 'Resolution of a land dispute by the commune chairman'),
    field: FIELD.landHousing,
    level: 3,
    legalBasis: LAND_LAW,
    // 45 days in the law, counted here as 32 working days.
    processingDays: 32,
    processingTime: L('Không quá 45 ngày kể từ ngày thụ lý', 'At most 45 days from acceptance'),
    fee: L('Không mất phí', 'Free'),
    feeRule: FREE,
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['land'],
    keywords: ['giải quyết tranh chấp đất', 'hòa giải không thành', 'tranh chấp đất đai', 'khiếu nại đất đai'],
    fields: [
      text('otherParty', 'Họ tên người đang tranh chấp với bạn', 'Full name of the other party'),
      landAddress,
      choice('dispute', 'Tranh chấp về', 'The dispute is about', DISPUTE_KINDS),
      yesNo('mediated', 'Đã hòa giải tại Ủy ban nhân dân xã nhưng không thành?', 'Was it mediated at the commune without agreement?'),
      when(pastDate('mediationDate', 'Ngày hòa giải không thành', 'Date of the failed mediation'), 'mediated', 'yes'),
      longText('request', 'Yêu cầu giải quyết', 'What you ask the chairman to decide'),
    ],
    documents: [
      doc('request', 'Đơn yêu cầu giải quyết tranh chấp đất đai', 'Request to resolve the dispute', true, 3),
      doc('mediationRecord', 'Biên bản hòa giải không thành tại Ủy ban nhân dân xã', 'Record of the failed mediation at the commune', true, 4),
      doc('evidence', 'Giấy tờ, tài liệu liên quan (nếu có)', 'Related papers (if any)', false, 20),
    ],
  },
  {
    code: '1.013225',
    verified: true,
    name: L('Cấp giấy phép xây dựng nhà ở riêng lẻ', 'Building permit for a private house'),
    field: FIELD.landHousing,
    level: 3,
    legalBasis: L('Luật Xây dựng 2014 (sửa đổi năm 2020); Nghị định 175/2024/NĐ-CP', 'Construction Law 2014 (amended in 2020); Decree 175/2024/ND-CP'),
    // 15 days in the law, counted here as 11 working days.
    processingDays: 11,
    processingTime: L('Không quá 15 ngày kể từ ngày nhận đủ hồ sơ', 'At most 15 days from a complete file'),
    fee: L('Theo mức của tỉnh (thường 75.000 đồng/giấy phép)', 'Set by the province (usually 75,000 VND per permit)'),
    feeRule: fixed(75_000),
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['land'],
    keywords: ['giấy phép xây dựng', 'xin phép xây nhà', 'xây nhà', 'cấp phép xây dựng', 'xây nhà mới', 'sửa nhà'],
    fields: [
      text('siteAddress', 'Địa chỉ nơi xây dựng', 'Where you will build'),
      mapSheet(true),
      parcel(true),
      { key: 'landArea', type: 'number', required: true, min: 1, label: L('Diện tích thửa đất (m²)', 'Land area (m²)') },
      { key: 'floorArea', type: 'number', required: true, min: 1, label: L('Tổng diện tích sàn (m²)', 'Total floor area (m²)'), hint: L('Cộng diện tích các tầng, ví dụ: 180', 'All floors added up, e.g. 180') },
      { key: 'floors', type: 'number', required: true, min: 1, label: L('Số tầng', 'Number of floors') },
      date('startDate', 'Dự kiến khởi công', 'Planned start', false),
    ],
    documents: [
      doc('form', 'Đơn đề nghị cấp giấy phép xây dựng theo mẫu', 'Building permit request form', true, 2),
      doc('landPapers', 'Giấy tờ về quyền sử dụng đất (sổ đỏ)', 'Land-use certificate', true, 10),
      doc('drawings', 'Bản vẽ thiết kế: mặt bằng, mặt cắt, mặt đứng, móng', 'Design drawings: plans, sections, elevations, foundations', true, 20),
      doc('neighbourSafety', 'Cam kết bảo đảm an toàn cho công trình liền kề (nếu có)', 'Safety commitment for neighbouring buildings (if any)', false, 4),
    ],
  },
];
