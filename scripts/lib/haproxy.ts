// HAProxy (Debian's package) in front of several API nodes, as a province deploys them: round
// robin, health checks on /api/health, a failed connection retried on another node. Every
// request is logged to stdout as "<status> <server> <termination> <method> <path>", so a test
// can say which node answered each 5xx.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server.ts';

export interface Backend {
  name: string;
  port: number;
}

export interface LoggedRequest {
  status: number;
  server: string;
  termination: string;
  method: string;
  path: string;
}

export interface Balancer {
  url: string;
  requests(): LoggedRequest[];
  close(): Promise<void>;
}

export const HAPROXY = process.env.HAPROXY ?? '/usr/sbin/haproxy';

function config(port: number, backends: readonly Backend[]): string {
  return [
    'global',
    '  log stdout format raw local0',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  log global',
    '  log-format "%ST %s %ts %HM %HP"',
    '  timeout connect 2s',
    '  timeout client 120s',
    '  timeout server 120s',
    '  retries 3',
    '  option redispatch',
    'frontend api',
    `  bind 127.0.0.1:${port}`,
    '  default_backend nodes',
    'backend nodes',
    '  balance roundrobin',
    '  option httpchk GET /api/health',
    '  default-server inter 300 fall 2 rise 1',
    ...backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check`),
    '',
  ].join('\n');
}

export async function startHaproxy(backends: readonly Backend[]): Promise<Balancer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'hsc-haproxy-'));
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, config(port, backends));
  const child: ChildProcess = spawn(HAPROXY, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`haproxy exited (is the Debian package installed?):\n${err}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    if (i > 100) {
      child.kill('SIGKILL');
      throw new Error(`haproxy did not answer:\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    requests: () =>
      out
        .split('\n')
        .map((line) => /^(-?\d+) (\S+) (\S+) (\S+) (\S+)/.exec(line))
        .filter((m): m is RegExpExecArray => !!m)
        .map((m) => ({ status: Number(m[1]), server: m[2]!, termination: m[3]!, method: m[4]!, path: m[5]! })),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
