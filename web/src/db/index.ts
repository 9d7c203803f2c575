export { db, HscDatabase, DB_NAME } from './db.ts';
export * from './types.ts';
export * from './dossiers.ts';
export * from './attachments.ts';
export * from './catalog.ts';
export * from './settings.ts';
