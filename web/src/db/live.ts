// The reads screens watch, as one module the first screen loads after it is drawn: Dexie is
// a third of the app's first download, and the home screen's words need none of it.
export { liveQuery } from 'dexie';
export * from './index.ts';
