// What changed between two stored versions, word by word: a Myers diff that stays fast on
// 100k-word texts (sentences first, words inside the changed sentences), a semantic cleanup,
// and folding of long unchanged stretches for display. Cosmetic blocks (history-text.ts) are
// counted, never reported. Pure. Documented in docs/history.md.

import { segment } from './text';
import { blockKind, wordCount, type BlockKind } from './history-text';

// ---- Myers diff over integer sequences -----------------------------------------------------------

export type EditKind = 'equal' | 'added' | 'removed';
interface Edit {
  kind: EditKind;
  /** Index into a (equal, removed) or b (added). */
  a: number;
  b: number;
}

/** Shortest edit script between a and b (Myers 1986), or null when it needs more than maxD
 * edits: the caller then falls back to a coarser answer instead of spending quadratic time. */
export function myers(a: ArrayLike<number>, b: ArrayLike<number>, maxD: number): Edit[] | null {
  const n = a.length;
  const m = b.length;
  let pre = 0;
  while (pre < n && pre < m && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < n - pre && suf < m - pre && a[n - 1 - suf] === b[m - 1 - suf]) suf++;
  const N = n - pre - suf;
  const M = m - pre - suf;
  const edits: Edit[] = [];
  for (let i = 0; i < pre; i++) edits.push({ kind: 'equal', a: i, b: i });
  const mid: Edit[] = [];
  if (N === 0) for (let j = 0; j < M; j++) mid.push({ kind: 'added', a: pre, b: pre + j });
  else if (M === 0) for (let i = 0; i < N; i++) mid.push({ kind: 'removed', a: pre + i, b: pre });
  else {
    const max = Math.min(N + M, maxD);
    const off = max + 1;
    const v = new Int32Array(2 * max + 3);
    const trace: Int32Array[] = [];
    let found = -1;
    outer: for (let d = 0; d <= max; d++) {
      trace.push(v.slice(off - d - 1, off + d + 2));
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && (v[off + k - 1] as number) < (v[off + k + 1] as number)) ? (v[off + k + 1] as number) : (v[off + k - 1] as number) + 1;
        let y = x - k;
        while (x < N && y < M && a[pre + x] === b[pre + y]) {
          x++;
          y++;
        }
        v[off + k] = x;
        if (x >= N && y >= M) {
          found = d;
          break outer;
        }
      }
    }
    if (found < 0) return null;
    // Walk back through the saved frontiers.
    let x = N;
    let y = M;
    const rev: Edit[] = [];
    for (let d = found; d > 0; d--) {
      const t = trace[d] as Int32Array; // frontier before step d, covering k in [-d-1, d+1]
      const at = (k: number) => t[k + d + 1] as number;
      const k = x - y;
      const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
      const pk = down ? k + 1 : k - 1;
      const px = at(pk);
      const py = px - pk;
      while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) {
        x--;
        y--;
        rev.push({ kind: 'equal', a: pre + x, b: pre + y });
      }
      if (down) {
        y--;
        rev.push({ kind: 'added', a: pre + x, b: pre + y });
      } else {
        x--;
        rev.push({ kind: 'removed', a: pre + x, b: pre + y });
      }
    }
    while (x > 0 && y > 0) {
      x--;
      y--;
      rev.push({ kind: 'equal', a: pre + x, b: pre + y });
    }
    for (let i = rev.length - 1; i >= 0; i--) mid.push(rev[i] as Edit);
  }
  edits.push(...mid);
  for (let i = 0; i < suf; i++) edits.push({ kind: 'equal', a: n - suf + i, b: m - suf + i });
  return edits;
}

// ---- Text diff ---------------------------------------------------------------------------------

export interface DiffOp {
  kind: EditKind;
  /** The words, with their separators: " " between words, "\n" where a block starts. */
  text: string;
}

export interface TextDiff {
  ops: DiffOp[];
  wordsAdded: number;
  wordsRemoved: number;
  /** Blocks that differ only cosmetically (date lines, cookie banners): not reported. */
  cosmeticBlocks: number;
  /** True when the significant text changed: this is what makes a "change". */
  significant: boolean;
  /** A changed stretch was too large for a word-level diff and is shown as whole sentences. */
  coarse: boolean;
}

interface Unit {
  key: string;
  text: string;
  kind: BlockKind;
  blockStart: boolean;
  /** Continues the previous unit with no space between (a token longer than the sentence cap). */
  glued?: boolean;
}

const SENTENCE_MAX_D = 4000;
const WORD_MAX_D = 1500;
const WORD_HUNK_MAX = 40_000;

function units(stored: string): Unit[] {
  const out: Unit[] = [];
  for (const line of stored.split('\n')) {
    const block = line.replace(/\s+/g, ' ').trim();
    if (!block) continue;
    const kind = blockKind(block);
    if (kind !== 'content') {
      // The whole cosmetic block is one unit whose key ignores its text.
      out.push({ key: kind === 'date' ? '\u0000date' : '\u0000banner', text: block, kind, blockStart: true });
      continue;
    }
    const model = segment(block);
    let first = true;
    let last = 0;
    for (let i = 0; i < model.sentences.length; i++) {
      const s = model.sentences[i] as { start: number; end: number };
      const end = i + 1 < model.sentences.length ? (model.sentences[i + 1] as { start: number }).start : block.length;
      const from = Math.min(last, s.start);
      const text = block.slice(from, end).trim();
      last = end;
      if (!text) continue;
      const glued = !first && from > 0 && !/\s/.test(block[from - 1] as string) && !/^\s/.test(block.slice(from, end));
      out.push({ key: text, text, kind, blockStart: first, glued });
      first = false;
    }
    if (first) out.push({ key: block, text: block, kind, blockStart: true });
  }
  return out;
}

class Interner {
  private ids = new Map<string, number>();
  id(s: string): number {
    let v = this.ids.get(s);
    if (v === undefined) this.ids.set(s, (v = this.ids.size));
    return v;
  }
}

interface Word {
  w: string;
  sep: string;
  /** Part of a date line or banner: a cosmetic block that appears or goes is shown as it now
   * is (added) or not at all (removed), and never counted as a change. */
  cos: boolean;
}

function wordsOf(list: readonly Unit[], startOfDoc: boolean): Word[] {
  const out: Word[] = [];
  list.forEach((u, i) => {
    u.text.split(' ').forEach((w, j) => {
      if (!w) return;
      const sep = j === 0 ? (u.blockStart ? (startOfDoc && i === 0 ? '' : '\n') : u.glued ? '' : ' ') : ' ';
      out.push({ w, sep, cos: u.kind !== 'content' });
    });
  });
  return out;
}

class OpBuilder {
  ops: DiffOp[] = [];
  push(kind: EditKind, text: string): void {
    if (!text) return;
    const last = this.ops[this.ops.length - 1];
    if (last && last.kind === kind) last.text += text;
    else this.ops.push({ kind, text });
  }
}


/** Word-level diff of two stored versions: sentences first (Myers on interned sentences), then
 * words inside each changed stretch, so the cost follows the size of the change, not the text. */
export function diffVersions(oldStored: string, newStored: string): TextDiff {
  const ua = units(oldStored);
  const ub = units(newStored);
  const intern = new Interner();
  const ka = Int32Array.from(ua, (u) => intern.id(u.key));
  const kb = Int32Array.from(ub, (u) => intern.id(u.key));
  let edits = myers(ka, kb, SENTENCE_MAX_D);
  let coarse = false;
  if (!edits) {
    coarse = true;
    edits = [...ua.map((_, i) => ({ kind: 'removed' as const, a: i, b: 0 })), ...ub.map((_, j) => ({ kind: 'added' as const, a: 0, b: j }))];
  }
  const out = new OpBuilder();
  let cosmeticBlocks = 0;
  let wordsAdded = 0;
  let wordsRemoved = 0;
  let i = 0;
  while (i < edits.length) {
    const e = edits[i] as Edit;
    if (e.kind === 'equal') {
      const u = ub[e.b] as Unit;
      const before = ua[e.a] as Unit;
      if (u.kind !== 'content' && u.text !== before.text) cosmeticBlocks++;
      out.push('equal', (u.blockStart ? (out.ops.length === 0 ? '' : '\n') : u.glued ? '' : ' ') + u.text);
      i++;
      continue;
    }
    // A changed stretch: every removed and added unit up to the next equal one.
    const removed: Unit[] = [];
    const added: Unit[] = [];
    while (i < edits.length && (edits[i] as Edit).kind !== 'equal') {
      const x = edits[i] as Edit;
      if (x.kind === 'removed') removed.push(ua[x.a] as Unit);
      else added.push(ub[x.b] as Unit);
      i++;
    }
    // Only the very start of the output goes without a separator.
    const atStart = out.ops.length === 0;
    const wa = wordsOf(removed, atStart);
    const wb = wordsOf(added, atStart);
    cosmeticBlocks += removed.filter((u) => u.kind !== 'content').length + added.filter((u) => u.kind !== 'content').length;
    const r = wa.length + wb.length <= WORD_HUNK_MAX ? wordDiff(wa, wb, out) : null;
    if (r) {
      wordsAdded += r.added;
      wordsRemoved += r.removed;
    } else {
      coarse = true;
      for (const w of wa) {
        if (w.cos) continue;
        out.push('removed', w.sep + w.w);
        wordsRemoved++;
      }
      for (const w of wb) {
        out.push(w.cos ? 'equal' : 'added', w.sep + w.w);
        if (!w.cos) wordsAdded++;
      }
    }
  }
  return { ops: cleanupSemantic(out.ops), wordsAdded, wordsRemoved, cosmeticBlocks, significant: wordsAdded + wordsRemoved > 0, coarse };
}

type Group = { eq: string } | { rem: string; add: string };

/** Readability (after diff-match-patch's semantic cleanup): an unchanged stretch no longer than
 * the changes on both sides of it ("you", "or the") is folded into them, so a rewritten passage
 * reads as old text then new text instead of confetti. Word counts are kept from the raw diff. */
export function cleanupSemantic(ops: readonly DiffOp[]): DiffOp[] {
  const groups: Group[] = [];
  for (const op of ops) {
    const last = groups[groups.length - 1];
    if (op.kind === 'equal') {
      if (last && 'eq' in last) last.eq += op.text;
      else groups.push({ eq: op.text });
    } else {
      const g = last && 'rem' in last ? last : (groups.push({ rem: '', add: '' }), groups[groups.length - 1] as { rem: string; add: string });
      if (op.kind === 'removed') g.rem += op.text;
      else g.add += op.text;
    }
  }
  const size = (g: { rem: string; add: string }) => Math.max(wordCount(g.rem), wordCount(g.add));
  // One stack pass per round (linear); a merge can enable another, so repeat until stable.
  let list = groups;
  for (let round = 0; round < 8; round++) {
    const stack: Group[] = [];
    let merged = false;
    for (const g of list) {
      let cur = g;
      for (;;) {
        const eq = stack[stack.length - 1];
        const prev = stack[stack.length - 2];
        if (!('rem' in cur) || !eq || !('eq' in eq) || !prev || !('rem' in prev)) break;
        const n = wordCount(eq.eq);
        if (n > size(prev) || n > size(cur)) break;
        stack.length -= 2;
        cur = { rem: prev.rem + eq.eq + cur.rem, add: prev.add + eq.eq + cur.add };
        merged = true;
      }
      stack.push(cur);
    }
    list = stack;
    if (!merged) break;
  }
  const out: DiffOp[] = [];
  for (const g of list) {
    if ('eq' in g) out.push({ kind: 'equal', text: g.eq });
    else {
      if (g.rem) out.push({ kind: 'removed', text: g.rem });
      if (g.add) out.push({ kind: 'added', text: g.add });
    }
  }
  return out;
}

function wordDiff(wa: Word[], wb: Word[], out: OpBuilder): { added: number; removed: number } | null {
  const intern = new Interner();
  const ia = Int32Array.from(wa, (w) => intern.id(w.w));
  const ib = Int32Array.from(wb, (w) => intern.id(w.w));
  const edits = myers(ia, ib, WORD_MAX_D);
  if (!edits) return null;
  let added = 0;
  let removed = 0;
  for (const e of edits) {
    if (e.kind === 'equal') {
      // The new side's separator, unless it has none only because the word now starts the text
      // while removed words still precede it on the old side.
      const wn = wb[e.b] as Word;
      const sep = wn.sep !== '' || out.ops.length === 0 ? wn.sep : (wa[e.a] as Word).sep;
      out.push('equal', sep + wn.w);
    }
    else if (e.kind === 'removed') {
      const w = wa[e.a] as Word;
      if (w.cos) continue;
      removed++;
      out.push('removed', w.sep + w.w);
    } else {
      const w = wb[e.b] as Word;
      if (w.cos) {
        out.push('equal', w.sep + w.w);
        continue;
      }
      added++;
      out.push('added', w.sep + w.w);
    }
  }
  return { added, removed };
}

// ---- Folding long unchanged stretches ----------------------------------------------------------

export type ShownOp = DiffOp | { kind: 'fold'; words: number };

/** Keeps `context` words around each change and folds the rest of every unchanged stretch into
 * a count, so a two-word change in a 100k-word policy is a few lines to read. */
export function foldDiff(ops: readonly DiffOp[], context = 30): ShownOp[] {
  const out: ShownOp[] = [];
  ops.forEach((op, idx) => {
    if (op.kind !== 'equal') {
      out.push(op);
      return;
    }
    const tokens = op.text.match(/\s*\S+/g) ?? [];
    const keepHead = idx > 0 ? context : 0;
    const keepTail = idx < ops.length - 1 ? context : 0;
    if (tokens.length <= keepHead + keepTail + 10) {
      out.push(op);
      return;
    }
    if (keepHead) out.push({ kind: 'equal', text: tokens.slice(0, keepHead).join('') });
    out.push({ kind: 'fold', words: tokens.length - keepHead - keepTail });
    if (keepTail) out.push({ kind: 'equal', text: tokens.slice(tokens.length - keepTail).join('') });
  });
  return out;
}
