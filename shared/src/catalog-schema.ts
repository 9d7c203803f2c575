// The catalog file's JSON Schema, generated from the zod schema the server checks imports
// with, so the published description can never drift from what is accepted. Rules across
// fields (unique keys, conditions on earlier fields) are checked on import and named by path.
import { z } from 'zod';
import { CatalogFile } from './procedure.ts';

export function catalogJsonSchema(): object {
  return {
    ...z.toJSONSchema(CatalogFile, { io: 'input' }),
    $id: 'https://hosocong.vn/schema/hosocong-catalog-1.json',
    title: 'Hồ sơ công catalog file, format version 1',
  };
}
