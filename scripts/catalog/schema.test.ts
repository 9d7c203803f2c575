import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogJsonSchema } from '@hsc/shared/catalog-schema';

describe('the catalog file JSON Schema', () => {
  it('is committed exactly as generated from the zod schema (run `pnpm catalog:schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../shared/catalog.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(catalogJsonSchema())));
  });

  it('describes every field type and the required parts of a procedure', () => {
    const text = JSON.stringify(catalogJsonSchema());
    for (const type of ['longText', 'yesNo', 'email', 'select', 'group']) expect(text).toContain(`"${type}"`);
    expect(text).toContain('"hosocong-catalog"');
  });
});
