// The seed catalog: the commune-level procedures a new province starts from. A procedure is
// data; the form, its validation and the document list are generated from it. The first ten
// are the ones dossiers have been sent under since the start: their codes, form field keys and
// types, and document slot keys must never change. Each field of law adds its own file under
// seed/. Where every code, time and fee comes from, and which are defaults: shared/README.md.
import { AGRICULTURE } from './seed/agriculture.ts';
import { BUSINESS, BUSINESS_LAW } from './seed/business.ts';
import { CERTIFICATION, CERTIFICATION_LAW } from './seed/certification.ts';
import { CIVIL_LAW, CIVIL_STATUS } from './seed/civil-status.ts';
import { CIVIL_FEE_EXEMPTION, COMMUNE_POLICE, FIELD, FREE, L, PEOPLES_COMMITTEE, SAME_DAY, doc, fixed, hint, opt, pastDate, text } from './seed/helpers.ts';
import { LAND_HOUSING } from './seed/land-housing.ts';
import { MERIT } from './seed/merit.ts';
import { POVERTY } from './seed/poverty.ts';
import { RESIDENCE, RESIDENCE_LAW } from './seed/residence.ts';
import { SOCIAL_PROTECTION } from './seed/social-protection.ts';
import type { FieldDef, Procedure, ProcedureDef } from './schemas.ts';

const sex: FieldDef['options'] = [opt('male', 'Nam', 'Male'), opt('female', 'Nữ', 'Female')];
const relation: FieldDef['options'] = [
  opt('parent', 'Cha hoặc mẹ', 'Father or mother'),
  opt('grandparent', 'Ông hoặc bà', 'Grandparent'),
  opt('relative', 'Người thân khác', 'Other relative'),
  opt('other', 'Người được ủy quyền', 'Authorised person'),
];

/** The first ten, in the order dossiers already sent refer to them. */
const FIRST_TEN: ProcedureDef[] = [
  {
    code: '1.001193',
    verified: true,
    name: L('Đăng ký khai sinh', 'Birth registration'),
    field: FIELD.civilStatus,
    level: 4,
    legalBasis: CIVIL_LAW,
    processingDays: 0,
    processingTime: SAME_DAY,
    fee: L('Miễn lệ phí khi đăng ký đúng hạn', 'Free when registered on time'),
    feeRule: FREE,
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['birth'],
    keywords: ['giấy khai sinh', 'làm giấy khai sinh', 'khai sinh cho con', 'làm khai sinh', 'con mới sinh', 'em bé mới sinh'],
    fields: [
      hint(text('childName', 'Họ, chữ đệm và tên của trẻ', "Child's full name"), 'Ví dụ: Nguyễn Minh An', 'Example: Nguyen Minh An'),
      pastDate('childBirthDate', 'Ngày sinh của trẻ', "Child's date of birth"),
      { key: 'childSex', type: 'choice', required: true, label: L('Giới tính', 'Sex'), options: sex },
      hint(text('birthPlace', 'Nơi sinh', 'Place of birth'), 'Tên bệnh viện, trạm y tế, hoặc địa chỉ nếu sinh ở nhà', 'The hospital or health station, or the address for a home birth'),
      { ...hint(text('ethnicity', 'Dân tộc', 'Ethnicity'), 'Ví dụ: Kinh, Tày, Nùng', 'Example: Kinh, Tay, Nung'), sensitive: true },
      text('motherName', 'Họ tên mẹ', "Mother's full name"),
      text('fatherName', 'Họ tên cha (nếu có)', "Father's full name (if any)", false),
      { key: 'relationship', type: 'choice', required: true, label: L('Quan hệ của người đi đăng ký với trẻ', 'Your relationship to the child'), options: relation },
    ],
    documents: [
      doc('declaration', 'Tờ khai đăng ký khai sinh', 'Birth registration form', true, 2),
      doc('birthProof', 'Giấy chứng sinh (hoặc văn bản của người làm chứng, hoặc giấy cam đoan)', 'Birth certificate from the hospital (or a witness statement, or a sworn statement)', true, 3),
      doc('parentsId', 'Căn cước của cha, mẹ', "Parents' ID cards", true, 4),
      doc('marriageCert', 'Giấy chứng nhận kết hôn của cha mẹ (nếu có)', "Parents' marriage certificate (if any)", false, 2),
    ],
  },
  {
    code: '1.000894',
    verified: true,
    name: L('Đăng ký kết hôn', 'Marriage registration'),
    field: FIELD.civilStatus,
    level: 3,
    legalBasis: CIVIL_LAW,
    processingDays: 0,
    processingTime: L('Trong ngày; tối đa 5 ngày làm việc nếu cần xác minh', 'Same day; up to 5 working days if checks are needed'),
    fee: L('Miễn lệ phí', 'Free'),
    feeRule: FREE,
    where: L('Hai bên nam, nữ cùng có mặt tại bộ phận một cửa của xã/phường', 'Both partners come together to the one-stop desk of the commune or ward'),
    lifeEvents: ['marriage'],
    keywords: ['giấy kết hôn', 'làm giấy kết hôn', 'đăng kí kết hôn', 'giấy đăng ký kết hôn', 'lấy vợ', 'lấy chồng', 'cưới'],
    fields: [
      hint(text('partnerName', 'Họ tên người kết hôn cùng', "Partner's full name"), 'Ghi đúng như trên căn cước', 'As written on their ID card'),
      pastDate('partnerBirthDate', 'Ngày sinh của người kết hôn cùng', "Partner's date of birth"),
      { key: 'partnerCitizenId', type: 'citizenId', required: true, label: L('Số căn cước của người kết hôn cùng', "Partner's citizen ID number") },
      { key: 'partnerUnit', type: 'unit', required: false, label: L('Xã/phường nơi cư trú của người kết hôn cùng', "Partner's commune or ward of residence") },
    ],
    documents: [
      doc('declaration', 'Tờ khai đăng ký kết hôn', 'Marriage registration form', true, 2),
      doc('partnerId', 'Căn cước của hai bên', 'ID cards of both partners', true, 4),
      doc('maritalStatus', 'Giấy xác nhận tình trạng hôn nhân (nếu cư trú nơi khác)', 'Marital status certificate (if living elsewhere)', false, 2),
    ],
  },
  {
    code: '1.000656',
    verified: true,
    name: L('Đăng ký khai tử', 'Death registration'),
    field: FIELD.civilStatus,
    level: 4,
    legalBasis: CIVIL_LAW,
    processingDays: 0,
    processingTime: SAME_DAY,
    fee: L('Miễn lệ phí khi đăng ký trong 15 ngày', 'Free when registered within 15 days'),
    feeRule: FREE,
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['death'],
    keywords: ['khai tử', 'báo tử', 'giấy chứng tử', 'làm giấy chứng tử', 'người thân qua đời', 'người nhà mất'],
    fields: [
      text('deceasedName', 'Họ tên người đã mất', 'Full name of the deceased'),
      pastDate('deceasedBirthDate', 'Ngày sinh của người đã mất', 'Date of birth of the deceased'),
      { key: 'deceasedCitizenId', type: 'citizenId', required: false, label: L('Số căn cước của người đã mất (nếu có)', 'Citizen ID of the deceased (if any)') },
      pastDate('deathDate', 'Ngày mất', 'Date of death'),
      hint(text('deathPlace', 'Nơi mất', 'Place of death'), 'Ví dụ: tại nhà, xóm Làng Lường; hoặc Bệnh viện Trung ương Thái Nguyên', 'Example: at home in Lang Luong hamlet, or Thai Nguyen Central Hospital'),
      { key: 'relationship', type: 'choice', required: true, label: L('Quan hệ với người đã mất', 'Your relationship to the deceased'), options: relation },
    ],
    documents: [
      doc('declaration', 'Tờ khai đăng ký khai tử', 'Death registration form', true, 2),
      doc('deathNotice', 'Giấy báo tử hoặc giấy tờ thay thế', 'Death notice or equivalent paper', true, 3),
    ],
  },
  {
    code: '1.004873',
    verified: true,
    name: L('Cấp giấy xác nhận tình trạng hôn nhân', 'Marital status certificate'),
    field: FIELD.civilStatus,
    level: 4,
    legalBasis: CIVIL_LAW,
    processingDays: 3,
    processingTime: L('3 ngày làm việc', '3 working days'),
    fee: L('Theo mức của tỉnh', 'Set by the province'),
    feeRule: fixed(15_000),
    feeExemption: CIVIL_FEE_EXEMPTION,
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['marriage', 'papers'],
    keywords: ['giấy xác nhận độc thân', 'giấy độc thân', 'xác nhận độc thân', 'xác nhận tình trạng hôn nhân', 'chưa kết hôn'],
    fields: [
      {
        key: 'currentStatus',
        type: 'choice',
        required: true,
        label: L('Tình trạng hôn nhân hiện nay', 'Current marital status'),
        options: [
          opt('single', 'Chưa kết hôn', 'Never married'),
          opt('married', 'Đang có vợ/chồng', 'Married'),
          opt('divorced', 'Đã ly hôn', 'Divorced'),
          opt('widowed', 'Vợ/chồng đã mất', 'Widowed'),
        ],
      },
      hint(text('purpose', 'Mục đích sử dụng giấy xác nhận', 'What the certificate is for'), 'Ví dụ: để đăng ký kết hôn, để vay vốn ngân hàng', 'Example: to register a marriage, for a bank loan'),
    ],
    documents: [
      doc('declaration', 'Tờ khai cấp giấy xác nhận tình trạng hôn nhân', 'Application form', true, 2),
      doc('idCard', 'Căn cước', 'ID card', true, 2),
      doc('divorcePapers', 'Giấy tờ ly hôn hoặc giấy chứng tử của vợ/chồng (nếu có)', 'Divorce papers or death certificate of the spouse (if any)', false, 5),
    ],
  },
  {
    code: '2.000815',
    verified: true,
    name: L('Chứng thực bản sao từ bản chính', 'Certified copy from the original'),
    field: FIELD.certification,
    level: 3,
    legalBasis: CERTIFICATION_LAW,
    processingDays: 0,
    processingTime: SAME_DAY,
    fee: L('2.000 đồng/trang; từ trang thứ 3 là 1.000 đồng/trang; tối đa 200.000 đồng/bản', '2,000 VND a page; 1,000 VND from page 3; at most 200,000 VND a copy'),
    // No feeRule: the cheaper rate from the third page cannot be written as one per-page amount.
    where: L('Mang bản chính đến bộ phận một cửa của xã/phường để đối chiếu', 'Bring the original to the one-stop desk of the commune or ward to compare'),
    lifeEvents: ['papers'],
    keywords: ['công chứng giấy tờ', 'sao y', 'sao y bản chính', 'photo công chứng', 'chứng thực bản sao', 'công chứng bằng tốt nghiệp', 'công chứng căn cước'],
    fields: [
      hint(text('documentName', 'Tên giấy tờ cần chứng thực', 'Name of the document to certify'), 'Ví dụ: Bằng tốt nghiệp trung học phổ thông', 'Example: Upper secondary school diploma'),
      { key: 'copies', type: 'number', required: true, label: L('Số bản sao', 'Number of copies') },
      { key: 'pages', type: 'number', required: true, label: L('Số trang mỗi bản', 'Pages per copy') },
    ],
    documents: [doc('original', 'Ảnh chụp bản chính', 'Photo of the original', true, 20)],
  },
  {
    code: '2.000884',
    verified: true,
    name: L('Chứng thực chữ ký', 'Signature certification'),
    field: FIELD.certification,
    level: 3,
    legalBasis: CERTIFICATION_LAW,
    processingDays: 0,
    processingTime: SAME_DAY,
    fee: L('10.000 đồng/trường hợp', '10,000 VND per case'),
    feeRule: fixed(10_000),
    where: L('Người ký có mặt tại bộ phận một cửa của xã/phường', 'The signer comes in person to the one-stop desk of the commune or ward'),
    lifeEvents: ['papers'],
    keywords: ['chứng thực chữ ký', 'công chứng chữ ký', 'giấy ủy quyền', 'chứng thực giấy ủy quyền', 'xác nhận chữ ký'],
    fields: [hint(text('documentName', 'Tên giấy tờ cần ký', 'Name of the document to be signed'), 'Ví dụ: Giấy ủy quyền', 'Example: Letter of authorisation')],
    documents: [
      doc('idCard', 'Căn cước của người ký', "Signer's ID card", true, 2),
      doc('document', 'Giấy tờ cần chứng thực chữ ký', 'The document to be signed', true, 10),
    ],
  },
  {
    code: '2.001035', // (unverified national code)
    verified: false,
    name: L('Chứng thực hợp đồng, giao dịch', 'Contract certification'),
    field: FIELD.certification,
    level: 3,
    legalBasis: CERTIFICATION_LAW,
    processingDays: 2,
    processingTime: L('Tối đa 2 ngày làm việc', 'Up to 2 working days'),
    fee: L('50.000 đồng/hợp đồng', '50,000 VND per contract'),
    feeRule: fixed(50_000),
    where: L('Các bên cùng có mặt tại bộ phận một cửa của xã/phường', 'All parties come to the one-stop desk of the commune or ward'),
    lifeEvents: ['papers', 'land'],
    keywords: ['chứng thực hợp đồng', 'hợp đồng mua bán đất', 'hợp đồng tặng cho', 'hợp đồng thuê nhà', 'công chứng hợp đồng', 'sang tên đất'],
    fields: [
      {
        key: 'contractType',
        type: 'choice',
        required: true,
        label: L('Loại hợp đồng', 'Kind of contract'),
        options: [opt('sale', 'Mua bán', 'Sale'), opt('gift', 'Tặng cho', 'Gift'), opt('lease', 'Thuê, mượn', 'Lease or loan'), opt('other', 'Khác', 'Other')],
      },
      hint(text('asset', 'Tài sản trong hợp đồng', 'Asset covered by the contract'), 'Ví dụ: thửa đất số 305, tờ bản đồ số 12', 'Example: land parcel 305, map sheet 12'),
    ],
    documents: [
      doc('draft', 'Dự thảo hợp đồng', 'Draft contract', true, 10),
      doc('partiesId', 'Căn cước của các bên', 'ID cards of all parties', true, 6),
      doc('assetPapers', 'Giấy tờ về tài sản', 'Papers of the asset', true, 10),
    ],
  },
  {
    code: '1.004222',
    verified: true,
    name: L('Đăng ký thường trú', 'Permanent residence registration'),
    field: FIELD.residence,
    level: 4,
    legalBasis: RESIDENCE_LAW,
    processingDays: 7,
    processingTime: L('7 ngày làm việc', '7 working days'),
    fee: L('20.000 đồng nộp trực tiếp; 10.000 đồng nộp trực tuyến', '20,000 VND in person; 10,000 VND online'),
    feeRule: fixed(10_000),
    where: COMMUNE_POLICE,
    lifeEvents: ['moving'],
    keywords: ['hộ khẩu', 'nhập hộ khẩu', 'đăng ký hộ khẩu', 'chuyển hộ khẩu', 'nhập khẩu', 'thường trú'],
    fields: [
      hint(text('newAddress', 'Địa chỉ đăng ký thường trú', 'Address to register'), 'Ví dụ: số 12, tổ 3, phường Phan Đình Phùng', 'Example: No. 12, group 3, Phan Dinh Phung ward'),
      text('ownerName', 'Họ tên chủ hộ hoặc chủ nhà', 'Name of the household head or owner'),
      hint(text('reason', 'Lý do đăng ký', 'Reason'), 'Ví dụ: về ở với gia đình chồng', "Example: moving in with my husband's family"),
    ],
    documents: [
      doc('ct01', 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'Residence information form (CT01)', true, 2),
      doc('residenceProof', 'Giấy tờ chứng minh chỗ ở hợp pháp', 'Proof of lawful residence', true, 10),
      doc('ownerConsent', 'Văn bản đồng ý của chủ hộ, chủ nhà (nếu cần)', "Owner's or household head's consent (where needed)", false, 2),
    ],
  },
  {
    code: '1.004194',
    verified: true,
    name: L('Đăng ký tạm trú', 'Temporary residence registration'),
    field: FIELD.residence,
    level: 4,
    legalBasis: RESIDENCE_LAW,
    processingDays: 3,
    processingTime: L('3 ngày làm việc', '3 working days'),
    fee: L('15.000 đồng nộp trực tiếp; 7.000 đồng nộp trực tuyến', '15,000 VND in person; 7,000 VND online'),
    feeRule: fixed(7_000),
    where: COMMUNE_POLICE,
    lifeEvents: ['moving'],
    keywords: ['tạm trú', 'đăng kí tạm trú', 'khai báo tạm trú', 'ở trọ', 'thuê trọ', 'thuê nhà', 'sổ tạm trú'],
    fields: [
      hint(text('tempAddress', 'Địa chỉ tạm trú', 'Temporary address'), 'Ví dụ: phòng 3, nhà trọ số 25, tổ 7, phường Tích Lương', 'Example: room 3, lodging house no. 25, group 7, Tich Luong ward'),
      { key: 'fromDate', type: 'date', required: true, label: L('Tạm trú từ ngày', 'Staying from') },
      { key: 'months', type: 'number', required: true, label: L('Thời hạn tạm trú (tháng)', 'Length of stay (months)'), hint: L('Tối đa 24 tháng, ví dụ: 12', 'At most 24 months, e.g. 12') },
    ],
    documents: [
      doc('ct01', 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'Residence information form (CT01)', true, 2),
      doc('residenceProof', 'Giấy tờ chứng minh chỗ ở hợp pháp', 'Proof of lawful residence', true, 10),
    ],
  },
  {
    // (unverified national code) Two public sources give 2.000720 to the *change* of a household
    // business registration and 1.001612 to its creation; the code stays because dossiers were
    // sent under it. See shared/README.md.
    code: '2.000720',
    verified: false,
    name: L('Đăng ký thành lập hộ kinh doanh', 'Household business registration'),
    field: FIELD.business,
    level: 4,
    legalBasis: BUSINESS_LAW,
    processingDays: 3,
    processingTime: L('3 ngày làm việc', '3 working days'),
    fee: L('Theo mức của tỉnh', 'Set by the province'),
    feeRule: fixed(100_000),
    where: PEOPLES_COMMITTEE,
    lifeEvents: ['business'],
    keywords: ['hộ kinh doanh', 'đăng ký kinh doanh', 'đăng kí kinh doanh', 'giấy phép kinh doanh', 'mở quán', 'mở cửa hàng', 'kinh doanh cá thể', 'mở tiệm tạp hóa'],
    fields: [
      hint(text('businessName', 'Tên hộ kinh doanh', 'Business name'), 'Ví dụ: Hộ kinh doanh Tạp hóa Lan', 'Example: Lan grocery household business'),
      hint(text('businessLine', 'Ngành, nghề kinh doanh', 'Line of business'), 'Ví dụ: bán lẻ hàng tạp hóa', 'Example: grocery retail'),
      text('businessAddress', 'Địa điểm kinh doanh', 'Business address'),
      { key: 'capital', type: 'number', required: true, label: L('Vốn kinh doanh (đồng)', 'Capital (VND)'), hint: L('Ví dụ: 50000000', 'Example: 50000000') },
    ],
    documents: [
      doc('form', 'Giấy đề nghị đăng ký hộ kinh doanh', 'Registration form', true, 3),
      doc('membersId', 'Căn cước của các thành viên', 'ID cards of the members', true, 10),
      doc('agreement', 'Biên bản họp thành viên hộ gia đình (nếu có)', 'Minutes of the household members (if any)', false, 5),
    ],
  },
];

/** Every seed procedure: the first ten, then each field of law in turn. */
export const SEED_PROCEDURES: ProcedureDef[] = [
  ...FIRST_TEN,
  ...CIVIL_STATUS,
  ...CERTIFICATION,
  ...RESIDENCE,
  ...SOCIAL_PROTECTION,
  ...POVERTY,
  ...MERIT,
  ...LAND_HOUSING,
  ...BUSINESS,
  ...AGRICULTURE,
];

/** The seed as the phones first receive it: each procedure in its first published version. */
export const SEED_CATALOG: Procedure[] = SEED_PROCEDURES.map((p) => ({ ...p, version: 1 }));
