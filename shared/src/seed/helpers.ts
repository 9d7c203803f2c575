// Small builders for the seed catalog, so that each procedure reads as one line per field or
// slot. The words a person sees are written out in full here, never assembled from pieces, so
// they stay plain and translatable.
import type { DocumentSlot, FeeRule, FieldDef, FieldOption, Localized, SubFieldDef } from '../schemas.ts';

export const L = (vi: string, en: string): Localized => ({ vi, en });

export const opt = (value: string, vi: string, en: string): FieldOption => ({ value, label: L(vi, en) });

export const text = (key: string, vi: string, en: string, required = true): FieldDef => ({ key, type: 'text', required, label: L(vi, en) });

export const longText = (key: string, vi: string, en: string, required = true): FieldDef => ({ key, type: 'longText', required, label: L(vi, en) });

export const pastDate = (key: string, vi: string, en: string, required = true): FieldDef => ({ key, type: 'date', required, past: true, label: L(vi, en) });

export const date = (key: string, vi: string, en: string, required = true): FieldDef => ({ key, type: 'date', required, label: L(vi, en) });

export const yesNo = (key: string, vi: string, en: string, required = true): FieldDef => ({ key, type: 'yesNo', required, label: L(vi, en) });

export const choice = (key: string, vi: string, en: string, options: FieldOption[], required = true): FieldDef => ({ key, type: 'choice', required, label: L(vi, en), options });

export const doc = (key: string, vi: string, en: string, required: boolean, maxPages: number): DocumentSlot => ({ key, required, label: L(vi, en), maxPages });

/** A field that appears only when an earlier field holds `equals`. */
export const when = <F extends FieldDef | SubFieldDef>(field: F, on: string, equals: string): F => ({ ...field, showIf: { field: on, equals } });

/** A one-line hint under the label, usually with an example. */
export const hint = <F extends FieldDef | SubFieldDef>(field: F, vi: string, en: string): F => ({ ...field, hint: L(vi, en) });

/** The same sub-field builders, typed for the rows of a group. */
export const sub = {
  text: (key: string, vi: string, en: string, required = true): SubFieldDef => ({ key, type: 'text', required, label: L(vi, en) }),
  pastDate: (key: string, vi: string, en: string, required = true): SubFieldDef => ({ key, type: 'date', required, past: true, label: L(vi, en) }),
  citizenId: (key: string, vi: string, en: string, required = true): SubFieldDef => ({ key, type: 'citizenId', required, label: L(vi, en) }),
  choice: (key: string, vi: string, en: string, options: FieldOption[], required = true): SubFieldDef => ({ key, type: 'choice', required, label: L(vi, en), options }),
  yesNo: (key: string, vi: string, en: string, required = true): SubFieldDef => ({ key, type: 'yesNo', required, label: L(vi, en) }),
};

export const FREE: FeeRule = { kind: 'none' };
export const fixed = (amount: number): FeeRule => ({ kind: 'fixed', amount });

/**
 * Fields of law (lĩnh vực). One shared text per field, so that browsing by field groups the
 * procedures and a translation is written once.
 */
export const FIELD = {
  civilStatus: L('Hộ tịch', 'Civil status'),
  certification: L('Chứng thực', 'Certification'),
  residence: L('Cư trú', 'Residence'),
  socialProtection: L('Bảo trợ xã hội', 'Social protection'),
  poverty: L('Giảm nghèo', 'Poverty reduction'),
  merit: L('Người có công', 'People with meritorious service'),
  landHousing: L('Đất đai, nhà ở', 'Land and housing'),
  business: L('Kinh doanh', 'Business'),
  agriculture: L('Nông nghiệp', 'Agriculture'),
} as const;

export const PEOPLES_COMMITTEE = L(
  'Bộ phận một cửa, Trung tâm Phục vụ hành chính công xã/phường nơi bạn chọn',
  'One-stop desk, Public Administration Service Centre of the chosen commune or ward',
);
export const COMMUNE_POLICE = L('Công an xã/phường nơi bạn chọn', 'Police of the chosen commune or ward');
export const SAME_DAY = L('Trong ngày (nhận sau 15 giờ thì trả vào ngày làm việc tiếp theo)', 'Same day (after 15:00: the next working day)');

/** The usual exemption from civil-status registration fees (lệ phí hộ tịch). */
export const CIVIL_FEE_EXEMPTION = L(
  'Miễn lệ phí cho người thuộc gia đình có công với cách mạng, người thuộc hộ nghèo, người khuyết tật',
  'No fee for families of people with meritorious service, poor households and people with disabilities',
);

export const SEX: FieldOption[] = [opt('male', 'Nam', 'Male'), opt('female', 'Nữ', 'Female')];

/** Who the person filling the form is to the person the paper is about. */
export const KIN: FieldOption[] = [
  opt('spouse', 'Vợ hoặc chồng', 'Husband or wife'),
  opt('child', 'Con', 'Son or daughter'),
  opt('parent', 'Cha hoặc mẹ', 'Father or mother'),
  opt('sibling', 'Anh, chị, em', 'Brother or sister'),
  opt('grandchild', 'Cháu', 'Grandchild'),
  opt('other', 'Người khác', 'Someone else'),
];

/**
 * The 54 ethnic groups of Viet Nam as the national list names them (Tổng cục Thống kê), in its
 * order. Values are plain ASCII slugs, not the statistics office's numbers, so that nothing here
 * claims a numbering that was not checked.
 */
export const ETHNIC_GROUPS: FieldOption[] = [
  opt('kinh', 'Kinh', 'Kinh'),
  opt('tay', 'Tày', 'Tay'),
  opt('thai', 'Thái', 'Thai'),
  opt('hoa', 'Hoa', 'Hoa (Chinese)'),
  opt('khmer', 'Khơ-me', 'Khmer'),
  opt('muong', 'Mường', 'Muong'),
  opt('nung', 'Nùng', 'Nung'),
  opt('mong', "H'Mông", 'Hmong'),
  opt('dao', 'Dao', 'Dao'),
  opt('giarai', 'Gia-rai', 'Gia Rai'),
  opt('ngai', 'Ngái', 'Ngai'),
  opt('ede', 'Ê-đê', 'E De'),
  opt('bana', 'Ba-na', 'Ba Na'),
  opt('xodang', 'Xơ-đăng', 'Xo Dang'),
  opt('sanchay', 'Sán Chay', 'San Chay'),
  opt('coho', 'Cơ-ho', 'Co Ho'),
  opt('cham', 'Chăm', 'Cham'),
  opt('sandiu', 'Sán Dìu', 'San Diu'),
  opt('hre', 'Hrê', 'Hre'),
  opt('mnong', 'Mnông', 'Mnong'),
  opt('raglai', 'Ra-glai', 'Ra Glai'),
  opt('xtieng', 'Xtiêng', 'Xtieng'),
  opt('bruvankieu', 'Bru-Vân Kiều', 'Bru-Van Kieu'),
  opt('tho', 'Thổ', 'Tho'),
  opt('giay', 'Giáy', 'Giay'),
  opt('cotu', 'Cơ-tu', 'Co Tu'),
  opt('gietrieng', 'Gié-Triêng', 'Gie Trieng'),
  opt('ma', 'Mạ', 'Ma'),
  opt('khomu', 'Khơ-mú', 'Kho Mu'),
  opt('co', 'Co', 'Co'),
  opt('taoi', 'Tà-ôi', 'Ta Oi'),
  opt('choro', 'Chơ-ro', 'Cho Ro'),
  opt('khang', 'Kháng', 'Khang'),
  opt('xinhmun', 'Xinh-mun', 'Xinh Mun'),
  opt('hanhi', 'Hà Nhì', 'Ha Nhi'),
  opt('churu', 'Chu-ru', 'Chu Ru'),
  opt('lao', 'Lào', 'Lao'),
  opt('lachi', 'La Chí', 'La Chi'),
  opt('laha', 'La Ha', 'La Ha'),
  opt('phula', 'Phù Lá', 'Phu La'),
  opt('lahu', 'La Hủ', 'La Hu'),
  opt('lu', 'Lự', 'Lu'),
  opt('lolo', 'Lô Lô', 'Lo Lo'),
  opt('chut', 'Chứt', 'Chut'),
  opt('mang', 'Mảng', 'Mang'),
  opt('pathen', 'Pà Thẻn', 'Pa Then'),
  opt('colao', 'Cơ Lao', 'Co Lao'),
  opt('cong', 'Cống', 'Cong'),
  opt('boy', 'Bố Y', 'Bo Y'),
  opt('sila', 'Si La', 'Si La'),
  opt('pupeo', 'Pu Péo', 'Pu Peo'),
  opt('brau', 'Brâu', 'Brau'),
  opt('odu', 'Ơ Đu', 'O Du'),
  opt('romam', 'Rơ-măm', 'Ro Mam'),
];

/** A pattern for a number copied from a paper (a land parcel or map sheet number): digits only. */
export const DIGITS = (min: number, max: number): string => `\\d{${min},${max}}`;
