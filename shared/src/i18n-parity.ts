// Two languages' resources must say the same things: every key in both, and every text with the
// same {{placeholders}}, or one language shows a raw key or drops a date the other shows. Plural
// forms (i18next's key_one, key_other …) count as one key, since languages have different ones.

const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(value: unknown, path: string, out: Map<string, Set<string>>): void {
  if (typeof value === 'string') {
    const key = path.replace(PLURAL, '');
    const names = out.get(key) ?? new Set<string>();
    for (const m of value.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)) names.add(m[1]!);
    out.set(key, names);
    return;
  }
  if (typeof value === 'function') {
    out.set(path, out.get(path) ?? new Set());
    return;
  }
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
}

/**
 * What differs between two languages' resources, one line each (empty: none). `count` is
 * i18next's plural variable, which a language without plural forms may leave out.
 */
export function resourceDifferences(a: unknown, b: unknown, names: readonly [string, string] = ['vi', 'en']): string[] {
  const la = new Map<string, Set<string>>();
  const lb = new Map<string, Set<string>>();
  leaves(a, '', la);
  leaves(b, '', lb);
  const out: string[] = [];
  for (const k of la.keys()) if (!lb.has(k)) out.push(`${k}: only in ${names[0]}`);
  for (const k of lb.keys()) if (!la.has(k)) out.push(`${k}: only in ${names[1]}`);
  for (const [k, pa] of la) {
    const pb = lb.get(k);
    if (!pb) continue;
    const x = [...pa].filter((p) => p !== 'count').sort().join(',');
    const y = [...pb].filter((p) => p !== 'count').sort().join(',');
    if (x !== y) out.push(`${k}: {{${x}}} in ${names[0]}, {{${y}}} in ${names[1]}`);
  }
  return out;
}
