// The seed catalog: the ten common commune-level procedures of ../DOMAIN.md. A procedure is
// data; the form, its validation and the document list are generated from it. Codes marked
// (unverified) could not be checked against the national database and stay editable data.
import type { FieldDef, Procedure, ProcedureDef } from './schemas.ts';

const L = (vi: string, en: string) => ({ vi, en });
const text = (key: string, vi: string, en: string, required = true): FieldDef => ({ key, type: 'text', required, label: L(vi, en) });
const pastDate = (key: string, vi: string, en: string, required = true): FieldDef => ({ key, type: 'date', required, past: true, label: L(vi, en) });
const doc = (key: string, vi: string, en: string, required: boolean, maxPages: number) => ({ key, required, label: L(vi, en), maxPages });
const sex: FieldDef['options'] = [
  { value: 'male', label: L('Nam', 'Male') },
  { value: 'female', label: L('Nữ', 'Female') },
];
const relation: FieldDef['options'] = [
  { value: 'parent', label: L('Cha hoặc mẹ', 'Father or mother') },
  { value: 'grandparent', label: L('Ông hoặc bà', 'Grandparent') },
  { value: 'relative', label: L('Người thân khác', 'Other relative') },
  { value: 'other', label: L('Người được ủy quyền', 'Authorised person') },
];

const PEOPLES_COMMITTEE = L(
  'Bộ phận một cửa, Trung tâm Phục vụ hành chính công xã/phường nơi bạn chọn',
  'One-stop desk, Public Administration Service Centre of the chosen commune or ward',
);
const COMMUNE_POLICE = L('Công an xã/phường nơi bạn chọn', 'Police of the chosen commune or ward');
const SAME_DAY = L('Trong ngày (nhận sau 15 giờ thì trả vào ngày làm việc tiếp theo)', 'Same day (after 15:00: the next working day)');

export const SEED_PROCEDURES: ProcedureDef[] = [
  {
    code: '1.001193',
    name: L('Đăng ký khai sinh', 'Birth registration'),
    field: L('Hộ tịch', 'Civil status'),
    processingDays: 0,
    processingTime: SAME_DAY,
    fee: L('Miễn lệ phí khi đăng ký đúng hạn', 'Free when registered on time'),
    where: PEOPLES_COMMITTEE,
    fields: [
      text('childName', 'Họ, chữ đệm và tên của trẻ', "Child's full name"),
      pastDate('childBirthDate', 'Ngày sinh của trẻ', "Child's date of birth"),
      { key: 'childSex', type: 'choice', required: true, label: L('Giới tính', 'Sex'), options: sex },
      text('birthPlace', 'Nơi sinh', 'Place of birth'),
      { ...text('ethnicity', 'Dân tộc', 'Ethnicity'), sensitive: true },
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
    name: L('Đăng ký kết hôn', 'Marriage registration'),
    field: L('Hộ tịch', 'Civil status'),
    processingDays: 0,
    processingTime: L('Trong ngày; tối đa 5 ngày làm việc nếu cần xác minh', 'Same day; up to 5 working days if checks are needed'),
    fee: L('Miễn lệ phí', 'Free'),
    where: L('Hai bên nam, nữ cùng có mặt tại bộ phận một cửa của xã/phường', 'Both partners come together to the one-stop desk of the commune or ward'),
    fields: [
      text('partnerName', 'Họ tên người kết hôn cùng', "Partner's full name"),
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
    name: L('Đăng ký khai tử', 'Death registration'),
    field: L('Hộ tịch', 'Civil status'),
    processingDays: 0,
    processingTime: SAME_DAY,
    fee: L('Miễn lệ phí khi đăng ký trong 15 ngày', 'Free when registered within 15 days'),
    where: PEOPLES_COMMITTEE,
    fields: [
      text('deceasedName', 'Họ tên người đã mất', 'Full name of the deceased'),
      pastDate('deceasedBirthDate', 'Ngày sinh của người đã mất', 'Date of birth of the deceased'),
      { key: 'deceasedCitizenId', type: 'citizenId', required: false, label: L('Số căn cước của người đã mất (nếu có)', 'Citizen ID of the deceased (if any)') },
      pastDate('deathDate', 'Ngày mất', 'Date of death'),
      text('deathPlace', 'Nơi mất', 'Place of death'),
      { key: 'relationship', type: 'choice', required: true, label: L('Quan hệ với người đã mất', 'Your relationship to the deceased'), options: relation },
    ],
    documents: [
      doc('declaration', 'Tờ khai đăng ký khai tử', 'Death registration form', true, 2),
      doc('deathNotice', 'Giấy báo tử hoặc giấy tờ thay thế', 'Death notice or equivalent paper', true, 3),
    ],
  },
  {
    code: '1.004873',
    name: L('Cấp giấy xác nhận tình trạng hôn nhân', 'Marital status certificate'),
    field: L('Hộ tịch', 'Civil status'),
    processingDays: 3,
    processingTime: L('3 ngày làm việc', '3 working days'),
    fee: L('Theo mức của tỉnh', 'Set by the province'),
    where: PEOPLES_COMMITTEE,
    fields: [
      {
        key: 'currentStatus',
        type: 'choice',
        required: true,
        label: L('Tình trạng hôn nhân hiện nay', 'Current marital status'),
        options: [
          { value: 'single', label: L('Chưa kết hôn', 'Never married') },
          { value: 'married', label: L('Đang có vợ/chồng', 'Married') },
          { value: 'divorced', label: L('Đã ly hôn', 'Divorced') },
          { value: 'widowed', label: L('Vợ/chồng đã mất', 'Widowed') },
        ],
      },
      text('purpose', 'Mục đích sử dụng giấy xác nhận', 'What the certificate is for'),
    ],
    documents: [
      doc('declaration', 'Tờ khai cấp giấy xác nhận tình trạng hôn nhân', 'Application form', true, 2),
      doc('idCard', 'Căn cước', 'ID card', true, 2),
      doc('divorcePapers', 'Giấy tờ ly hôn hoặc giấy chứng tử của vợ/chồng (nếu có)', 'Divorce papers or death certificate of the spouse (if any)', false, 5),
    ],
  },
  {
    code: '2.000815',
    name: L('Chứng thực bản sao từ bản chính', 'Certified copy from the original'),
    field: L('Chứng thực', 'Certification'),
    processingDays: 0,
    processingTime: SAME_DAY,
    fee: L('2.000 đồng/trang; từ trang thứ 3 là 1.000 đồng/trang; tối đa 200.000 đồng/bản', '2,000 VND a page; 1,000 VND from page 3; at most 200,000 VND a copy'),
    where: L('Mang bản chính đến bộ phận một cửa của xã/phường để đối chiếu', 'Bring the original to the one-stop desk of the commune or ward to compare'),
    fields: [
      text('documentName', 'Tên giấy tờ cần chứng thực', 'Name of the document to certify'),
      { key: 'copies', type: 'number', required: true, label: L('Số bản sao', 'Number of copies') },
      { key: 'pages', type: 'number', required: true, label: L('Số trang mỗi bản', 'Pages per copy') },
    ],
    documents: [doc('original', 'Ảnh chụp bản chính', 'Photo of the original', true, 20)],
  },
  {
    code: '2.000884',
    name: L('Chứng thực chữ ký', 'Signature certification'),
    field: L('Chứng thực', 'Certification'),
    processingDays: 0,
    processingTime: SAME_DAY,
    fee: L('10.000 đồng/trường hợp', '10,000 VND per case'),
    where: L('Người ký có mặt tại bộ phận một cửa của xã/phường', 'The signer comes in person to the one-stop desk of the commune or ward'),
    fields: [text('documentName', 'Tên giấy tờ cần ký', 'Name of the document to be signed')],
    documents: [
      doc('idCard', 'Căn cước của người ký', "Signer's ID card", true, 2),
      doc('document', 'Giấy tờ cần chứng thực chữ ký', 'The document to be signed', true, 10),
    ],
  },
  {
    code: '2.001035', // (unverified national code)
    name: L('Chứng thực hợp đồng, giao dịch', 'Contract certification'),
    field: L('Chứng thực', 'Certification'),
    processingDays: 2,
    processingTime: L('Tối đa 2 ngày làm việc', 'Up to 2 working days'),
    fee: L('50.000 đồng/hợp đồng', '50,000 VND per contract'),
    where: L('Các bên cùng có mặt tại bộ phận một cửa của xã/phường', 'All parties come to the one-stop desk of the commune or ward'),
    fields: [
      {
        key: 'contractType',
        type: 'choice',
        required: true,
        label: L('Loại hợp đồng', 'Kind of contract'),
        options: [
          { value: 'sale', label: L('Mua bán', 'Sale') },
          { value: 'gift', label: L('Tặng cho', 'Gift') },
          { value: 'lease', label: L('Thuê, mượn', 'Lease or loan') },
          { value: 'other', label: L('Khác', 'Other') },
        ],
      },
      text('asset', 'Tài sản trong hợp đồng', 'Asset covered by the contract'),
    ],
    documents: [
      doc('draft', 'Dự thảo hợp đồng', 'Draft contract', true, 10),
      doc('partiesId', 'Căn cước của các bên', 'ID cards of all parties', true, 6),
      doc('assetPapers', 'Giấy tờ về tài sản', 'Papers of the asset', true, 10),
    ],
  },
  {
    code: '1.004222',
    name: L('Đăng ký thường trú', 'Permanent residence registration'),
    field: L('Cư trú', 'Residence'),
    processingDays: 7,
    processingTime: L('7 ngày làm việc', '7 working days'),
    fee: L('20.000 đồng nộp trực tiếp; 10.000 đồng nộp trực tuyến', '20,000 VND in person; 10,000 VND online'),
    where: COMMUNE_POLICE,
    fields: [
      text('newAddress', 'Địa chỉ đăng ký thường trú', 'Address to register'),
      text('ownerName', 'Họ tên chủ hộ hoặc chủ nhà', 'Name of the household head or owner'),
      text('reason', 'Lý do đăng ký', 'Reason'),
    ],
    documents: [
      doc('ct01', 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'Residence information form (CT01)', true, 2),
      doc('residenceProof', 'Giấy tờ chứng minh chỗ ở hợp pháp', 'Proof of lawful residence', true, 10),
      doc('ownerConsent', 'Văn bản đồng ý của chủ hộ, chủ nhà (nếu cần)', "Owner's or household head's consent (where needed)", false, 2),
    ],
  },
  {
    code: '1.004194',
    name: L('Đăng ký tạm trú', 'Temporary residence registration'),
    field: L('Cư trú', 'Residence'),
    processingDays: 3,
    processingTime: L('3 ngày làm việc', '3 working days'),
    fee: L('15.000 đồng nộp trực tiếp; 7.000 đồng nộp trực tuyến', '15,000 VND in person; 7,000 VND online'),
    where: COMMUNE_POLICE,
    fields: [
      text('tempAddress', 'Địa chỉ tạm trú', 'Temporary address'),
      { key: 'fromDate', type: 'date', required: true, label: L('Tạm trú từ ngày', 'Staying from') },
      { key: 'months', type: 'number', required: true, label: L('Thời hạn tạm trú (tháng)', 'Length of stay (months)') },
    ],
    documents: [
      doc('ct01', 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'Residence information form (CT01)', true, 2),
      doc('residenceProof', 'Giấy tờ chứng minh chỗ ở hợp pháp', 'Proof of lawful residence', true, 10),
    ],
  },
  {
    code: '2.000720', // (unverified national code)
    name: L('Đăng ký thành lập hộ kinh doanh', 'Household business registration'),
    field: L('Kinh doanh', 'Business'),
    processingDays: 3,
    processingTime: L('3 ngày làm việc', '3 working days'),
    fee: L('Theo mức của tỉnh', 'Set by the province'),
    where: PEOPLES_COMMITTEE,
    fields: [
      text('businessName', 'Tên hộ kinh doanh', 'Business name'),
      text('businessLine', 'Ngành, nghề kinh doanh', 'Line of business'),
      text('businessAddress', 'Địa điểm kinh doanh', 'Business address'),
      { key: 'capital', type: 'number', required: true, label: L('Vốn kinh doanh (đồng)', 'Capital (VND)') },
    ],
    documents: [
      doc('form', 'Giấy đề nghị đăng ký hộ kinh doanh', 'Registration form', true, 3),
      doc('membersId', 'Căn cước của các thành viên', 'ID cards of the members', true, 10),
      doc('agreement', 'Biên bản họp thành viên hộ gia đình (nếu có)', 'Minutes of the household members (if any)', false, 5),
    ],
  },
];

/** The seed as the phones first receive it: each procedure in its first published version. */
export const SEED_CATALOG: Procedure[] = SEED_PROCEDURES.map((p) => ({ ...p, version: 1 }));
