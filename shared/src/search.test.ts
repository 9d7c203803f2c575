import { describe, expect, it } from 'vitest';
import { SEED_CATALOG } from './catalog.ts';
import type { LifeEvent, Procedure } from './procedure.ts';
import { LIFE_EVENTS, lifeEventLabels } from './life-events.ts';
import { buildSearchIndex, byField, byLifeEvent, fieldsOf, foldSearch, lifeEventsOf, searchCatalog } from './search.ts';

// A catalog with the look-alikes a commune really has (three kinds of birth registration, two
// residences), so that ranking, not just matching, is what the tests check.
const L = (vi: string, en: string) => ({ vi, en });
const CIVIL = L('Hộ tịch', 'Civil status');
const RESIDENCE = L('Cư trú', 'Residence');
const CERT = L('Chứng thực', 'Certification');
const SOCIAL = L('Bảo trợ xã hội', 'Social protection');

function proc(code: string, name: [string, string], field: { vi: string; en: string }, more: { lifeEvents?: LifeEvent[]; keywords?: string[] } = {}): Procedure {
  return {
    code,
    version: 1,
    name: L(...name),
    field,
    processingDays: 0,
    processingTime: L('Trong ngày', 'Same day'),
    fee: L('Miễn lệ phí', 'Free'),
    where: L('Xã', 'Commune'),
    fields: [],
    documents: [],
    ...more,
  };
}

const CATALOG: Procedure[] = [
  proc('1.001193', ['Đăng ký khai sinh', 'Birth registration'], CIVIL, { lifeEvents: ['birth'], keywords: ['giấy khai sinh', 'làm giấy khai sinh cho con'] }),
  proc('1.004884', ['Đăng ký lại khai sinh', 'Re-registration of a birth'], CIVIL, { lifeEvents: ['birth'] }),
  proc('1.000689', ['Đăng ký khai sinh kết hợp nhận cha, mẹ, con', 'Birth registration with recognition of parents'], CIVIL, { lifeEvents: ['birth'] }),
  proc('1.000894', ['Đăng ký kết hôn', 'Marriage registration'], CIVIL, { lifeEvents: ['marriage'], keywords: ['giấy đăng ký kết hôn'] }),
  proc('1.004873', ['Cấp giấy xác nhận tình trạng hôn nhân', 'Marital status certificate'], CIVIL, { lifeEvents: ['marriage'] }),
  proc('1.000656', ['Đăng ký khai tử', 'Death registration'], CIVIL, { lifeEvents: ['death'], keywords: ['báo tử', 'hỗ trợ mai táng'] }),
  proc('1.003530', ['Cấp bản sao trích lục hộ tịch', 'Copy of a civil status extract'], CIVIL, { keywords: ['bản sao giấy khai sinh'] }),
  proc('1.004859', ['Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Change or correction of civil status records'], CIVIL),
  proc('2.000815', ['Chứng thực bản sao từ bản chính', 'Certified copy from the original'], CERT, { lifeEvents: ['papers'] }),
  proc('2.000884', ['Chứng thực chữ ký', 'Signature certification'], CERT, { lifeEvents: ['papers'] }),
  proc('2.001035', ['Chứng thực hợp đồng, giao dịch', 'Contract certification'], CERT, { lifeEvents: ['papers', 'land'] }),
  proc('1.004222', ['Đăng ký thường trú', 'Permanent residence registration'], RESIDENCE, { lifeEvents: ['moving'] }),
  proc('1.004194', ['Đăng ký tạm trú', 'Temporary residence registration'], RESIDENCE, { lifeEvents: ['moving'] }),
  proc('1.010047', ['Khai báo tạm vắng', 'Declaring a temporary absence'], RESIDENCE, { lifeEvents: ['moving'] }),
  proc('2.000720', ['Đăng ký thành lập hộ kinh doanh', 'Household business registration'], L('Kinh doanh', 'Business'), { lifeEvents: ['business'] }),
  proc('1.001776', ['Giải quyết chế độ mai táng phí', 'Funeral allowance'], SOCIAL, { lifeEvents: ['death', 'support'] }),
  proc('1.001758', ['Xác nhận hộ gia đình nghèo', 'Certifying a poor household'], SOCIAL, { lifeEvents: ['support'] }),
  proc('1.002449', ['Giải quyết trợ cấp thờ cúng liệt sĩ', 'Allowance for worshipping a martyr'], L('Người có công', 'People of merit'), { lifeEvents: ['merit'] }),
  proc('2.001021', ['Hòa giải tranh chấp đất đai', 'Mediation of a land dispute'], L('Đất đai', 'Land'), { lifeEvents: ['land'] }),
  proc('1.009999', ['Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', 'Health insurance card for a child under 6'], L('Y tế', 'Health'), { lifeEvents: ['birth'] }),
  proc('3.000150', ['Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai', 'Help to restore farming after a disaster'], L('Nông nghiệp', 'Agriculture'), { lifeEvents: ['farming'] }),
];

const index = buildSearchIndex(CATALOG);
const codes = (q: string) => searchCatalog(index, q).map((p) => p.code);
const first = (q: string) => codes(q)[0];

describe('search ignores tones, đ and i/y spellings', () => {
  it('finds the procedure however its name is typed', () => {
    for (const q of ['đăng kí khai sinh', 'đăng ký khai sinh', 'dang ky khai sinh', 'dang ki khai sinh', 'ĐĂNG KÝ KHAI SINH', 'Đăng ký khai sinh']) {
      expect(first(q), q).toBe('1.001193');
    }
    expect(first('dang ky ket hon')).toBe('1.000894');
    expect(first('chung thuc chu ki')).toBe('2.000884');
  });

  it('folds a final y after a consonant to i, and leaves the y of "y tế" and "yêu cầu"', () => {
    expect(foldSearch('Đăng ký')).toBe(foldSearch('đăng kí'));
    expect(foldSearch('quy định')).toBe(foldSearch('qui định'));
    expect(foldSearch('y tế')).toBe('y te');
    expect(foldSearch('yêu cầu')).toBe('yeu cau');
    expect(foldSearch('huyện, tay')).toBe('huyen tay');
    expect(first('bao hiem y te')).toBe('1.009999');
    expect(first('y te')).toBe('1.009999');
  });

  it('finds a word still being typed', () => {
    expect(first('thuong t')).toBe('1.004222');
    expect(codes('dang ky kh')).toEqual(expect.arrayContaining(['1.001193', '1.000656', '1.004884']));
    expect(codes('dang ky kh')).not.toContain('1.000894');
  });
});

describe('search knows the words people use', () => {
  it('"giấy khai sinh" and "làm giấy khai sinh cho con" find birth registration first', () => {
    expect(first('giấy khai sinh')).toBe('1.001193');
    expect(first('giay khai sinh')).toBe('1.001193');
    expect(first('làm giấy khai sinh cho con')).toBe('1.001193');
    expect(first('lam khai sinh')).toBe('1.001193');
  });

  it('"hộ khẩu" and "nhập khẩu" find permanent residence', () => {
    expect(first('hộ khẩu')).toBe('1.004222');
    expect(first('nhap khau')).toBe('1.004222');
    expect(first('nhập hộ kh')).toBe('1.004222');
  });

  it('knows marriage, death, certification and absence by their everyday words', () => {
    expect(first('cưới')).toBe('1.000894');
    expect(first('lay vo')).toBe('1.000894');
    expect(first('lấy chồng')).toBe('1.000894');
    expect(first('chết')).toBe('1.000656');
    expect(first('giấy chứng tử')).toBe('1.000656');
    expect(codes('công chứng').slice(0, 3).sort()).toEqual(['2.000815', '2.000884', '2.001035']);
    expect(first('sao y ban chinh')).toBe('2.000815');
    expect(first('đi làm ăn xa')).toBe('1.010047');
    expect(first('xac nhan doc than')).toBe('1.004873');
    expect(first('wedding')).toBe('1.000894');
  });

  it('uses each procedure’s own keywords', () => {
    expect(first('bao tu')).toBe('1.000656');
    expect(codes('bản sao giấy khai sinh')[0]).toBe('1.003530');
  });
});

describe('search ranks the procedure meant first', () => {
  it('prefers the name the query says most of', () => {
    expect(codes('khai sinh').slice(0, 3)).toEqual(['1.001193', '1.004884', '1.000689']);
    expect(first('tam tru')).toBe('1.004194');
    expect(first('dang ky lai khai sinh')).toBe('1.004884');
    expect(first('khai sinh nhan cha me con')).toBe('1.000689');
  });

  it('puts a match in the name above one in the keywords, above one in the field', () => {
    expect(codes('mai táng').slice(0, 2)).toEqual(['1.001776', '1.000656']);
    // "Hộ tịch" is only the field of the others, but the name of this one.
    expect(first('ho tich')).toBe('1.003530');
  });

  it('puts a whole word above the start of a word, and finds a piece inside a word last', () => {
    const ho = codes('ho');
    // "hộ" (household, civil status) and "hỗ" (help) fold to the same whole word.
    const household = ['2.000720', '1.001758', '1.003530', '1.004859', '3.000150'];
    expect(ho.slice(0, household.length).sort()).toEqual(household.sort());
    expect(ho).toContain('1.000894'); // "hôn" starts with "ho"
    expect(codes('uong')).toEqual(['1.004222']); // inside "thường"
  });

  it('puts an exact code first, typed with or without its dots', () => {
    expect(first('2.000884')).toBe('2.000884');
    expect(codes('2.000884')).toHaveLength(1);
    expect(first('2000884')).toBe('2.000884');
    expect(codes('1.0048').sort()).toEqual(['1.004859', '1.004873', '1.004884']);
  });

  it('finds by English name too', () => {
    expect(first('birth registration')).toBe('1.001193');
    expect(first('signature')).toBe('2.000884');
  });

  it('says nothing for nonsense and everything, by name, for an empty query', () => {
    expect(codes('xyz khong co')).toEqual([]);
    const all = searchCatalog(index, '  ');
    expect(all).toHaveLength(CATALOG.length);
    expect(all[0]!.name.vi).toBe('Cấp bản sao trích lục hộ tịch');
  });
});

describe('browsing by life event and by field', () => {
  it('lists the life events that have procedures, in display order, with their counts', () => {
    const events = lifeEventsOf(index);
    expect(events.map((e) => e.event)).toEqual(['birth', 'marriage', 'death', 'moving', 'papers', 'business', 'land', 'support', 'merit', 'farming']);
    expect(events.find((e) => e.event === 'birth')?.count).toBe(4);
    expect(lifeEventsOf(buildSearchIndex(CATALOG.slice(0, 2))).map((e) => e.event)).toEqual(['birth']);
  });

  it('lists the procedures of a life event by name', () => {
    expect(byLifeEvent(index, 'birth').map((p) => p.code)).toEqual(['1.009999', '1.001193', '1.000689', '1.004884']);
    expect(byLifeEvent(index, 'death').map((p) => p.code)).toEqual(['1.000656', '1.001776']);
  });

  it('finds by the words of a life event', () => {
    expect(codes('người thân qua đời').slice(0, 2).sort()).toEqual(['1.000656', '1.001776']);
    expect(codes('co con moi sinh').slice(0, 4).sort()).toEqual(['1.000689', '1.001193', '1.004884', '1.009999']);
    expect(first('chuyen cho o')).toBeDefined();
  });

  it('lists the fields of law, and the procedures of one', () => {
    const fields = fieldsOf(index);
    expect(fields.map((f) => f.field.vi)).toEqual(['Bảo trợ xã hội', 'Chứng thực', 'Cư trú', 'Đất đai', 'Hộ tịch', 'Kinh doanh', 'Người có công', 'Nông nghiệp', 'Y tế']);
    expect(fields.find((f) => f.field.vi === 'Hộ tịch')?.count).toBe(8);
    expect(byField(index, 'Cư trú').map((p) => p.code)).toEqual(['1.004194', '1.004222', '1.010047']);
  });

  it('has a Vietnamese and an English label for every life event', () => {
    expect(lifeEventLabels('vi').death).toBe('Người thân qua đời');
    for (const label of Object.values(LIFE_EVENTS)) {
      expect(label.vi).not.toBe('');
      expect(label.en).not.toBe('');
    }
  });
});

describe('search over the seed catalog', () => {
  const seed = buildSearchIndex(SEED_CATALOG);
  const top = (q: string) => searchCatalog(seed, q)[0]?.code;

  it('finds the common procedures however they are typed or called', () => {
    expect(top('đăng kí khai sinh')).toBe('1.001193');
    expect(top('dang ky ket hon')).toBe('1.000894');
    expect(top('giấy khai sinh')).toBe('1.001193');
    expect(top('hộ khẩu')).toBe('1.004222');
    expect(top('tam tru')).toBe('1.004194');
    expect(top('chung thuc chu ky')).toBe('2.000884');
    expect(top('2.000884')).toBe('2.000884');
  });

  it('lists the births under "Có con mới sinh"', () => {
    expect(byLifeEvent(seed, 'birth').map((p) => p.code)).toContain('1.001193');
    expect(searchCatalog(seed, 'có con mới sinh').slice(0, 3).map((p) => p.code)).toContain('1.001193');
  });
});
