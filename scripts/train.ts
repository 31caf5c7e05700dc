// `npm run train`: trains the clause model on CLAUDETTE (../shared/data/claudette-dev) and writes
// src/core/model.generated.json with the training-data hash and MODEL_VERSION.

import { createHash } from 'node:crypto';
import { writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadClaudette, ROOT } from './train/claudette';
import { trainWithThresholds, toModelFile, MODEL_CATEGORIES } from './train/pipeline';
import { TRAIN_OPTIONS } from './train/config';
import { RULES } from '../src/core/rules';

const t0 = performance.now();
const docs = loadClaudette();
if (docs.length === 0) {
  console.error('No CLAUDETTE documents found under ../shared/data/claudette-dev');
  process.exit(1);
}
const hash = createHash('sha256');
for (const d of docs) hash.update(d.id).update('\0').update(d.text).update(JSON.stringify(d.gold));
hash.update(JSON.stringify(TRAIN_OPTIONS));
// Rules are features and may add clauses: a rule change is a new model.
// Bump when the features or the section context change meaning.
hash.update('features: words+bigrams, headings v1, rule names; per-category grid');
for (const r of RULES) hash.update(`${r.name}\0${r.pattern.source}\0${r.always ? 1 : 0}`);
const dataHash = hash.digest('hex');
const trainedAt = new Date().toISOString().slice(0, 10);

const trained = trainWithThresholds(docs, TRAIN_OPTIONS);
const file = toModelFile(trained, {
  version: `${dataHash.slice(0, 8)}-${trainedAt}`,
  dataHash,
  trainedAt,
  meta: {
    sources: ['CLAUDETTE tos-2019 (Lippi et al. 2019)', 'CLAUDETTE tos-2021-en (Drawzeski et al. 2021), CC BY 4.0'],
    documents: docs.length,
    companies: new Set(docs.map((d) => d.company)).size,
    sentences: trained.examples,
    thresholds: Object.fromEntries(MODEL_CATEGORIES.map((c, i) => [c, Math.round((trained.thresholds[i] as number) * 1000) / 1000])),
    training: Object.fromEntries(MODEL_CATEGORIES.map((c, i) => {
      const g = TRAIN_OPTIONS.grid?.[trained.chosen[i] as number] ?? {};
      return [c, { l2: g.l2 ?? TRAIN_OPTIONS.l2, posWeight: g.posWeight ?? TRAIN_OPTIONS.posWeight }];
    })),
    rulesAdd: Object.fromEntries(MODEL_CATEGORIES.map((c, i) => [c, trained.rules[i]])),
    innerOutOfFold: Object.fromEntries(MODEL_CATEGORIES.map((c, i) => [c, trained.inner[i]])),
    options: TRAIN_OPTIONS,
  },
});
const out = path.join(ROOT, 'src', 'core', 'model.generated.json');
writeFileSync(out, JSON.stringify(file, null, 1) + '\n');
const size = statSync(out).size;
console.log(`model ${file.version}: ${docs.length} documents, ${trained.examples} sentences, ` +
  `${file.features.length} b64 feature chars, ${(size / 1024).toFixed(0)} KiB, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log('thresholds', file.meta?.thresholds);
