// The catalog as the API serves it. Its version is a hash of the content, so it changes
// exactly when a procedure changes and serves as the ETag the phones revalidate with.
import type { Catalog, Procedure, Unit } from '@hsc/shared';
import type { Store } from '../store/store.ts';
import { sha256Hex } from './canonical.ts';
import { canonicalize } from '@hsc/shared/canonical';

export class CatalogService {
  constructor(private readonly store: Store) {}

  async catalog(): Promise<Catalog> {
    // Read per request: ten procedures hash in microseconds, and a staff edit (Desk issue)
    // shows at once on every process without cache invalidation.
    const procedures = await this.store.listProcedures();
    return { version: sha256Hex(canonicalize(procedures)).slice(0, 16), procedures };
  }

  procedure(code: string): Promise<Procedure | undefined> {
    return this.store.getProcedure(code);
  }

  async units(): Promise<Unit[]> {
    return (await this.store.listUnits()).map(({ code, name, type }) => ({ code, name, type }));
  }
}
