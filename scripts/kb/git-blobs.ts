// Version texts from the OTA git bundles. A bundle is cloned bare once into .cache/ (stamped with
// the bundle's size and heads, so a new bundle is re-cloned), then blobs are read by id through
// one long-running `git cat-file --batch` per collection: one process instead of thousands.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const STAMP = 'clausemark-bundle.json';

function git(args: string[], cwd?: string): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return { ok: false, out: '', err: r.error.message };
  return { ok: r.status === 0, out: r.stdout ?? '', err: (r.stderr ?? '').trim() };
}

/**
 * A bare clone of `bundle` at `dir`, made if missing or stale. Returns the reason on failure
 * (no git, unreadable bundle, read-only cache…): the caller then goes without summaries.
 */
export function ensureBareClone(bundle: string, dir: string): { ok: true } | { ok: false; reason: string } {
  if (!existsSync(bundle)) return { ok: false, reason: `${bundle} not found` };
  const heads = git(['bundle', 'list-heads', bundle]);
  if (!heads.ok) return { ok: false, reason: `git cannot read ${path.basename(bundle)}: ${heads.err || 'git not available'}` };
  const stamp = JSON.stringify({ size: statSync(bundle).size, heads: heads.out.trim() });
  try {
    if (existsSync(path.join(dir, STAMP)) && readFileSync(path.join(dir, STAMP), 'utf8') === stamp) return { ok: true };
    // Clone beside the target and rename: a build stopped half-way never leaves a half clone.
    mkdirSync(path.dirname(dir), { recursive: true });
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    const clone = git(['clone', '--bare', '-q', bundle, tmp]);
    if (!clone.ok) {
      rmSync(tmp, { recursive: true, force: true });
      return { ok: false, reason: `git clone of ${path.basename(bundle)} failed: ${clone.err}` };
    }
    writeFileSync(path.join(tmp, STAMP), stamp);
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: `cannot create the bundle cache ${dir}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

interface Pending {
  oid: string;
  resolve(text: string | null): void;
  reject(err: Error): void;
}

/** Reads blobs by id from a git repository; requests are answered in order. */
export class BlobReader {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  private chunks: Buffer[] = [];
  private buffered = 0;
  private failure: Error | null = null;

  constructor(gitDir: string) {
    this.proc = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (d: Buffer) => {
      this.chunks.push(d);
      this.buffered += d.length;
      this.drain();
    });
    let stderr = '';
    this.proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const fail = (err: Error) => {
      this.failure ??= err;
      for (const p of this.pending.splice(0)) p.reject(this.failure);
    };
    this.proc.on('error', fail);
    this.proc.on('exit', (code) => {
      if (this.pending.length > 0) fail(new Error(`git cat-file exited (${code ?? 'signal'}): ${stderr.trim()}`));
    });
  }

  /** The blob's text (UTF-8), or null when the repository does not have it. */
  read(oid: string): Promise<string | null> {
    if (!/^[0-9a-f]{40}$/.test(oid)) return Promise.resolve(null);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ oid, resolve, reject });
      this.proc.stdin.write(`${oid}\n`);
    });
  }

  /** Bytes the head of the queue needs before it can be answered (0: header not read yet). */
  private need = 0;

  private drain(): void {
    for (;;) {
      const head = this.pending[0];
      if (!head || this.buffered === 0 || this.buffered < this.need) return;
      // Join the chunks only once the whole answer is here: a large blob arrives in many.
      const buf = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.buffered);
      this.chunks = [buf];
      const nl = buf.indexOf(10);
      if (nl < 0) return;
      const parts = buf.toString('latin1', 0, nl).split(' ');
      let used: number;
      let text: string | null;
      if (parts[1] === 'missing' || parts.length !== 3) {
        used = nl + 1;
        text = null;
      } else {
        const size = Number(parts[2]);
        used = nl + 1 + size + 1;
        if (buf.length < used) {
          this.need = used;
          return;
        }
        text = parts[1] === 'blob' ? buf.toString('utf8', nl + 1, nl + 1 + size) : null;
      }
      this.need = 0;
      const rest = buf.subarray(used);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
      this.pending.shift();
      head.resolve(text);
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) return resolve();
      this.proc.once('exit', () => resolve());
      this.proc.stdin.end();
    });
  }
}
