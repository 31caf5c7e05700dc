// Settings: how and where Clausemark runs, and what it shows. Saved to storage on each change;
// open tabs apply them at once (their content scripts listen for changes).
import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES, type CategoryGroup } from '../core/taxonomy';
import { normalizeSite, type Settings } from '../core/settings';
import type { Severity } from '../core/types';
import { loadSettings, saveSettings } from '../settings/store';
import { t } from '../lib/i18n';
import { categoryTitle } from '../lib/category-text';
import { Rich } from '../lib/rich';

const GROUPS: Record<CategoryGroup, string> = { privacy: t('groupPrivacy'), ai: t('groupAi'), rights: t('groupRights'), disputes: t('groupDisputes'), content: t('groupContent'), account: t('groupAccount') };
const SEVERITY_CHOICES: [Severity, string][] = [
  ['good', t('showChoiceGood')],
  ['low', t('showChoiceLow')],
  ['medium', t('showChoiceMedium')],
  ['high', t('showChoiceHigh')],
];

export function SettingsSection() {
  const [s, setS] = useState<Settings | null>(null);
  const [site, setSite] = useState('');
  const [msg, setMsg] = useState('');
  useEffect(() => {
    void loadSettings().then(setS);
  }, []);
  if (!s) return <p class="muted">{t('setReading')}</p>;

  const save = async (patch: Partial<Settings>) => {
    try {
      setS(await saveSettings(patch));
      setMsg(t('setSaved'));
    } catch (err) {
      setMsg(t('setSaveError', err instanceof Error ? err.message : String(err)));
    }
  };
  const addSite = () => {
    const host = normalizeSite(site);
    if (!host) return setMsg(t('setBadSite', site));
    setSite('');
    void save({ neverSites: [...s.neverSites, host] });
  };

  return (
    <section class="settings" aria-labelledby="settings-h">
      <h2 id="settings-h">{t('setTitle')}</h2>
      <fieldset>
        <legend>{t('modeLegend')}</legend>
        <label class="choice">
          <input type="radio" name="mode" checked={s.mode === 'auto'} onChange={() => void save({ mode: 'auto' })} />
          <span><Rich text={t('setModeAuto')} /></span>
        </label>
        <label class="choice">
          <input type="radio" name="mode" checked={s.mode === 'click'} onChange={() => void save({ mode: 'click' })} />
          <span><Rich text={t('setModeClick')} /></span>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('setWhatLegend')}</legend>
        <label>
          {t('setShow')}{' '}
          <select value={s.minSeverity} onChange={(e) => void save({ minSeverity: (e.currentTarget as HTMLSelectElement).value as Severity })}>
            {SEVERITY_CHOICES.map(([v, l]) => (
              <option key={v} value={v}>{l}</option>
            ))}
          </select>
        </label>
        <label>
          {t('setSensitivity')}{' '}
          <select value={s.sensitivity} onChange={(e) => void save({ sensitivity: (e.currentTarget as HTMLSelectElement).value as Settings['sensitivity'] })}>
            <option value="precise">{t('sensPrecise')}</option>
            <option value="balanced">{t('sensBalanced')}</option>
            <option value="thorough">{t('sensThorough')}</option>
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
                  {categoryTitle(c.id)}
                </label>
              ))}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('setNeverLegend')}</legend>
        {s.neverSites.length === 0 ? <p class="muted small">{t('setNone')}</p> : (
          <ul class="sites">
            {s.neverSites.map((h) => (
              <li key={h}>
                {h}{' '}
                <button type="button" class="link" aria-label={t('setRemoveAria', h)} onClick={() => void save({ neverSites: s.neverSites.filter((x) => x !== h) })}>
                  {t('setRemove')}
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
          <input type="text" value={site} placeholder="example.com" aria-label={t('setSiteAria')} onInput={(e) => setSite((e.currentTarget as HTMLInputElement).value)} />{' '}
          <button type="submit">{t('setAdd')}</button>
        </form>
      </fieldset>
      <fieldset>
        <legend>{t('setNoticesLegend')}</legend>
        <label class="choice">
          <input type="checkbox" checked={s.inPageNotices} onChange={(e) => void save({ inPageNotices: (e.currentTarget as HTMLInputElement).checked })} />
          <span>{t('setNoticeText')}</span>
        </label>
      </fieldset>
      <p class="muted small" role="status">{msg}</p>
    </section>
  );
}
