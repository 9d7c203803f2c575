// Texts for validation problems, per language. The web app folds them into its i18next
// resources (key `errors.<code>`); the server uses them for its 400 answers. Plain words:
// say what is wrong and what to do.
export type ValidationCode =
  | 'required'
  | 'tooLong'
  | 'date'
  | 'dateInFuture'
  | 'phone'
  | 'citizenId'
  | 'citizenIdNumber'
  | 'email'
  | 'number'
  | 'choice'
  | 'unit'
  | 'unknownField'
  | 'unknownSlot'
  | 'missingDocument'
  | 'tooManyPages'
  | 'duplicateAttachment'
  | 'pattern'
  | 'tooShort'
  | 'numberMin'
  | 'numberMax'
  | 'tooFewRows'
  | 'tooManyRows'
  | 'invalidValue'
  | 'procedureRetired'
  | 'procedureVersion'
  | 'unitNotOffered';

export type Lang = 'vi' | 'en';

export const validationMessages: Record<Lang, Record<ValidationCode, string>> = {
  vi: {
    required: 'Vui lòng điền mục này.',
    tooLong: 'Nội dung quá dài (tối đa {{max}} ký tự).',
    date: 'Ngày không hợp lệ. Hãy chọn ngày, tháng, năm.',
    dateInFuture: 'Ngày này chưa đến. Hãy kiểm tra lại.',
    phone: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678).',
    citizenId: 'Số căn cước gồm đúng 12 chữ số.',
    citizenIdNumber: 'Số căn cước này không đúng. Hãy xem lại từng số trên thẻ căn cước.',
    email: 'Địa chỉ email không hợp lệ.',
    number: 'Vui lòng nhập một số.',
    choice: 'Vui lòng chọn một trong các lựa chọn.',
    unit: 'Vui lòng chọn xã, phường.',
    unknownField: 'Mục này không thuộc thủ tục.',
    unknownSlot: 'Giấy tờ này không thuộc thủ tục.',
    missingDocument: 'Cần chụp hoặc chọn giấy tờ này.',
    tooManyPages: 'Tối đa {{max}} trang cho giấy tờ này.',
    duplicateAttachment: 'Một trang bị đính kèm hai lần.',
    pattern: 'Chưa đúng cách viết. Xem gợi ý dưới tên mục.',
    tooShort: 'Nội dung quá ngắn (ít nhất {{min}} ký tự).',
    numberMin: 'Số phải từ {{min}} trở lên.',
    numberMax: 'Số không được lớn hơn {{max}}.',
    tooFewRows: 'Cần ít nhất {{min}} dòng.',
    tooManyRows: 'Tối đa {{max}} dòng.',
    invalidValue: 'Giá trị không hợp lệ. Hãy nhập lại mục này.',
    procedureRetired: 'Thủ tục này đã ngừng nhận hồ sơ mới. Hãy hỏi xã, phường về thủ tục thay thế.',
    procedureVersion: 'Mẫu của thủ tục này không còn trên máy chủ. Hãy mở lại hồ sơ và cập nhật theo mẫu mới.',
    unitNotOffered: 'Xã, phường này không nhận thủ tục này. Hãy chọn nơi khác hoặc hỏi bộ phận một cửa.',
  },
  en: {
    required: 'Please fill this in.',
    tooLong: 'Too long (at most {{max}} characters).',
    date: 'Not a valid date. Please choose day, month and year.',
    dateInFuture: 'This date has not come yet. Please check it.',
    phone: 'A phone number has 10 digits and starts with 0 (for example 0912345678).',
    citizenId: 'A citizen ID number has exactly 12 digits.',
    citizenIdNumber: 'This citizen ID number is not right. Please check each digit against the card.',
    email: 'Not a valid email address.',
    number: 'Please enter a number.',
    choice: 'Please pick one of the options.',
    unit: 'Please choose your commune or ward.',
    unknownField: 'This item is not part of the procedure.',
    unknownSlot: 'This document is not part of the procedure.',
    missingDocument: 'Please photograph or choose this document.',
    tooManyPages: 'At most {{max}} pages for this document.',
    duplicateAttachment: 'A page is attached twice.',
    pattern: 'Not written the expected way. See the hint under the label.',
    tooShort: 'Too short (at least {{min}} characters).',
    numberMin: 'The number must be {{min}} or more.',
    numberMax: 'The number must not be more than {{max}}.',
    tooFewRows: 'At least {{min}} rows are needed.',
    tooManyRows: 'At most {{max}} rows.',
    invalidValue: 'This value is not valid. Please enter it again.',
    procedureRetired: 'This procedure no longer takes new dossiers. Ask the commune or ward which procedure replaces it.',
    procedureVersion: 'The form this dossier was filled in is no longer on the server. Open the dossier and update it to the new form.',
    unitNotOffered: 'This commune or ward does not handle this procedure. Choose another or ask the one-stop desk.',
  },
};

export function formatMessage(lang: Lang, code: ValidationCode, params: Record<string, string | number> = {}): string {
  return validationMessages[lang][code].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}
