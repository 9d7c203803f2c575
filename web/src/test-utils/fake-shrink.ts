// A stand-in for the pixel work, which jsdom cannot do (no decoder, no canvas): a "photo" whose
// text starts with "big" is shrunk to a small JPEG, one starting with "broken" cannot be decoded,
// anything else is already small and kept. Chromium tests exercise the real shrinker.
import { ShrinkError, type ShrinkOptions, type ShrinkResult } from '../capture/shrink-core.ts';

export const calls: { size: number; type: string; options: ShrinkOptions }[] = [];

export async function fakeShrink(file: Blob, options: ShrinkOptions): Promise<ShrinkResult> {
  calls.push({ size: file.size, type: file.type, options });
  const text = await file.text();
  if (text.startsWith('broken')) throw new ShrinkError('unreadable', 'not an image');
  if (text.startsWith('big')) {
    return { kind: 'shrunk', blob: new Blob([`small:${text.slice(3, 20)}`], { type: options.type }), width: 2000, height: 1500, sourceWidth: 4000, sourceHeight: 3000 };
  }
  return { kind: 'keep', width: 800, height: 600 };
}

export const fakeShrinker = { shrink: fakeShrink, dispose() {} };
