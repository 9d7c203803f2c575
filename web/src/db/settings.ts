// The person's choices on this phone: when they read the privacy notice (the language is
// i18n's, in localStorage; `language` here is only read once, from phones that kept it here).
import { db } from './db.ts';
import type { SettingsRecord } from './types.ts';

export async function getSettings(): Promise<SettingsRecord> {
  return (await db.settings.get('app')) ?? { key: 'app' };
}

async function patch(changes: Partial<SettingsRecord>): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = (await db.settings.get('app')) ?? { key: 'app' as const };
    await db.settings.put({ ...current, ...changes });
  });
}

export function acceptPrivacy(now = Date.now()): Promise<void> {
  return patch({ privacyAcceptedAt: now });
}
