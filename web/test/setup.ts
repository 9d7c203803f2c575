/// <reference types="node" />
// Test setup for jsdom + fake-indexeddb. Order matters: IndexedDB clones values with Node's
// structuredClone, which only understands Node's own Blob/File, so those must replace jsdom's
// before fake-indexeddb is loaded. Web Crypto's `subtle` is taken from Node for the same reason.
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { webcrypto } from 'node:crypto';
import { afterEach } from 'vitest';

Object.assign(globalThis, { Blob: NodeBlob, File: NodeFile });
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

await import('fake-indexeddb/auto');
const { cleanup, configure } = await import('@testing-library/react');
afterEach(() => cleanup());
// findBy… waits up to 5 s rather than 1: the whole suite shares two cores, and screens load
// their database code on first use (useLiveQuery's dynamic import), which the first test of a
// file pays for while other files run.
configure({ asyncUtilTimeout: 5_000 });
