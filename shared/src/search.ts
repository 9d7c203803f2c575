// Search that forgives: people type on cheap keyboards without tones, spell "kí" or "ký", and
// use the words they know ("làm giấy khai sinh", "hộ khẩu", "cưới") rather than the name of the
// procedure. The index folds every text once per catalog, so a keystroke only compares short
// ASCII strings: a few hundred procedures take well under a millisecond.
import { foldVi } from './fold.ts';
import { LIFE_EVENTS } from './life-events.ts';
import type { Localized } from './primitives.ts';
import type { LifeEvent, Procedure } from './procedure.ts';

/**
 * foldVi, then one spelling for the i/y variants: a final y after a consonant is the same
 * vowel as i ("ký" = "kí", "lý" = "lí", "Mỹ" = "Mĩ") and becomes i; "qui" becomes "quy". A y
 * that begins a word ("y tế", "yêu cầu") or follows a vowel ("tay", "huyện") is a different
 * sound and stays.
 */
export function foldSearch(text: string): string {
  return foldVi(text).replace(/\b([bcdghklmnprstvx])y\b/g, '$1i').replace(/\bqui\b/g, 'quy');
}

// The words people use, mapped to the words the catalog uses. Matched on whole words of the
// query; the query is searched both as typed and with these replaced, the better match wins.
const SYNONYMS: [canonical: string, said: string[]][] = [
  ['khai sinh', ['giấy khai sinh', 'làm khai sinh', 'làm giấy khai sinh', 'khai sinh cho con', 'sinh con', 'mới sinh', 'em bé', 'đẻ']],
  ['kết hôn', ['cưới', 'đám cưới', 'cưới vợ', 'cưới chồng', 'lấy vợ', 'lấy chồng', 'giấy kết hôn', 'giấy đăng ký kết hôn', 'hôn thú']],
  ['khai tử', ['chết', 'mất', 'qua đời', 'từ trần', 'giấy chứng tử', 'chứng tử', 'báo tử', 'giấy báo tử']],
  ['tình trạng hôn nhân', ['độc thân', 'giấy độc thân', 'xác nhận độc thân']],
  ['thường trú', ['hộ khẩu', 'sổ hộ khẩu', 'nhập khẩu', 'nhập hộ khẩu', 'chuyển khẩu', 'chuyển hộ khẩu']],
  ['tạm trú', ['ở trọ', 'thuê trọ', 'nhà trọ', 'ở nhờ', 'ở tạm']],
  ['tạm vắng', ['đi vắng', 'vắng nhà', 'đi làm xa', 'đi làm ăn xa', 'khai báo vắng']],
  ['chứng thực', ['công chứng', 'chứng nhận chữ ký']],
  ['chứng thực bản sao', ['sao y', 'photo công chứng', 'bản sao công chứng']],
  ['cải chính', ['đổi tên', 'sửa tên', 'sửa ngày sinh', 'sửa giấy khai sinh']],
  ['nhận cha mẹ con', ['nhận con', 'nhận cha', 'nhận bố', 'nhận mẹ']],
  ['con nuôi', ['nhận nuôi', 'xin con nuôi']],
  ['hộ kinh doanh', ['mở quán', 'mở cửa hàng', 'buôn bán', 'bán hàng', 'giấy phép kinh doanh']],
  ['quyền sử dụng đất', ['sổ đỏ', 'sổ hồng', 'bìa đỏ']],
  ['mai táng', ['đám ma', 'đám tang', 'tang lễ', 'chôn cất', 'ma chay']],
  ['người có công', ['thương binh', 'bệnh binh', 'liệt sĩ', 'có công']],
  ['người cao tuổi', ['người già', 'già yếu']],
  ['marriage', ['wedding', 'marry', 'married']],
  ['death', ['died', 'passed away']],
  ['birth', ['born', 'newborn', 'baby']],
];

// Words that carry no meaning of their own in a query ("làm khai sinh cho con"): they count
// when they match and are forgiven when they do not.
const SKIPPABLE = new Set(
  'lam xin cho cua toi minh em con muon can nhu the nao o dau gi va voi de ve bi duoc mot cac nhung thu tuc co tai how to for my the a of'.split(' '),
);

interface Synonym {
  said: string[];
  canonical: string[];
}
// Made on the first search, not when the module loads: the catalog screen's code is loaded in
// idle time at app start, and folding costs a cheap phone tens of milliseconds.
let synonymTable: Synonym[] | undefined;
const synonyms = (): Synonym[] =>
  (synonymTable ??= SYNONYMS.flatMap(([canonical, said]) =>
    said.map((s) => ({ said: foldSearch(s).split(' '), canonical: foldSearch(canonical).split(' ') })),
  ).sort((a, b) => b.said.length - a.said.length)); // the longest phrase first: "giấy khai sinh" before "khai sinh"

/** How much a match in each text counts: the name above keywords above life events and the field. */
const WEIGHT = { name: 10, keyword: 7, lifeEvent: 5, field: 3 } as const;
const EXACT_CODE = 1_000;
const CODE_PREFIX = 2;

interface IndexedText {
  /** Folded, with a space at both ends so " word" finds the start of a word. */
  s: string;
  w: number;
}

interface Entry {
  procedure: Procedure;
  code: string;
  /** The code with only letters and digits: "1001193" finds "1.001193". */
  codeBare: string;
  texts: IndexedText[];
  /** Every text in one string: a word not in it is rejected without looking at each text. */
  all: string;
  /** The words of each name, to prefer the name the query covers most. */
  names: string[][];
  /** Position in name order, the last tie-break. */
  rank: number;
}

export interface SearchIndex {
  /** Every procedure, ordered by its Vietnamese name. */
  readonly all: readonly Procedure[];
  readonly entries: readonly Entry[];
}

const padded = (folded: string) => ` ${folded} `;

// Folding is the costly part of building an index (Unicode normalisation and regular
// expressions), and most texts repeat: every procedure of a field has the same field name, the
// life-event labels are shared, and a rebuild after a small catalog change sees the same names.
const folded = new Map<string, string>();
function foldCached(text: string): string {
  let f = folded.get(text);
  if (f === undefined) {
    if (folded.size > 20_000) folded.clear();
    f = foldSearch(text);
    folded.set(text, f);
  }
  return f;
}
// One collator, made when first needed (its locale data takes a phone tens of milliseconds):
// localeCompare with a locale builds a new one on every call.
let viCollator: Intl.Collator | undefined;
const collator = (): Intl.Collator => (viCollator ??= new Intl.Collator('vi'));
const byName = (a: Procedure, b: Procedure) => collator().compare(a.name.vi, b.name.vi);

/** Folds every text of every procedure once; build it again when the catalog changes. */
export function buildSearchIndex(procedures: readonly Procedure[]): SearchIndex {
  const all = [...procedures].sort(byName);
  const entries = all.map((p, rank): Entry => {
    const texts: IndexedText[] = [];
    const add = (text: string, w: number) => {
      const s = foldCached(text);
      if (s) texts.push({ s: padded(s), w });
    };
    add(p.name.vi, WEIGHT.name);
    add(p.name.en, WEIGHT.name);
    p.keywords?.forEach((k) => add(k, WEIGHT.keyword));
    p.lifeEvents?.forEach((e) => {
      add(LIFE_EVENTS[e].vi, WEIGHT.lifeEvent);
      add(LIFE_EVENTS[e].en, WEIGHT.lifeEvent);
    });
    add(p.field.vi, WEIGHT.field);
    add(p.field.en, WEIGHT.field);
    const code = p.code.toLowerCase();
    return {
      procedure: p,
      code,
      codeBare: code.replace(/[^a-z0-9]/g, ''),
      texts,
      all: texts.map((t) => t.s).join(''),
      names: [p.name.vi, p.name.en].map((n) => foldCached(n).split(' ').filter(Boolean)),
      rank,
    };
  });
  return { all, entries };
}

interface Word {
  word: string;
  /** " word": the start of a word in a text. */
  start: string;
  /** " word ": a whole word in a text. */
  whole: string;
  skippable: boolean;
}

interface Variant {
  words: string[];
  prepared: Word[];
  /** " w1 w2 ...": the whole query as it would start a phrase in a text. */
  phrase: string;
  /** A synonym completed from a half-typed word counts a little less than one typed in full. */
  factor: number;
}

const variant = (words: string[], factor: number): Variant => ({
  words,
  prepared: words.map((word) => ({ word, start: ` ${word}`, whole: ` ${word} `, skippable: SKIPPABLE.has(word) })),
  phrase: ` ${words.join(' ')}`,
  factor,
});

/** The query with every synonym it contains replaced, or null when it contains none. */
function withSynonyms(words: string[]): Variant | null {
  const out: string[] = [];
  let replaced = false;
  let partial = false;
  for (let i = 0; i < words.length; ) {
    const hit = synonyms().find(({ said }) => said.every((s, j) => {
      const w = words[i + j];
      if (w === undefined) return false;
      if (w === s) return true;
      // The last word of the query may still be being typed, in a phrase of several words.
      return said.length > 1 && j === said.length - 1 && i + j === words.length - 1 && s.startsWith(w);
    }));
    if (!hit) {
      out.push(words[i]!);
      i += 1;
      continue;
    }
    if (words[i + hit.said.length - 1] !== hit.said.at(-1)) partial = true;
    out.push(...hit.canonical);
    replaced = true;
    i += hit.said.length;
  }
  return replaced ? variant(out, partial ? 0.8 : 1) : null;
}

function quality(text: string, w: Word): number {
  if (!text.includes(w.start)) return w.word.length >= 3 && text.includes(w.word) ? 0.2 : 0;
  return text.includes(w.whole) ? 1 : 0.6;
}

function score(e: Entry, v: Variant): number {
  let total = 0;
  let matched = 0;
  for (const w of v.prepared) {
    let best = 0;
    if (e.all.includes(w.word)) {
      for (const t of e.texts) {
        const s = quality(t.s, w) * t.w;
        if (s > best) best = s;
      }
    }
    if (best === 0) {
      if (w.skippable) continue;
      return 0;
    }
    total += best;
    matched += 1;
  }
  if (matched === 0) return 0;

  // The whole query as one phrase: at the start of a text, or the whole text, counts most.
  let phrase = 0;
  for (const t of e.texts) {
    const at = t.s.indexOf(v.phrase);
    if (at < 0) continue;
    let b = v.words.length > 1 ? t.w * v.words.length * 0.5 : 0;
    if (t.s.length === v.phrase.length + 1) b += t.w * 2;
    else if (at === 0) b += t.w * 0.2;
    if (b > phrase) phrase = b;
  }

  // Of two names that both match, the one the query says most of is the one meant.
  let coverage = 0;
  for (const name of e.names) {
    if (name.length === 0) continue;
    const hits = name.filter((n) => v.words.some((w) => n.startsWith(w))).length / name.length;
    if (hits > coverage) coverage = hits;
  }
  // Per word, so that a synonym that says in four words what was typed in two gains nothing by it.
  return ((total + phrase) / v.words.length + 3 * coverage) * v.factor;
}

/**
 * The procedures that match the query, best first. An exact code comes first; then a match in
 * the name over one in the keywords, a life event or the field; whole words and whole phrases
 * over the start of a word, over a piece inside a word. An empty query gives every procedure.
 */
export function searchCatalog(index: SearchIndex, query: string): Procedure[] {
  const words = foldSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...index.all];
  const variants = [variant(words, 1)];
  const synonyms = withSynonyms(words);
  if (synonyms) variants.push(synonyms);
  const raw = query.trim().toLowerCase();
  const bare = raw.replace(/[^a-z0-9]/g, '');
  const codeLike = /\d/.test(raw) && bare.length >= 3;

  const found: { e: Entry; score: number }[] = [];
  for (const e of index.entries) {
    let best = 0;
    for (const v of variants) best = Math.max(best, score(e, v));
    if (raw === e.code || (codeLike && bare === e.codeBare)) best += EXACT_CODE;
    else if (codeLike && e.codeBare.startsWith(bare)) best += CODE_PREFIX;
    if (best > 0) found.push({ e, score: best });
  }
  found.sort((a, b) => b.score - a.score || a.e.rank - b.e.rank);
  return found.map((f) => f.e.procedure);
}

/** One-off search without keeping an index (tests, a handful of procedures). */
export function searchProcedures(procedures: readonly Procedure[], query: string): Procedure[] {
  return searchCatalog(buildSearchIndex(procedures), query);
}

/** The life events that at least one procedure belongs to, in display order, with their counts. */
export function lifeEventsOf(index: SearchIndex): { event: LifeEvent; count: number }[] {
  const counts = new Map<LifeEvent, number>();
  for (const p of index.all) for (const e of new Set(p.lifeEvents ?? [])) counts.set(e, (counts.get(e) ?? 0) + 1);
  return (Object.keys(LIFE_EVENTS) as LifeEvent[]).filter((e) => counts.has(e)).map((event) => ({ event, count: counts.get(event)! }));
}

/** The procedures of one life event, by name. */
export function byLifeEvent(index: SearchIndex, event: LifeEvent): Procedure[] {
  return index.all.filter((p) => p.lifeEvents?.includes(event));
}

/** The fields of law (lĩnh vực) of the catalog, by Vietnamese name, with their counts. */
export function fieldsOf(index: SearchIndex): { field: Localized; count: number }[] {
  const fields = new Map<string, { field: Localized; count: number }>();
  for (const p of index.all) {
    const f = fields.get(p.field.vi);
    if (f) f.count += 1;
    else fields.set(p.field.vi, { field: p.field, count: 1 });
  }
  return [...fields.values()].sort((a, b) => collator().compare(a.field.vi, b.field.vi));
}

/** The procedures of one field of law (named by its Vietnamese name), by name. */
export function byField(index: SearchIndex, fieldVi: string): Procedure[] {
  return index.all.filter((p) => p.field.vi === fieldVi);
}
