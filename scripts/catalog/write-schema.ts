// `pnpm catalog:schema`: writes shared/catalog.schema.json from the shared zod schema (a test
// fails when the committed file is not what this writes).
import { writeFileSync } from 'node:fs';
import { catalogJsonSchema } from '@hsc/shared/catalog-schema';

const target = new URL('../../shared/catalog.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
