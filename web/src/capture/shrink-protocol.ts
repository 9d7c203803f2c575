// Messages between the page and the shrink worker (types only: nothing here runs).
import type { ShrinkOptions, ShrinkResult } from './shrink-core.ts';

export interface WorkerRequest {
  id: number;
  file: Blob;
  options: ShrinkOptions;
}

export interface WorkerReply {
  id: number;
  result: { ok: true; value: ShrinkResult } | { ok: false; reason: 'unreadable' | 'unsupported'; message: string };
}
