// Building blocks shared by every schema file; kept apart so that schemas.ts and procedure.ts
// can both use them without importing each other.
import { z } from 'zod';

export const Localized = z.object({ vi: z.string(), en: z.string() });
export type Localized = z.infer<typeof Localized>;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex characters');
export const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
