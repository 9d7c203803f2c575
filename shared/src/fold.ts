// Vietnamese search folding: people type without tones on cheap keyboards, so
// "dang ky khai sinh" must find "Đăng ký khai sinh". NFD splits a letter from its
// tone and vowel marks; đ/Đ is a separate letter, not a composed one, so it is mapped by hand.
export function foldVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when every word of the query starts a word of one of the texts (tone- and case-insensitive). */
export function matchesQuery(query: string, ...texts: string[]): boolean {
  const words = foldVi(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = ` ${texts.map(foldVi).join(' ')}`;
  return words.every((w) => haystack.includes(` ${w}`));
}
