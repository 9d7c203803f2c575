import { describe, expect, it } from 'vitest';
import { alreadySmall, fitWithin, SHRINK_DEFAULTS, ShrinkError, shrinkWith, type ShrinkEnv } from './shrink-core.ts';

/** A canvas that records what was drawn and "encodes" to a blob of a chosen size. */
function fakeEnv(source: { width: number; height: number }, encodedBytes: (type: string) => { size: number; type: string }) {
  const log: string[] = [];
  let closed = false;
  const env: ShrinkEnv = {
    async decode() {
      if (!source.width) throw new ShrinkError('unreadable', 'corrupt');
      return { source: {} as CanvasImageSource, width: source.width, height: source.height, close: () => (closed = true) };
    },
    surface(width, height) {
      log.push(`surface ${width}x${height}`);
      const context = {
        fillRect: (_x: number, _y: number, w: number, h: number) => log.push(`fill ${w}x${h}`),
        drawImage: (_s: unknown, _x: number, _y: number, w: number, h: number) => log.push(`draw ${w}x${h}`),
      } as unknown as CanvasRenderingContext2D;
      return {
        context,
        async encode(type, quality) {
          const out = encodedBytes(type);
          log.push(`encode ${type} ${quality}`);
          return new Blob([new Uint8Array(out.size)], { type: out.type });
        },
      };
    },
  };
  return { env, log, closed: () => closed };
}

const photo = (size: number, type = 'image/jpeg') => new Blob([new Uint8Array(size)], { type });

describe('fitting a photo', () => {
  it('scales the long side down to 2000 px, keeping the proportions, and never enlarges', () => {
    expect(fitWithin(4000, 3000, 2000)).toEqual({ width: 2000, height: 1500 });
    expect(fitWithin(3000, 4000, 2000)).toEqual({ width: 1500, height: 2000 });
    expect(fitWithin(4032, 1816, 2000)).toEqual({ width: 2000, height: 901 });
    expect(fitWithin(1200, 900, 2000)).toEqual({ width: 1200, height: 900 });
  });

  it('counts as already small only within 2000 px and 400 KB, in a format offices open', () => {
    expect(alreadySmall(1600, 1200, 300_000, 'image/jpeg', SHRINK_DEFAULTS)).toBe(true);
    expect(alreadySmall(2400, 1200, 300_000, 'image/jpeg', SHRINK_DEFAULTS)).toBe(false);
    expect(alreadySmall(1600, 1200, 900_000, 'image/png', SHRINK_DEFAULTS)).toBe(false);
    expect(alreadySmall(1600, 1200, 300_000, 'image/heic', SHRINK_DEFAULTS)).toBe(false);
  });
});

describe('shrinking', () => {
  it('draws a 12-MP photo at 2000×1500 on white and encodes WebP', async () => {
    const { env, log, closed } = fakeEnv({ width: 4000, height: 3000 }, (type) => ({ size: 170_000, type }));
    const r = await shrinkWith(env, photo(4_000_000), SHRINK_DEFAULTS);
    expect(r).toMatchObject({ kind: 'shrunk', width: 2000, height: 1500, sourceWidth: 4000, sourceHeight: 3000 });
    expect(r.kind === 'shrunk' && r.blob.type).toBe('image/webp');
    expect(log).toEqual(['surface 2000x1500', 'fill 2000x1500', 'draw 2000x1500', 'encode image/webp 0.8']);
    expect(closed()).toBe(true);
  });

  it('keeps a small photo without drawing it', async () => {
    const { env, log } = fakeEnv({ width: 1000, height: 800 }, (type) => ({ size: 1, type }));
    expect(await shrinkWith(env, photo(200_000), SHRINK_DEFAULTS)).toEqual({ kind: 'keep', width: 1000, height: 800 });
    expect(log).toEqual([]);
  });

  it('keeps the picked file when re-encoding at the same size would not make it smaller', async () => {
    const { env } = fakeEnv({ width: 1500, height: 1000 }, (type) => ({ size: 900_000, type }));
    expect(await shrinkWith(env, photo(800_000, 'image/png'), SHRINK_DEFAULTS)).toEqual({ kind: 'keep', width: 1500, height: 1000 });
  });

  it('falls back to JPEG 0.82 where the browser cannot write WebP (it silently writes PNG), and stops asking', async () => {
    const { env, log } = fakeEnv({ width: 4000, height: 3000 }, (type) => (type === 'image/webp' ? { size: 5_000_000, type: 'image/png' } : { size: 300_000, type }));
    const r = await shrinkWith(env, photo(4_000_000), SHRINK_DEFAULTS);
    expect(r.kind === 'shrunk' && r.blob.type).toBe('image/jpeg');
    await shrinkWith(env, photo(4_000_000), SHRINK_DEFAULTS);
    expect(log.filter((l) => l.startsWith('encode'))).toEqual(['encode image/webp 0.8', 'encode image/jpeg 0.82', 'encode image/jpeg 0.82']);
  });

  it('reports a photo that cannot be decoded as unreadable', async () => {
    const { env } = fakeEnv({ width: 0, height: 0 }, (type) => ({ size: 1, type }));
    await expect(shrinkWith(env, photo(10), SHRINK_DEFAULTS)).rejects.toMatchObject({ reason: 'unreadable' });
  });
});
