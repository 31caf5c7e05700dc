// Settings: how and where Clausemark runs, and what it shows. Saved to storage on each change;
// open tabs apply them at once (their content scripts listen for changes).
import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES, type CategoryGroup } from '../core/taxonomy';
import { normalizeSite, type Settings } from '../core/settings';
import type { Severity } from '../core/types';
import { loadSettings, saveSettings } from '../settings/store';

const GROUPS: Record<CategoryGroup, string> = { privacy: 'Privacy', ai: 'AI', rights: 'Your rights', disputes: 'Disputes', content: 'Your content', account: 'Your account' };
const SEVERITY_CHOICES: [Severity, string][] = [
  ['good', 'Everything, including good practices'],
  ['low', 'Low, medium and high'],
  ['medium', 'Medium and high'],
  ['high', 'High only'],
];

export function SettingsSection() {
  const [s, setS] = useState<Settings | null>(null);
  const [site, setSite] = useState('');
  const [msg, setMsg] = useState('');
  useEffect(() => {
    void loadSettings().then(setS);
  }, []);
  if (!s) return <p class="muted">Reading settings…</p>;

  const save = async (patch: Partial<Settings>) => {
    try {
      setS(await saveSettings(patch));
      setMsg('Saved. Open tabs update now.');
    } catch (err) {
      setMsg(`Could not save: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const addSite = () => {
    const host = normalizeSite(site);
    if (!host) return setMsg(`“${site}” is not a site address (example: news.example.com).`);
    setSite('');
    void save({ neverSites: [...s.neverSites, host] });
  };

  return (
    <section class="settings" aria-labelledby="settings-h">
      <h2 id="settings-h">Settings</h2>
      <fieldset>
        <legend>When Clausemark reads a page</legend>
        <label class="choice">
          <input type="radio" name="mode" checked={s.mode === 'auto'} onChange={() => void save({ mode: 'auto' })} />
          <span><strong>Automatically on policy pages.</strong> A tiny script checks each page's address and title; only pages that look like a policy are read, on your device.</span>
        </label>
        <label class="choice">
          <input type="radio" name="mode" checked={s.mode === 'click'} onChange={() => void save({ mode: 'click' })} />
          <span><strong>Only when I click.</strong> Nothing is read until you press “Analyse this page” in the toolbar popup.</span>
        </label>
      </fieldset>
      <fieldset>
        <legend>What to highlight</legend>
        <label>
          Show{' '}
          <select value={s.minSeverity} onChange={(e) => void save({ minSeverity: (e.currentTarget as HTMLSelectElement).value as Severity })}>
            {SEVERITY_CHOICES.map(([v, l]) => (
              <option key={v} value={v}>{l}</option>
            ))}
          </select>
        </label>
        <label>
          Detector sensitivity{' '}
          <select value={s.sensitivity} onChange={(e) => void save({ sensitivity: (e.currentTarget as HTMLSelectElement).value as Settings['sensitivity'] })}>
            <option value="precise">Precise: fewer, surer highlights</option>
            <option value="balanced">Balanced (recommended)</option>
            <option value="thorough">Thorough: more highlights, more mistakes</option>
          </select>
        </label>
        <div class="cats">
          {(Object.keys(GROUPS) as CategoryGroup[]).map((g) => (
            <div key={g} class="catgroup">
              <h3>{GROUPS[g]}</h3>
              {CATEGORIES.filter((c) => c.group === g).map((c) => (
                <label key={c.id} class="cat">
                  <input
                    type="checkbox"
                    checked={!s.disabledCategories.includes(c.id)}
                    onChange={(e) => {
                      const on = (e.currentTarget as HTMLInputElement).checked;
                      void save({ disabledCategories: on ? s.disabledCategories.filter((x) => x !== c.id) : [...s.disabledCategories, c.id] });
                    }}
                  />{' '}
                  {c.title}
                </label>
              ))}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Sites where Clausemark never runs</legend>
        {s.neverSites.length === 0 ? <p class="muted small">None.</p> : (
          <ul class="sites">
            {s.neverSites.map((h) => (
              <li key={h}>
                {h}{' '}
                <button type="button" class="link" aria-label={`Remove ${h}`} onClick={() => void save({ neverSites: s.neverSites.filter((x) => x !== h) })}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            addSite();
          }}
        >
          <input type="text" value={site} placeholder="example.com" aria-label="Site to exclude" onInput={(e) => setSite((e.currentTarget as HTMLInputElement).value)} />{' '}
          <button type="submit">Add</button>
        </form>
      </fieldset>
      <fieldset>
        <legend>Notices</legend>
        <label class="choice">
          <input type="checkbox" checked={s.inPageNotices} onChange={(e) => void save({ inPageNotices: (e.currentTarget as HTMLInputElement).checked })} />
          <span>Show a small notice in the page when a policy changed since I last read it.</span>
        </label>
      </fieldset>
      <p class="muted small" role="status">{msg}</p>
    </section>
  );
}
