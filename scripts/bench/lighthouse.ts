// Lighthouse (mobile defaults: Moto G Power-class CPU, slow 4G simulated) on the built app
// served by the real server. `pnpm bench:lighthouse`; prints the figures BENCHMARKS.md records.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../lib/browser.ts';
import { startServer } from '../lib/server.ts';

const runs = Number(process.argv[2] ?? 3);
const server = await startServer();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: CHROMIUM_ARGS,
});
try {
  const rows: { score: number; lcp: number; fcp: number; tbt: number; cls: number; bytes: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(server.url, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
    if (!result) throw new Error('lighthouse returned nothing');
    const { categories, audits } = result.lhr;
    const num = (id: string) => audits[id]?.numericValue ?? NaN;
    rows.push({
      score: Math.round((categories.performance?.score ?? 0) * 100),
      lcp: num('largest-contentful-paint'),
      fcp: num('first-contentful-paint'),
      tbt: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      bytes: num('total-byte-weight'),
    });
    const r = rows[rows.length - 1]!;
    console.log(
      `run ${i + 1}: performance ${r.score}, LCP ${(r.lcp / 1000).toFixed(2)} s, FCP ${(r.fcp / 1000).toFixed(2)} s, TBT ${r.tbt.toFixed(0)} ms, CLS ${r.cls.toFixed(3)}, transfer ${(r.bytes / 1024).toFixed(1)} KB`,
    );
  }
  const median = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)]!;
  console.log(
    `median of ${runs}: performance ${median('score')}, LCP ${(median('lcp') / 1000).toFixed(2)} s, TBT ${median('tbt').toFixed(0)} ms, transfer ${(median('bytes') / 1024).toFixed(1)} KB`,
  );
} finally {
  await chrome.kill();
  await server.stop();
}
