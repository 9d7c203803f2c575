// fake-indexeddb ships types for `auto` that its package.json exports do not expose.
declare module 'fake-indexeddb/auto';
