// The key-encryption key of test apps on PostgreSQL: every node of a test shares it, as every
// node of a deployment shares KEY_ENCRYPTION_KEY (buildApp refuses PostgreSQL without one).
import { randomBytes } from 'node:crypto';

export const TEST_KEK = randomBytes(32);
