// Is a text English? The detector is trained on English terms only, so on other languages it
// must say so rather than silently find nothing. Function words are a cheap, robust signal.

const ENGLISH = new Set(['the', 'and', 'of', 'to', 'you', 'your', 'we', 'our', 'in', 'or', 'for', 'that', 'is', 'this', 'with', 'may', 'be', 'by', 'any', 'not', 'are', 'on', 'as', 'will', 'use', 'if', 'us', 'from', 'it', 'information']);
const OTHERS: Record<string, Set<string>> = {
  de: new Set(['und', 'der', 'die', 'das', 'sie', 'wir', 'ihre', 'nicht', 'mit', 'für', 'von', 'zu', 'auf', 'ist', 'den', 'dem', 'des', 'oder', 'werden', 'daten']),
  fr: new Set(['et', 'le', 'la', 'les', 'des', 'vous', 'nous', 'vos', 'pour', 'dans', 'est', 'une', 'un', 'du', 'sur', 'avec', 'pas', 'que', 'qui', 'données']),
  es: new Set(['y', 'el', 'la', 'los', 'las', 'de', 'que', 'usted', 'nosotros', 'para', 'con', 'por', 'una', 'del', 'sus', 'su', 'datos', 'no', 'se', 'es']),
  it: new Set(['e', 'il', 'la', 'di', 'che', 'per', 'con', 'non', 'una', 'dei', 'delle', 'sono', 'gli', 'nel', 'della', 'dati', 'sui', 'alla', 'ai', 'si']),
  nl: new Set(['en', 'de', 'het', 'van', 'een', 'wij', 'uw', 'niet', 'met', 'voor', 'op', 'zijn', 'worden', 'gegevens', 'dat', 'die', 'te', 'als', 'aan', 'bij']),
  pt: new Set(['e', 'o', 'os', 'as', 'de', 'que', 'para', 'com', 'não', 'uma', 'um', 'dos', 'das', 'seus', 'dados', 'por', 'se', 'em', 'ao', 'você']),
};

export interface LanguageGuess {
  english: boolean;
  /** Best guess among the languages we know function words of, or 'unknown'. */
  language: string;
  englishShare: number;
}

export function guessLanguage(text: string, maxWords = 3000): LanguageGuess {
  const words = text.toLowerCase().match(/\p{L}+/gu)?.slice(0, maxWords) ?? [];
  if (words.length < 30) return { english: true, language: 'unknown', englishShare: 0 }; // too little to tell: do not refuse
  let en = 0;
  const counts: Record<string, number> = {};
  for (const w of words) {
    if (ENGLISH.has(w)) en++;
    for (const [lang, set] of Object.entries(OTHERS)) if (set.has(w)) counts[lang] = (counts[lang] ?? 0) + 1;
  }
  const [best, bestCount] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0] ?? ['unknown', 0];
  const english = en >= bestCount;
  return { english, language: english ? 'en' : best, englishShare: en / words.length };
}
