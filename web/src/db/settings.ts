// The person's choices on this phone: language and when they read the privacy notice.
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

export function saveLanguage(language: string): Promise<void> {
  return patch({ language });
}

export function acceptPrivacy(now = Date.now()): Promise<void> {
  return patch({ privacyAcceptedAt: now });
}
