// Medians of the runs, the targets, and the machine they were measured on, as a markdown table.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { findChromium } from '../lib/chromium';

export function median(xs: readonly (number | null | undefined)[]): number | null {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? (v[m] as number) : ((v[m - 1] as number) + (v[m] as number)) / 2;
}

export interface Row {
  metric: string;
  value: number | null;
  unit: 'ms' | 'KB' | 'MB' | '×' | '';
  /** The same figure for the floor, measured in the same run (same unit). */
  floor?: number | null;
  /** Target as text, and whether the value meets it (null: no target). */
  target?: string;
  ok?: boolean | null;
  note?: string;
}

const fmt = (v: number | null, unit: Row['unit']) => {
  if (v === null) return '—';
  const digits = unit === '×' ? 2 : unit === 'MB' ? 1 : v < 10 ? 2 : v < 100 ? 1 : 0;
  return `${v.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
};

export function table(rows: readonly Row[]): string {
  const lines = ['| figure | median | floor | target | |', '|---|---:|---:|---|---|'];
  for (const r of rows) {
    const mark = r.ok === undefined || r.ok === null ? (r.target ? 'no figure' : '') : r.ok ? 'met' : '**missed**';
    const floor = r.floor === undefined ? '' : fmt(r.floor, r.unit);
    lines.push(`| ${r.metric}${r.note ? ` <br><sub>${r.note}</sub>` : ''} | ${fmt(r.value, r.unit)} | ${floor} | ${r.target ?? ''} | ${mark} |`);
  }
  return lines.join('\n');
}

export function machine(loadBefore: number[], loadAfter: number[]): string {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // keep unknown
  }
  const cpu = os.cpus();
  return [
    `- CPU: ${cpu.length} × ${cpu[0]?.model ?? 'unknown'}`,
    `- memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- ${chromium}, headless, --disable-gpu; Node ${process.version}; ${os.type()} ${os.release()}`,
    `- load average (1 min) before / after: ${loadBefore[0]?.toFixed(2)} / ${loadAfter[0]?.toFixed(2)} (other work was running on the machine)`,
  ].join('\n');
}
