// The data Clausemark is built from, credited the same way wherever it is named (Options › About,
// the exported report). Project names stay as their projects spell them; what each gave, its
// licence and its authors are described in the user's language.
import { t } from './i18n';

export interface Credit {
  name: string;
  what: string;
  licence: string;
  by: string;
  url: string;
}

export function credits(): Credit[] {
  return [
    { name: 'ToS;DR (Terms of Service; Didn’t Read)', what: t('creditTosdrWhat'), licence: 'CC BY-SA 3.0', by: t('creditTosdrBy'), url: 'https://tosdr.org' },
    { name: 'Open Terms Archive', what: t('creditOtaWhat'), licence: t('creditOtaLicence'), by: t('creditOtaBy'), url: 'https://opentermsarchive.org' },
    { name: 'CLAUDETTE', what: t('creditClaudetteWhat'), licence: 'CC BY 4.0', by: t('creditClaudetteBy'), url: 'http://claudette.eui.eu' },
  ];
}

/** "reviewed clauses …. Licence: CC BY-SA 3.0. By ToS;DR contributors." */
export const creditLine = (c: Credit): string => t('optCreditLine', c.what, c.licence, c.by);
