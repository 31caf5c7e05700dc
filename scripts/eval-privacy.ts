// Privacy part of `npm run eval`: the learned privacy topic + stance models on Clausemark's own
// labelled privacy set (docs/labelling.md). Three measures, each per category and overall:
//  - flags: every highlight the detector makes is judged against the labels as a reader would —
//    right topic (a sentence of the span carries the category) and right stance (good ↔ the
//    labellers' "protective"); precision overall and for high-severity flags; stance errors;
//  - paragraphs: a (paragraph, category) is gold when one of its sentences carries the category,
//    found when a highlight of that category overlaps it (the shape of the independent measure);
//  - labeller agreement (Cohen's kappa) on the doubly labelled subset.
// Protocol: company-grouped 5-fold CV on the training services, and the held-out services
// (never trained or tuned on) scored with a model trained on all training services.

import { detectClauses } from '../src/core/detect';
import { loadPrivacyModel, type LoadedPrivacyModel } from '../src/core/detect-privacy';
import { shippedModel } from '../src/core/detect-model';
import type { FoundClause } from '../src/core/types';
import type { SentenceLabels } from './label/format';
import { groupFolds } from './train/pipeline';
import { CATS, loadPrivacySet, PRIVACY_OPTIONS, privacyFile, shown, trainPrivacy, wave4Training, WAVE4_DIR, type LabelledDoc, type PrivacyOptions } from './train/privacy';

/** The categories of the independent paragraph-level measure (issue 13). */
export const MEASURED = ['data-sharing', 'tracking', 'marketing', 'targeted-advertising', 'childrens-data', 'government-access',
  'unilateral-change', 'user-rights', 'international-transfer', 'retention', 'security', 'sensitive-data'];

interface Acc {
  flags: number; right: number; wrongTopic: number; wrongStance: number; high: number; highRight: number;
  goldSent: number; foundSent: number; paraGold: number; paraPred: number; paraTp: number;
}
const zero = (): Acc => ({ flags: 0, right: 0, wrongTopic: 0, wrongStance: 0, high: 0, highRight: 0, goldSent: 0, foundSent: 0, paraGold: 0, paraPred: 0, paraTp: 0 });

export interface FlagError { doc: string; category: string; severity: string; text: string; why: 'topic' | 'stance' }

function scoreDoc(d: LabelledDoc, clauses: readonly FoundClause[], acc: Map<string, Acc>, errors: FlagError[]): void {
  const sents = d.model.sentences;
  const inSpan = (c: FoundClause): number[] => sents.flatMap((s, i) => (s.start < c.end && c.start < s.end ? [i] : []));
  for (const cat of CATS) {
    const a = acc.get(cat) ?? zero();
    const mine = clauses.filter((c) => c.category === cat);
    for (const c of mine) {
      const idx = inSpan(c);
      const stances = idx.map((i) => (d.labels[i] as SentenceLabels).get(cat as never)).filter(shown);
      const want = c.severity === 'good' ? 'p' : 'c';
      a.flags++;
      if (c.severity === 'high') a.high++;
      if (!stances.length) { a.wrongTopic++; errors.push({ doc: d.id, category: cat, severity: c.severity, text: d.model.text.slice(c.start, c.end), why: 'topic' }); continue; }
      if (!stances.includes(want)) { a.wrongStance++; errors.push({ doc: d.id, category: cat, severity: c.severity, text: d.model.text.slice(c.start, c.end), why: 'stance' }); continue; }
      a.right++;
      if (c.severity === 'high') a.highRight++;
    }
    // Sentence recall.
    sents.forEach((s, i) => {
      if (!shown((d.labels[i] as SentenceLabels).get(cat as never))) return;
      a.goldSent++;
      if (mine.some((c) => s.start < c.end && c.start < s.end)) a.foundSent++;
    });
    // Paragraph (block) level.
    const blocks = new Map<number, { gold: boolean; pred: boolean }>();
    sents.forEach((s, i) => {
      const b = blocks.get(s.block) ?? { gold: false, pred: false };
      if (shown((d.labels[i] as SentenceLabels).get(cat as never))) b.gold = true;
      if (mine.some((c) => s.start < c.end && c.start < s.end)) b.pred = true;
      blocks.set(s.block, b);
    });
    for (const b of blocks.values()) {
      if (b.gold) a.paraGold++;
      if (b.pred) a.paraPred++;
      if (b.gold && b.pred) a.paraTp++;
    }
    acc.set(cat, a);
  }
}

const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);
const f = (x: number): string => x.toFixed(3);

export interface PrivacyFigures { flagPrecision: number; highPrecision: number; flags: number; high: number; stanceErrors: number; paraMacroF1: number; paraMicroP: number }

function table(say: (s?: string) => void, title: string, acc: Map<string, Acc>): PrivacyFigures {
  say(`#### ${title}`);
  say('');
  say('| category | flags | right | wrong topic | wrong stance | flag P | sentence R | para P | para R | para F1 |');
  say('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const t = zero();
  let macro = 0;
  let pTp = 0;
  let pPred = 0;
  for (const cat of CATS) {
    const a = acc.get(cat) ?? zero();
    for (const k of Object.keys(t) as (keyof Acc)[]) t[k] += a[k];
    const pp = a.paraPred ? a.paraTp / a.paraPred : 0;
    const pr = a.paraGold ? a.paraTp / a.paraGold : 0;
    if (MEASURED.includes(cat)) { macro += f1(pp, pr) / MEASURED.length; pTp += a.paraTp; pPred += a.paraPred; }
    say(`| ${cat}${MEASURED.includes(cat) ? '' : ' †'} | ${a.flags} | ${a.right} | ${a.wrongTopic} | ${a.wrongStance} | ${a.flags ? f(a.right / a.flags) : '–'} | ${a.goldSent ? f(a.foundSent / a.goldSent) : '–'} | ${a.paraPred ? f(pp) : '–'} | ${a.paraGold ? f(pr) : '–'} | ${f(f1(pp, pr))} |`);
  }
  const fig: PrivacyFigures = {
    flagPrecision: t.flags ? t.right / t.flags : 0, highPrecision: t.high ? t.highRight / t.high : 0, flags: t.flags, high: t.high,
    stanceErrors: t.wrongStance, paraMacroF1: macro, paraMicroP: pPred ? pTp / pPred : 0,
  };
  say(`| **all** | ${t.flags} | ${t.right} | ${t.wrongTopic} | ${t.wrongStance} | **${f(fig.flagPrecision)}** | ${f(t.foundSent / (t.goldSent || 1))} | | | |`);
  say('');
  say(`Flags fully right (topic and stance): **${f(fig.flagPrecision)}** of ${t.flags}; high-severity flags: **${t.high ? f(fig.highPrecision) : '–'}** of ${t.high}; ` +
    `stance errors: ${t.wrongStance}. Paragraph level over the 12 measured categories: macro-F1 **${f(fig.paraMacroF1)}**, micro-precision ${f(fig.paraMicroP)}. († not in the 12.)`);
  say('');
  return fig;
}

/** Cohen's kappa per category on the doubly labelled documents (positive = c or p). */
function agreement(say: (s?: string) => void, docs: readonly LabelledDoc[]): void {
  const dbl = docs.filter((d) => d.second);
  if (!dbl.length) { say('No doubly labelled documents yet.'); say(''); return; }
  const n = dbl.reduce((s, d) => s + d.model.sentences.length, 0);
  say(`#### Labeller agreement: ${dbl.length} documents labelled twice, independently (${n} sentences)`);
  say('');
  say('| category | both | first only | second only | kappa | stance agreement |');
  say('|---|---:|---:|---:|---:|---:|');
  let kSum = 0;
  let kN = 0;
  for (const cat of CATS) {
    let both = 0, a = 0, b = 0, none = 0, same = 0;
    for (const d of dbl) {
      d.labels.forEach((l, i) => {
        const x = l.get(cat as never);
        const y = (d.second as SentenceLabels[])[i]?.get(cat as never);
        const px = shown(x), py = shown(y);
        if (px && py) { both++; if (x === y) same++; } else if (px) a++; else if (py) b++; else none++;
      });
    }
    const tot = both + a + b + none;
    const po = (both + none) / tot;
    const pe = ((both + a) / tot) * ((both + b) / tot) + ((none + b) / tot) * ((none + a) / tot);
    const kappa = pe < 1 ? (po - pe) / (1 - pe) : 1;
    if (both + a + b >= 5) { kSum += kappa; kN++; }
    say(`| ${cat} | ${both} | ${a} | ${b} | ${both + a + b ? f(kappa) : '–'} | ${both ? f(same / both) : '–'} |`);
  }
  say('');
  say(`Mean kappa over the ${kN} categories with at least 5 positive sentences: **${f(kSum / (kN || 1))}**.`);
  say('');
}

function modelFor(train: readonly LabelledDoc[], o: PrivacyOptions): LoadedPrivacyModel {
  const ctx = shippedModel().file.context ?? {};
  return loadPrivacyModel(privacyFile(trainPrivacy(train, o), ctx, { version: 'eval', dataHash: '', trainedAt: '' }, o));
}

export function evalPrivacy(say: (s?: string) => void, o: PrivacyOptions = PRIVACY_OPTIONS, folds = 5): { cv: PrivacyFigures; test: PrivacyFigures; wave4?: PrivacyFigures; errors: FlagError[] } {
  const ctx = shippedModel().file.context ?? {};
  const docs = loadPrivacySet(ctx);
  const train = docs.filter((d) => d.split === 'train');
  // Fourth-wave documents: extra training documents of lower weight in every fold when the
  // options say so (never scored in CV); otherwise a second held-out reading (below).
  const extra = wave4Training(ctx, o);
  const test = docs.filter((d) => d.split === 'test');
  say(`### Privacy categories: learned topic + stance models on the labelled privacy set`);
  say('');
  say(`${docs.length} labelled documents (${train.length} training services, ${test.length} held-out services; ` +
    `${docs.reduce((s, d) => s + d.model.sentences.length, 0)} sentences). Guideline: docs/labelling.md. ` +
    'A flag is right when a sentence of its span carries its category with the matching stance (good ↔ protective).');
  say('');
  const cvAcc = new Map<string, Acc>();
  const rulesAcc = new Map<string, Acc>();
  const errors: FlagError[] = [];
  const groups = groupFolds(train, folds);
  for (let k = 0; k < groups.length; k++) {
    const m = modelFor([...groups.filter((_, i) => i !== k).flat(), ...extra], o);
    for (const d of groups[k] as LabelledDoc[]) {
      scoreDoc(d, detectClauses(d.model, { privacy: m, categories: CATS }), cvAcc, errors);
      scoreDoc(d, detectClauses(d.model, { privacy: m, categories: CATS, use: 'rules' }), rulesAcc, []);
    }
  }
  const cv = table(say, `Company-grouped ${folds}-fold cross-validation (${train.length} training services)`, cvAcc);
  const shipped = modelFor([...train, ...extra], o);
  const testAcc = new Map<string, Acc>();
  const testRules = new Map<string, Acc>();
  for (const d of test) {
    scoreDoc(d, detectClauses(d.model, { privacy: shipped, categories: CATS }), testAcc, errors);
    scoreDoc(d, detectClauses(d.model, { privacy: shipped, categories: CATS, use: 'rules' }), testRules, []);
  }
  const held = table(say, `Held-out services (${test.length}; never trained or tuned on), model trained on all training services`, testAcc);
  const rcv = table(say, 'For comparison: the previous detector (regular expressions only), same held-out services', testRules);
  void rcv;
  void rulesAcc;
  let wave4: PrivacyFigures | undefined;
  if (!extra.length) {
    const w4 = loadPrivacySet(ctx, WAVE4_DIR);
    const w4Acc = new Map<string, Acc>();
    for (const d of w4) scoreDoc(d, detectClauses(d.model, { privacy: shipped, categories: CATS }), w4Acc, []);
    wave4 = table(say, `Fourth-wave documents (${w4.length} services of 401–700 sentences, labelled and never trained or tuned on), the same model`, w4Acc);
  }
  agreement(say, docs);
  return { cv, test: held, ...(wave4 ? { wave4 } : {}), errors };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = { ...PRIVACY_OPTIONS, ...(JSON.parse(process.env.EVAL_OPTS ?? '{}') as object) };
  const r = evalPrivacy((s = '') => console.log(s), opts);
  if (process.env.EVAL_ERRORS) for (const e of r.errors.slice(0, Number(process.env.EVAL_ERRORS))) console.log(`[${e.why}] ${e.category}/${e.severity} ${e.doc}: ${e.text.replace(/\s+/g, ' ').slice(0, 200)}`);
}
