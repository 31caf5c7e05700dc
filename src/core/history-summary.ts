// Structured change summaries: one line per changed clause saying what changed for the user
// ("Now says it may train AI models on your content", "No longer says how long your data is
// kept"), with a severity, from the clause changes alone (history-clauses.ts): the category, the
// clause's stance (a `good` clause protects the user, any other is a concern), whether it was
// added, removed, reworded or re-rated, and a key phrase quoted from the clause itself. Nothing is
// invented: the wording of a line is the category's fixed phrase (taxonomy.ts `says`), and the
// only text taken from the policy is the quote. Pure; the UI turns a line into a sentence in the
// user's language (lib/change-text.ts). Documented in docs/history.md.
import { clauseChanges, type ClauseChanges, type ClauseLike } from './history-clauses';
import { myers } from './history-diff';
import { getCategory } from './taxonomy';
import { SEVERITY_RANK, type Severity } from './types';
import type { ChangeKind, ChangeLine, Stance } from './change-line';
import { normalizeForMatch, segment } from './text';
import { tokens } from './detect-features';
import { matchingRules, RULES } from './rules';

export type { ChangeKind, ChangeLine, Stance };

/** Categories whose clauses inform rather than take something from the user (how long data is
 * kept, which rights you have, …): a statement of these that goes is information lost, not a
 * concern lifted. */
const DISCLOSURES = new Set(['retention', 'user-rights', 'security', 'data-collection', 'childrens-data', 'transparency', 'payments', 'jurisdiction', 'choice-of-law']);

export const PHRASE_WORDS = 14;

const stanceOf = (s: string): Stance => (s === 'good' ? 'protective' : 'concern');
const sev = (s: string): Severity => (s === 'high' || s === 'medium' || s === 'low' || s === 'good' ? s : 'medium');
const concernOf = (category: string): Severity => {
  const d = getCategory(category)?.defaultSeverity;
  return d && d !== 'good' ? d : 'low';
};

function words(s: string): string[] {
  return s.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
}

/** At most `max` words, with "…" where the clause goes on. */
function clip(list: readonly string[], max = PHRASE_WORDS): string {
  const cut = list.slice(0, max).join(' ');
  return list.length > max ? `${cut.replace(/[,;:]$/, '')}…` : cut;
}

const MARKER = /^(?:[•*\-–—]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)])\s+/i;
const ABBREV = /(?:\b(?:e\.g|i\.e|etc|incl|approx|no|vs|cf)|\b\p{L})\.$/iu;

/** The clause's first sentence (its opening words when the sentence is long), without a list or
 * section marker ("4.", "(b)") and not cut at an abbreviation ("e.g."). */
export function leadPhrase(excerpt: string): string {
  let text = excerpt.replace(/\s+/g, ' ').trim();
  while (MARKER.test(text)) text = text.replace(MARKER, '');
  let end = -1;
  for (const m of text.matchAll(/[.!?](?=\s|$)/g)) {
    if (ABBREV.test(text.slice(0, (m.index ?? 0) + 1))) continue;
    end = m.index ?? -1;
    break;
  }
  return clip(words(end >= 0 ? text.slice(0, end + 1) : text));
}

/** The longest run of words the new wording has and the old did not (or the reverse, when words
 * were only dropped): the words a reader should look at. `known` tells whether the other version
 * has a passage word for word: a sentence of a run that it has only joined the clause's span (the
 * detector drew it wider), it is not new text, and is not quoted. */
export function rewordPhrase(before: string, after: string, known?: { before?: (s: string) => boolean; after?: (s: string) => boolean }): { phrase: string; from: 'after' | 'before' } {
  const a = words(before);
  const b = words(after);
  const norm = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const ids = new Map<string, number>();
  const id = (w: string) => {
    const k = norm(w);
    let v = ids.get(k);
    if (v === undefined) ids.set(k, (v = ids.size));
    return v;
  };
  const ia = a.map(id);
  const ib = b.map(id);
  const edits = myers(ia, ib, 2000);
  if (!edits) return { phrase: leadPhrase(after), from: 'after' };
  const best = { added: [] as string[], removed: [] as string[] };
  let run: string[] = [];
  let kind: 'added' | 'removed' | null = null;
  const size = (r: string[]) => r.filter((w) => norm(w)).length;
  const close = () => {
    if (kind) {
      const other = kind === 'added' ? known?.before : known?.after;
      // Cut the run at sentence ends; a sentence the other version has is not a change.
      const pieces: string[][] = [[]];
      for (const w of run) {
        (pieces[pieces.length - 1] as string[]).push(w);
        if (/[.!?]["'”’)]*$/.test(w)) pieces.push([]);
      }
      for (const piece of other ? pieces.filter((x) => size(x) && !(size(x) >= 3 && other(x.join(' ')))) : [run]) {
        if (size(piece) > size(best[kind])) best[kind] = piece;
      }
    }
    run = [];
    kind = null;
  };
  for (const e of edits) {
    if (e.kind === 'equal') {
      close();
      continue;
    }
    if (kind !== e.kind) close();
    kind = e.kind;
    run.push(e.kind === 'added' ? (b[e.b] as string) : (a[e.a] as string));
  }
  close();
  // A run of a word or two ("the", "agree to", "2.") says nothing to a reader: quote the clause.
  const telling = (run: string[]) => run.filter((w) => /\p{L}{3,}/u.test(w)).length >= 2;
  if (telling(best.added)) return { phrase: clip(best.added), from: 'after' };
  if (telling(best.removed)) return { phrase: clip(best.removed), from: 'before' };
  return { phrase: leadPhrase(after), from: 'after' };
}

interface Draft extends Omit<ChangeLine, 'count'> {
  count?: number;
}

const topic = (c: ClauseLike) => `${c.category}\u0000${stanceOf(c.severity)}`;

type Echoes = ((excerpt: string) => boolean) | undefined;

function addedLine(c: ClauseLike, before: ReadonlySet<string>, echoedBefore: Echoes): Draft {
  const stance = stanceOf(c.severity);
  return { kind: before.has(topic(c)) || echoedBefore?.(c.excerpt) ? 'more' : 'added', category: c.category, stance, severity: stance === 'protective' ? 'good' : sev(c.severity), phrase: leadPhrase(c.excerpt), clauseId: c.id };
}

function removedLine(c: ClauseLike, after: ReadonlySet<string>, echoedAfter: Echoes): Draft {
  const stance = stanceOf(c.severity);
  // The document still says this elsewhere: less of it, which is worth a look, not a verdict.
  if (after.has(topic(c)) || echoedAfter?.(c.excerpt)) return { kind: 'less', category: c.category, stance, severity: 'low', phrase: leadPhrase(c.excerpt), clauseId: c.id };
  // A protection that goes is a concern of the category's weight; a concern that goes is in the
  // user's favour, unless it was information (a retention period, a right), whose loss is minor.
  const severity: Severity = stance === 'protective' ? concernOf(c.category) : DISCLOSURES.has(c.category) ? 'low' : 'good';
  return { kind: 'removed', category: c.category, stance, severity, phrase: leadPhrase(c.excerpt), clauseId: c.id };
}

function changedLine(before: ClauseLike, after: ClauseLike, says?: { before: VersionSays; after: VersionSays }): Draft {
  const stance = stanceOf(after.severity);
  const rb = SEVERITY_RANK[sev(before.severity)];
  const ra = SEVERITY_RANK[sev(after.severity)];
  const { phrase } = rewordPhrase(before.excerpt, after.excerpt, says && { before: (x) => !!says.before.verbatim?.(x), after: (x) => !!says.after.verbatim?.(x) });
  // Lower rank is more severe (high 0 … good 3).
  if (ra < rb) return { kind: 'stronger', category: after.category, stance, severity: sev(after.severity), phrase, clauseId: after.id };
  if (ra > rb) return { kind: 'milder', category: after.category, stance, severity: 'good', phrase, clauseId: after.id };
  return { kind: 'reworded', category: after.category, stance, severity: 'low', phrase, clauseId: after.id };
}

const KIND_ORDER: Record<ChangeKind, number> = { added: 0, stronger: 1, more: 2, removed: 3, less: 4, milder: 5, reworded: 6 };

/** What a whole version says, to check "now says" and "no longer says" against: the category and
 * stance of its clauses and of the concerns its sentences state in a rule's wording, and whether it
 * has a passage much like a given clause (`echoes`). */
export interface VersionSays {
  topics: ReadonlySet<string>;
  echoes?(excerpt: string): boolean;
  /** Whether the version has the clause's text word for word (spacing, case and quotes aside). */
  verbatim?(excerpt: string): boolean;
  /** The version's passage that is the clause's text with a few words changed, if there is one. */
  reworded?(excerpt: string): string | undefined;
}

/** The concerns a text states in a rule's canonical wording ("resolve disputes through
 * arbitration"), as `category\u0000concern`: what the detector may have left to another category
 * of the same sentence is still said there. */
export function statedConcerns(text: string): Set<string> {
  return textSays(text).topics as Set<string>;
}

/** Everything `VersionSays` needs from a text, in one segmentation. */
export function textSays(text: string): VersionSays {
  const sentences = segment(text).sentences.map((s) => text.slice(s.start, s.end));
  const topics = new Set<string>();
  for (const raw of sentences) for (const t of ruleConcerns(raw)) topics.add(t);
  const whole = normalizeForMatch(text);
  return { topics, echoes: passageIndex(sentences), verbatim: (excerpt) => whole.includes(normalizeForMatch(excerpt)), reworded: rewordedIn(sentences.flatMap((x) => x.split(/\n+/).filter((line) => line.trim()))) };
}

/** `category\u0000concern` of each rule that matches a sentence. */
export function ruleConcerns(sentence: string): string[] {
  const norm = normalizeForMatch(sentence);
  const out: string[] = [];
  for (const i of matchingRules(norm, tokens(norm))) {
    const rule = RULES[i];
    if (rule && rule.severity !== 'good') out.push(`${rule.category}\u0000concern`);
  }
  return out;
}

const STOP = new Set(
  'this that with your from have will which their these those been such also other into only more than when where what about they them there then were would could should shall must upon each some very over under after before within without including include may our ours you'.split(' '),
);
const ECHO_WINDOW = 5;
const ECHO_SHARE = 0.7;
const ECHO_MIN_WORDS = 5;

function contentWords(s: string): string[] {
  return [...new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4 && !STOP.has(w)))];
}

/** Whether the text has, within ECHO_WINDOW consecutive sentences, most (ECHO_SHARE) of a clause's
 * content words: the same passage in other words or split differently ("you grant us permission
 * to: … The license is limited, worldwide, non-exclusive, and royalty-free"), which a detector may
 * have missed. Such a clause is not new (or gone): it is said more (or less). */
export function passageIndex(sentences: readonly string[]): (excerpt: string) => boolean {
  const where = new Map<string, number[]>();
  sentences.forEach((raw, i) => {
    for (const w of contentWords(raw)) {
      const list = where.get(w);
      if (list) list.push(i);
      else where.set(w, [i]);
    }
  });
  return (excerpt) => {
    const words = contentWords(excerpt);
    if (words.length < ECHO_MIN_WORDS) return false;
    const need = Math.ceil(ECHO_SHARE * words.length);
    const hits = new Map<number, number>();
    for (const w of words) {
      const starts = new Set<number>();
      for (const i of where.get(w) ?? []) for (let s = Math.max(0, i - ECHO_WINDOW + 1); s <= i; s++) starts.add(s);
      for (const st of starts) {
        const n = (hits.get(st) ?? 0) + 1;
        if (n >= need) return true;
        hits.set(st, n);
      }
    }
    return false;
  };
}

/** Of the smaller passage's content words, this share must be in the other… */
const REWORD_SMALL = 0.85;
/** …and of the larger one's, this share (a few words added to a sentence). */
const REWORD_LARGE = 0.7;
const NEGATION = /\b(not|never|no|none|nor|without|cannot)\b|n't\b/g;
const negations = (s: string): string => (normalizeForMatch(s).match(NEGATION) ?? []).sort().join(' ');

/** The run of sentences (as many as the clause has) that shares nearly all of the content words of
 * the smaller of the two and most of the larger's and says it with the same negations: the same sentence with a few words
 * added or changed ("They will have access to your information (e.g., the contents of a customer
 * support request) as reasonably necessary…"), which a detector may take on one side and not on the
 * other. A negation added or dropped is a change of meaning, never a rewording. */
export function rewordedIn(sentences: readonly string[]): (excerpt: string) => string | undefined {
  const bags = sentences.map((raw) => contentWords(raw));
  const where = new Map<string, number[]>();
  bags.forEach((words, i) => {
    for (const w of words) {
      const list = where.get(w);
      if (list) list.push(i);
      else where.set(w, [i]);
    }
  });
  return (excerpt) => {
    const mine = new Set(contentWords(excerpt));
    if (mine.size < ECHO_MIN_WORDS) return undefined;
    const k = Math.max(1, segment(excerpt).sentences.length);
    // Only runs holding REWORD_LARGE of the clause's words can qualify (both ≥ REWORD_LARGE × the
    // larger bag ≥ REWORD_LARGE × the clause's): find them through the words, not by scanning.
    const hits = new Map<number, number>();
    for (const w of mine) {
      const starts = new Set<number>();
      for (const i of where.get(w) ?? []) for (let st = Math.max(0, i - k + 1); st <= i && st + k <= sentences.length; st++) starts.add(st);
      for (const st of starts) hits.set(st, (hits.get(st) ?? 0) + 1);
    }
    const neg = negations(excerpt);
    const need = REWORD_LARGE * mine.size;
    for (const st of [...hits.keys()].sort((a, b) => a - b)) {
      if ((hits.get(st) as number) < need) continue;
      const theirs = new Set(bags.slice(st, st + k).flat());
      let both = 0;
      for (const w of mine) if (theirs.has(w)) both++;
      if (both < REWORD_SMALL * Math.min(mine.size, theirs.size) || both < REWORD_LARGE * Math.max(mine.size, theirs.size)) continue;
      const passage = sentences.slice(st, st + k).join(' ');
      if (negations(passage) === neg) return passage;
    }
    return undefined;
  };
}

/** The summary of a change from one version's clauses to the next's. With the two texts, a clause
 * is only said to be new (or gone) when the other text does not state it either, in a rule's
 * wording or in a passage much like it: "no longer says" must never rest on a clause the detector
 * missed. */
export function summariseVersions(before: readonly ClauseLike[], after: readonly ClauseLike[], texts?: { before: string; after: string }): ChangeLine[] {
  return summariseChanges(clauseChanges(before, after), before, after, texts && { before: textSays(texts.before), after: textSays(texts.after) });
}

/** One line per changed clause, the same kind, category and stance said once (with a count), most
 * severe first; in the user's favour last. `before` and `after` are the two versions' whole
 * clause lists: "no longer says" is only said of what the new version says nowhere. */
export function summariseChanges(
  changes: ClauseChanges,
  before: readonly ClauseLike[],
  after: readonly ClauseLike[],
  says?: { before: VersionSays; after: VersionSays },
): ChangeLine[] {
  const had = new Set([...before.map(topic), ...(says?.before.topics ?? [])]);
  const has = new Set([...after.map(topic), ...(says?.after.topics ?? [])]);
  // A clause whose text the other version has word for word did not change: the detector took it
  // in one version and not in the other (its context moved a borderline score), the text did not.
  // One that the other version has with a few words changed is a rewording of it.
  // A matched pair whose two texts each version has word for word did not change either: the
  // detector drew its span wider or rated it differently in one version (LinkedIn 2024: a
  // neighbouring sentence, the same in both, joined the span).
  const unchanged = ({ before: b, after: a }: { before: ClauseLike; after: ClauseLike }): boolean => !!(says?.before.verbatim?.(a.excerpt) && says.after.verbatim?.(b.excerpt));
  const drafts: Draft[] = [...changes.changed.filter((p) => !unchanged(p)).map(({ before: b, after: a }) => changedLine(b, a, says))];
  for (const c of changes.added) {
    if (says?.before.verbatim?.(c.excerpt)) continue;
    const was = says?.before.reworded?.(c.excerpt);
    drafts.push(was ? changedLine({ ...c, excerpt: was }, c, says) : addedLine(c, had, says?.before.echoes));
  }
  for (const c of changes.removed) {
    if (says?.after.verbatim?.(c.excerpt)) continue;
    const now = says?.after.reworded?.(c.excerpt);
    drafts.push(now ? changedLine(c, { ...c, excerpt: now }, says) : removedLine(c, has, says?.after.echoes));
  }
  const byKey = new Map<string, ChangeLine>();
  for (const d of drafts) {
    const key = `${d.kind}\u0000${d.category}\u0000${d.stance}`;
    const have = byKey.get(key);
    if (!have) {
      byKey.set(key, { ...d, count: 1 });
      continue;
    }
    have.count++;
    // The most severe clause speaks for the group.
    if (SEVERITY_RANK[d.severity] < SEVERITY_RANK[have.severity]) Object.assign(have, { severity: d.severity, phrase: d.phrase, clauseId: d.clauseId });
  }
  return [...byKey.values()].sort(
    (x, y) => SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] || KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || (x.category < y.category ? -1 : x.category > y.category ? 1 : 0),
  );
}

/** The English sentence of a line (the CLI, the report, and tests; the UI says it in the user's
 * language through the same taxonomy phrases). */
export function changeSentence(line: Pick<ChangeLine, 'kind' | 'category' | 'stance'>): string {
  const says = getCategory(line.category)?.says;
  const what = says ? (line.stance === 'protective' ? says.good : says.concern) : line.category;
  switch (line.kind) {
    case 'added':
      return `Now says ${what}`;
    case 'removed':
      return `No longer says ${what}`;
    case 'more':
      return `Adds to where it says ${what}`;
    case 'less':
      return `Cuts from where it says ${what}`;
    case 'stronger':
      return `Says ${what}, in stronger terms`;
    case 'milder':
      return `Says ${what}, in milder terms`;
    default:
      return `Rewords where it says ${what}`;
  }
}
