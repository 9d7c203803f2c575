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
const { cleanup } = await import('@testing-library/react');
afterEach(() => cleanup());
