// The label file format of docs/labelling.md: one line per sentence, `<index>\t-` or
// `<index>\t<category>:<c|p|n>[,…]`. Parsed strictly: a bad line is an error naming the line.

export const PRIVACY_CATEGORIES = [
  'data-sharing', 'data-sale', 'tracking', 'targeted-advertising', 'marketing', 'childrens-data',
  'government-access', 'unilateral-change', 'user-rights', 'international-transfer', 'retention',
  'security', 'sensitive-data', 'ai-training', 'automated-decisions',
] as const;
export type PrivacyCategory = (typeof PRIVACY_CATEGORIES)[number];
export type Stance = 'c' | 'p' | 'n';
export type SentenceLabels = Map<PrivacyCategory, Stance>;

const CATS = new Set<string>(PRIVACY_CATEGORIES);

export function parseLabels(src: string, sentences: number): SentenceLabels[] {
  const out: (SentenceLabels | undefined)[] = new Array(sentences).fill(undefined);
  const errors: string[] = [];
  src.split('\n').forEach((raw, ln) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(\d+)\s+(\S.*)$/.exec(line);
    if (!m) { errors.push(`line ${ln + 1}: expected "<index><tab><labels>": ${line.slice(0, 60)}`); return; }
    const i = Number(m[1]);
    if (i >= sentences) { errors.push(`line ${ln + 1}: index ${i} out of range (0..${sentences - 1})`); return; }
    if (out[i]) { errors.push(`line ${ln + 1}: index ${i} labelled twice`); return; }
    const labels: SentenceLabels = new Map();
    const body = (m[2] as string).trim();
    if (body !== '-') {
      for (const part of body.split(/\s*,\s*/)) {
        const [cat, stance] = part.split(':').map((x) => x.trim());
        if (!cat || !CATS.has(cat)) { errors.push(`line ${ln + 1}: unknown category "${cat}"`); continue; }
        if (stance !== 'c' && stance !== 'p' && stance !== 'n') { errors.push(`line ${ln + 1}: stance must be c, p or n: "${part}"`); continue; }
        labels.set(cat as PrivacyCategory, stance);
      }
    }
    out[i] = labels;
  });
  const missing = out.flatMap((x, i) => (x ? [] : [i]));
  if (missing.length) errors.push(`${missing.length} sentences without a line: ${missing.slice(0, 12).join(', ')}${missing.length > 12 ? ', …' : ''}`);
  if (errors.length) throw new Error(errors.slice(0, 20).join('\n'));
  return out as SentenceLabels[];
}
