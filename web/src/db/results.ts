// The commune's result document, kept on the phone so it opens offline later.
import { db } from './db.ts';
import type { ResultRecord } from './types.ts';

export function getResult(dossierId: string): Promise<ResultRecord | undefined> {
  return db.results.get(dossierId);
}

export async function saveResult(record: ResultRecord): Promise<void> {
  await db.results.put(record);
}
