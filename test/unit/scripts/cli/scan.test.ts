import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { run } from '../../../../scripts/cli/scan';
import { requireData } from '../../../fixtures/data';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const DATA = path.resolve(ROOT, '..', 'shared', 'data');
let dir = '';

/** Call run() capturing stdout/stderr. */
async function scan(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string | Uint8Array) => { out += String(s); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => { err += String(s); return true; }) as typeof process.stderr.write;
  try {
    const code = await run(args);
    return { code, out, err };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clausemark-scan-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const POLICY = 'Terms of Service\r\n\r\nBy using the Service, you agree to these Terms.\u00a0We may terminate your account at any time, for any reason.\n' +
  'ANY DISPUTE WILL BE RESOLVED BY BINDING ARBITRATION. These Terms are governed by the laws of the State of Delaware.\n';

describe('clausemark scan --json', () => {
  it('returns the text as read and clauses with UTF-16 offsets into it (.txt)', async () => {
    const f = path.join(dir, 'policy.txt');
    writeFileSync(f, POLICY);
    const r = await scan([f, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { text: string; clauses: { id: string; start: number; end: number; category: string; severity: string; confidence: number; source: string }[] };
    expect(j.text).toBe(POLICY);
    expect(j.clauses.length).toBeGreaterThan(2);
    for (const c of j.clauses) {
      expect(Object.keys(c).sort()).toEqual(['category', 'confidence', 'end', 'id', 'severity', 'source', 'start']);
      expect(j.text.slice(c.start, c.end).trim()).toBe(j.text.slice(c.start, c.end));
      expect(c.end).toBeGreaterThan(c.start);
    }
    const cats = j.clauses.map((c) => c.category);
    expect(cats).toContain('arbitration');
    expect(cats).toContain('choice-of-law');
  });

  it('converts .html and .md', async () => {
    const h = path.join(dir, 'p.html');
    writeFileSync(h, `<html><head><title>T</title><script>x()</script></head><body><h1>Terms</h1><p>${POLICY.replace(/\n/g, '</p><p>')}</p></body></html>`);
    const rh = JSON.parse((await scan([h, '--json'])).out) as { text: string; clauses: { start: number; end: number; category: string }[] };
    expect(rh.text).not.toContain('x()');
    expect(rh.clauses.some((c) => c.category === 'arbitration' && /ARBITRATION/.test(rh.text.slice(c.start, c.end)))).toBe(true);
    const m = path.join(dir, 'p.md');
    writeFileSync(m, `# Terms\n\n${POLICY}`);
    const rm = JSON.parse((await scan([m, '--json'])).out) as { text: string; clauses: unknown[] };
    expect(rm.text.startsWith('Terms\n')).toBe(true);
    expect(rm.clauses.length).toBeGreaterThan(2);
  });

  const real = path.join(DATA, 'ota-genai-eu', 'snapshots-HEAD', 'Claude.ai');
  it('scans a real archived page', async () => {
    requireData(real);
    const f = readdirSync(real).find((x) => x.endsWith('.html'));
    const r = await scan([path.join(real, f!), '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { clauses: unknown[] }).clauses.length).toBeGreaterThan(0);
  });
});

describe('clausemark scan human output', () => {
  it('groups by severity, high first, with category titles', async () => {
    const f = path.join(dir, 'h.txt');
    writeFileSync(f, POLICY);
    const r = await scan([f]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Mandatory arbitration');
    const hi = r.out.indexOf('== HIGH ==');
    expect(hi).toBeGreaterThan(-1);
    expect(hi).toBeLessThan(r.out.indexOf('== LOW =='));
  });
});

describe('clausemark scan bad input', () => {
  const cases: [string, () => string, RegExp][] = [
    ['missing file', () => path.join(dir, 'nope.txt'), /no such file/],
    ['directory', () => { const d = path.join(dir, 'd.txt'); mkdirSync(d, { recursive: true }); return d; }, /directory/],
    ['empty file', () => { const f = path.join(dir, 'e.txt'); writeFileSync(f, ''); return f; }, /empty/],
    ['whitespace only', () => { const f = path.join(dir, 'w.md'); writeFileSync(f, ' \n\t\n'); return f; }, /whitespace/],
    ['binary content', () => { const f = path.join(dir, 'b.html'); writeFileSync(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3])); return f; }, /binary/],
    ['unknown extension', () => { const f = path.join(dir, 'x.pdf'); writeFileSync(f, 'hello'); return f; }, /unsupported file type/],
    ['huge file', () => { const f = path.join(dir, 'huge.txt'); writeFileSync(f, Buffer.alloc(20 * 1024 * 1024 + 1, 0x61)); return f; }, /too large/],
  ];
  for (const [name, make, msg] of cases) {
    it(`rejects ${name} with a message and exit code 1`, async () => {
      const r = await scan([make(), '--json']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(msg);
      expect(r.out).toBe('');
    });
  }

  it('reports usage errors with exit code 2', async () => {
    expect((await scan([])).code).toBe(2);
    expect((await scan(['a.txt', 'b.txt'])).code).toBe(2);
    expect((await scan(['a.txt', '--yaml'])).err).toMatch(/unknown option/);
  });

  it('works end to end through the bin (npx clausemark scan)', () => {
    const f = path.join(dir, 'bin.txt');
    writeFileSync(f, POLICY);
    const ok = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'clausemark.mjs'), 'scan', f, '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as { text: string }).text).toBe(POLICY);
    const bad = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'clausemark.mjs'), 'scan', path.join(dir, 'missing.md')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/clausemark scan: .*no such file/);
  });
});
