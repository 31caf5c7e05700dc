import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { guessLanguage } from '../../../src/core/language';
import { SHARED_DATA } from '../../fixtures/pages';

describe('guessLanguage', () => {
  it('takes real English policies for English', () => {
    for (const f of ['ota-pga/versions-HEAD/Reddit/Privacy Policy.md', 'ota-genai-eu/versions-HEAD/DeepSeek/Terms of Service.md']) {
      expect(guessLanguage(readFileSync(path.join(SHARED_DATA, f), 'utf8')).english, f).toBe(true);
    }
  });

  it('recognises real French policies as not English', () => {
    // ota-contrib holds services whose documents are in French. (The data holds no German policy:
    // German is checked on a written paragraph below.)
    const dir = path.join(SHARED_DATA, 'ota-contrib/versions-HEAD');
    const found: Record<string, number> = {};
    for (const service of readdirSync(dir).slice(0, 400)) {
      let files: string[];
      try {
        files = readdirSync(path.join(dir, service)).filter((f) => f.endsWith('.md'));
      } catch {
        continue; // a file, not a service folder
      }
      for (const f of files) {
        const text = readFileSync(path.join(dir, service, f), 'utf8');
        if (/\b(données personnelles|conditions générales)\b/i.test(text) && !/\b(personal data|the terms)\b/i.test(text)) {
          const g = guessLanguage(text);
          expect(g.english, `${service}/${f}`).toBe(false);
          expect(g.language).toBe('fr');
          found.fr = (found.fr ?? 0) + 1;
        }
      }
    }
    expect(found.fr ?? 0).toBeGreaterThan(3);
  });

  it('does not refuse short snippets', () => {
    expect(guessLanguage('Hallo Welt').english).toBe(true);
  });

  it('tells German apart', () => {
    const de = 'Wir verarbeiten Ihre personenbezogenen Daten nur, wenn dies für die Erbringung unserer Dienste erforderlich ist. Die Daten werden nicht an Dritte weitergegeben, und Sie können der Verarbeitung jederzeit widersprechen. Weitere Informationen finden Sie in den folgenden Abschnitten dieser Erklärung, die für alle Nutzer der Dienste gilt und mit der Nutzung wirksam wird.';
    expect(guessLanguage(de)).toMatchObject({ english: false, language: 'de' });
  });
});
