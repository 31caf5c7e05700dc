// Attributions shipped inside the KB (the About page reads them). Commits come from the
// PROVENANCE.md files at build time, so a data refresh cannot leave stale credits behind.
import type { SourceCredit } from '../../src/kb/schema';
import { readProvenanceCommits } from './sources';

export function buildCredits(): SourceCredit[] {
  const tosdrCommits = readProvenanceCommits('tosdr');
  const ota = ['ota-pga', 'ota-genai-eu', 'ota-vlopses-us', 'ota-contrib', 'ota-france', 'ota-dating'].map(
    (c) => `${c.slice(4)}: ${readProvenanceCommits(c).join(', ')}`,
  );
  return [
    {
      id: 'tosdr',
      name: "ToS;DR (Terms of Service; Didn't Read)",
      url: 'https://tosdr.org/',
      licence: 'CC BY-SA 3.0',
      attribution: 'ToS;DR contributors',
      detail: `tosdr/tosdr.org, edit.tosdr.org, tosdr-declarations commits ${tosdrCommits.join(', ')} (API export 2021-01-09, cases export 2019-05-11, declarations 2024-11-06)`,
    },
    {
      id: 'ota',
      name: 'Open Terms Archive',
      url: 'https://opentermsarchive.org/',
      licence: 'texts ODC-BY 1.0; declarations EUPL-1.2',
      attribution: 'Open Terms Archive contributors',
      detail: `versions and declarations commits per collection: ${ota.join('; ')}; 102 of the privacy policies are the texts of the privacy detector's labelled training set (labels by Clausemark)`,
    },
    {
      id: 'claudette',
      name: 'CLAUDETTE unfair-clause corpora',
      url: 'http://claudette.eui.eu/',
      licence: 'CC BY 4.0',
      attribution: 'CLAUDETTE project (Lippi et al.), European University Institute and University of Bologna',
      detail: 'ToS 2019 and ToS 2021 (English) corpora; used to train and measure the clause detector, not shipped in this file',
    },
  ];
}
