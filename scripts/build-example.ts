// Builds the onboarding page's live example: a few paragraphs of a real policy (Open Terms
// Archive, ODC-BY 1.0), chosen where Clausemark's detector finds the most kinds of clause, so a
// new user sees real highlights on real text. Deterministic; output is committed.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { markdownToText, segment } from '../src/core/text';
import { detect } from '../src/core/detect';

const DATA = path.resolve('../shared/data');
const SOURCE = { collection: 'ota-genai-eu', service: 'DeepSeek', termsType: 'Terms of Service', url: 'https://cdn.deepseek.com/policies/en-US/deepseek-terms-of-use.html' };
const MAX_PARAGRAPH = 800;
const MAX_TOTAL = 3000;

const md = readFileSync(path.join(DATA, SOURCE.collection, 'versions-HEAD', SOURCE.service, `${SOURCE.termsType}.md`), 'utf8');
const paragraphs = md
  .split(/\n\s*\n/)
  .map((p) => markdownToText(p).text.replace(/\s+/g, ' ').trim())
  .filter((p) => p.length > 80 && p.length <= MAX_PARAGRAPH);
const scored = paragraphs.map((text, i) => ({ i, text, cats: new Set(detect(segment(text)).map((c) => c.category)) }));
const chosen: typeof scored = [];
const covered = new Set<string>();
let total = 0;
// Greedy: each pick adds the most categories not yet shown.
for (;;) {
  const best = scored
    .filter((s) => !chosen.includes(s) && total + s.text.length <= MAX_TOTAL)
    .map((s) => ({ s, gain: [...s.cats].filter((c) => !covered.has(c)).length }))
    .sort((a, b) => b.gain - a.gain || a.s.i - b.s.i)[0];
  if (!best || best.gain === 0) break;
  chosen.push(best.s);
  total += best.s.text.length;
  best.s.cats.forEach((c) => covered.add(c));
}
chosen.sort((a, b) => a.i - b.i);
const index = readFileSync(path.join(DATA, SOURCE.collection, 'versions-index.csv'), 'utf8').split('\n');
const date = index.filter((l) => l.includes(`,${SOURCE.service},${SOURCE.termsType},`)).map((l) => l.split(',')[1] as string).sort().pop();
const out = { source: { ...SOURCE, date, licence: 'ODC-BY 1.0', attribution: 'Open Terms Archive contributors' }, paragraphs: chosen.map((c) => c.text), categories: [...covered].sort() };
writeFileSync('src/onboarding/example.generated.json', `${JSON.stringify(out, null, 1)}\n`);
console.log(`Example: ${chosen.length} paragraphs, ${total} characters, categories: ${out.categories.join(', ')}`);
