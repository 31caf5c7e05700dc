// `npm run train` (second step): trains the privacy topic and stance models on the labelled
// privacy set (data/privacy-labels; docs/labelling.md) and writes
// src/core/privacy-model.generated.json. The held-out services (split "test") are never used.
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { shippedModel } from '../src/core/detect-model';
import { CATS, loadPrivacySet, PRIVACY_OPTIONS, privacyDataHash, privacyFile, trainPrivacy, wave4Training } from './train/privacy';

const t0 = performance.now();
const context = shippedModel().file.context ?? {};
const all = loadPrivacySet(context);
const docs = [...all.filter((d) => d.split === 'train'), ...wave4Training(context, PRIVACY_OPTIONS)];
if (docs.length < 10) {
  console.error(`Only ${docs.length} labelled training documents under data/privacy-labels/labels: label more (docs/labelling.md)`);
  process.exit(1);
}
const dataHash = privacyDataHash(docs, PRIVACY_OPTIONS);
const trainedAt = new Date().toISOString().slice(0, 10);
const t = trainPrivacy(docs);
const file = privacyFile(t, context, { version: `${dataHash.slice(0, 8)}-${trainedAt}`, dataHash, trainedAt }, PRIVACY_OPTIONS, {
  sources: ['Clausemark privacy set (data/privacy-labels): Open Terms Archive texts (ODC-BY 1.0, Open Terms Archive contributors), labelled per docs/labelling.md'],
  documents: docs.length,
  companies: new Set(docs.map((d) => d.company)).size,
  sentences: t.sentences,
  thresholds: Object.fromEntries(CATS.map((c, i) => [c, Math.round((t.thresholds[i] as number) * 1000) / 1000])),
  training: Object.fromEntries(CATS.map((c, i) => [c, PRIVACY_OPTIONS.grid[t.chosen[i] as number]])),
  innerOutOfFold: Object.fromEntries(CATS.map((c, i) => [c, t.inner[i]])),
});
const out = path.join(import.meta.dirname, '..', 'src', 'core', 'privacy-model.generated.json');
writeFileSync(out, JSON.stringify(file, null, 1) + '\n');
console.log(`privacy model ${file.version}: ${docs.length} documents, ${t.sentences} sentences, ${(statSync(out).size / 1024).toFixed(0)} KiB, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const [i, c] of CATS.entries()) console.log(`  ${c.padEnd(24)} ${t.mode[i]} t=${(t.thresholds[i] as number).toFixed(3)} inner ${JSON.stringify(t.inner[i])}`);
