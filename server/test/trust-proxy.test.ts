// TRUST_PROXY: which X-Forwarded-For entry is the client. A forged left-most entry that changes
// on every request must not give a guesser a fresh rate-limit counter each time.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { testApp, type TestApp } from './support/app.ts';

const open: TestApp[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});
const start = async (env: Record<string, string>) => {
  const t = await testApp({ demo: true, trustProxy: loadConfig(env).trustProxy, trackRateLimit: { max: 3, timeWindow: 60_000 } });
  open.push(t);
  return t;
};
const randomIp = () => [...randomBytes(4)].join('.');
const track = (t: TestApp, xff: string | undefined, remoteAddress = '127.0.0.1') =>
  t.app.inject({ url: '/api/track/H19.05716-260310-0001?lookup=ABCD', remoteAddress, headers: xff ? { 'x-forwarded-for': xff } : {} });

describe('TRUST_PROXY in the environment', () => {
  test('a hop count, a list of addresses and CIDRs, or nothing', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8,loopback' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback']);
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBeUndefined();
  });

  test('true is refused with what to write instead', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/^Invalid environment variable TRUST_PROXY: .*number of proxies.*1 behind one reverse proxy/);
  });

  test.each(['10.0.0.0/33', 'proxy.example', '10.0.0.5,,10.0.0.6', '-1', '1.5', '::1/129'])('%s is refused', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/^Invalid environment variable TRUST_PROXY: must be a number of proxy hops/);
  });
});

describe('the client behind the proxy', () => {
  test('TRUST_PROXY=1: a forged left-most X-Forwarded-For is ignored; the proxy’s entry is the client, and it gets 429', async () => {
    const t = await start({ TRUST_PROXY: '1' });
    for (let i = 0; i < 3; i++) expect((await track(t, `${randomIp()}, 10.0.0.7`)).statusCode).toBe(404);
    expect((await track(t, `${randomIp()}, 10.0.0.7`)).statusCode).toBe(429);
    expect((await track(t, '10.0.0.7')).statusCode).toBe(429);
    // Another client behind the same proxy has its own count.
    expect((await track(t, `${randomIp()}, 10.0.0.8`)).statusCode).toBe(404);
  });

  test('TRUST_PROXY=<CIDR list>: proxies in the list are skipped, the first address outside it is the client', async () => {
    const t = await start({ TRUST_PROXY: '127.0.0.0/8,192.168.1.0/24' });
    // Two proxies (192.168.1.20, then the socket's 127.0.0.1) in front of 10.0.0.7.
    for (let i = 0; i < 3; i++) expect((await track(t, `${randomIp()}, 10.0.0.7, 192.168.1.20`)).statusCode).toBe(404);
    expect((await track(t, `${randomIp()}, 10.0.0.7, 192.168.1.20`)).statusCode).toBe(429);
    expect((await track(t, `${randomIp()}, 10.0.0.7`)).statusCode).toBe(429);
    // A peer that is not a listed proxy cannot name another client: it is counted as itself.
    for (let i = 0; i < 3; i++) expect((await track(t, randomIp(), '203.0.113.9')).statusCode).toBe(404);
    expect((await track(t, randomIp(), '203.0.113.9')).statusCode).toBe(429);
  });

  test('unset: X-Forwarded-For is not believed at all', async () => {
    const t = await start({});
    for (let i = 0; i < 3; i++) expect((await track(t, `10.0.0.${i}`)).statusCode).toBe(404);
    expect((await track(t, '10.0.0.99')).statusCode).toBe(429);
  });

  test.each([['1'], ['127.0.0.1']])('TRUST_PROXY=%s: the staff cookie is Secure when the proxy says https, not otherwise', async (value) => {
    const t = await start({ TRUST_PROXY: value });
    const login = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'demo.admin', password: 'demo1234' }, headers });
    const https = await login({ 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.0.0.7' });
    expect(https.cookies.find((c) => c.name === 'hsc_staff')?.secure).toBe(true);
    const http = await login({ 'x-forwarded-for': '10.0.0.7' });
    expect(http.cookies.find((c) => c.name === 'hsc_staff')?.secure).toBeFalsy();
  });
});
