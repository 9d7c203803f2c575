// A procedure that uses every kind of field, for the form's tests: a long text with a hint, a
// yes/no that shows a follow-up field, a long select, a repeating group, and only two units.
import { Procedure } from '@hsc/shared/schemas';

const L = (vi: string, en: string) => ({ vi, en });
const PEOPLES = ['Kinh', 'Tày', 'Nùng', 'Dao', 'Mông', 'Sán Chay', 'Sán Dìu', 'Hoa', 'Ngái', 'Cao Lan', 'Thái', 'Mường', 'Khmer', 'Ê Đê', 'Ba Na'];

export const HOUSEHOLD_V1: Procedure = Procedure.parse({
  code: 'T.HO',
  version: 1,
  name: L('Xác nhận hộ gia đình (thử)', 'Household confirmation (test)'),
  field: L('Bảo trợ xã hội', 'Social protection'),
  processingDays: 5,
  processingTime: L('5 ngày làm việc', '5 working days'),
  fee: L('Miễn phí', 'Free'),
  where: L('Bộ phận một cửa', 'One-stop desk'),
  units: ['05716', '01849'],
  fields: [
    { key: 'note', type: 'longText', required: false, label: L('Hoàn cảnh gia đình', 'Family situation'), hint: L('Viết ngắn gọn, vài câu là đủ.', 'A few sentences are enough.') },
    { key: 'hasDisability', type: 'yesNo', required: true, label: L('Trong hộ có người khuyết tật không?', 'Does anyone in the household have a disability?') },
    { key: 'disabilityLevel', type: 'text', required: true, label: L('Mức độ khuyết tật', 'Degree of disability'), showIf: { field: 'hasDisability', equals: 'yes' } },
    { key: 'ethnicity', type: 'select', required: true, label: L('Dân tộc của chủ hộ', "Head's ethnicity"), options: PEOPLES.map((p, i) => ({ value: `e${i + 1}`, label: L(p, p) })) },
    {
      key: 'members',
      type: 'group',
      required: true,
      label: L('Thành viên trong hộ', 'Household members'),
      minRows: 1,
      maxRows: 3,
      fields: [
        { key: 'name', type: 'text', required: true, label: L('Họ và tên', 'Full name') },
        { key: 'relation', type: 'choice', required: true, label: L('Quan hệ với chủ hộ', 'Relation to the head'), options: [{ value: 'spouse', label: L('Vợ hoặc chồng', 'Spouse') }, { value: 'child', label: L('Con', 'Child') }] },
      ],
    },
  ],
  documents: [
    { key: 'householdBook', required: false, label: L('Giấy tờ về nơi cư trú', 'Proof of residence'), maxPages: 2 },
    { key: 'oldPaper', required: false, label: L('Giấy xác nhận cũ', 'Previous confirmation'), maxPages: 1 },
  ],
});

/**
 * Version 2 asks for more: the head's phone, each member's birth year and at least two members.
 * The long text and the old paper are gone.
 */
export const HOUSEHOLD_V2: Procedure = Procedure.parse({
  ...HOUSEHOLD_V1,
  version: 2,
  fields: [
    { key: 'headPhone', type: 'phone', required: true, label: L('Số điện thoại của chủ hộ', "Head's phone") },
    ...HOUSEHOLD_V1.fields.filter((f) => f.key !== 'note' && f.key !== 'members'),
    {
      ...HOUSEHOLD_V1.fields.find((f) => f.key === 'members')!,
      minRows: 2,
      fields: [...HOUSEHOLD_V1.fields.find((f) => f.key === 'members')!.fields!, { key: 'birthYear', type: 'number', required: true, label: L('Năm sinh', 'Year of birth'), min: 1900 }],
    },
  ],
  documents: HOUSEHOLD_V1.documents.filter((d) => d.key !== 'oldPaper'),
});
