// A small, dismissible notice in the page's corner, in a shadow root. Used for what the user
// should know about the analysis itself (e.g. a page too long to read whole).
import { t } from '../lib/i18n';
import { attachStyledShadow } from './shadow';

const CSS = `
.toast { position: fixed; bottom: 16px; right: 16px; z-index: 2147483646; max-width: 360px;
  display: flex; gap: 10px; align-items: flex-start; padding: 10px 12px; border-radius: 10px;
  background: #1d2330; color: #f3f5f9; box-shadow: 0 8px 24px rgba(0,0,0,.25);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.toast strong { display: block; margin-bottom: 2px; }
button { all: unset; cursor: pointer; font-size: 18px; line-height: 1; padding: 0 4px; color: #c8cedb; }
button:focus-visible { outline: 2px solid #8ab4ff; outline-offset: 2px; }
`;

export function showToast(message: string, signal: AbortSignal): HTMLElement {
  const host = document.createElement('div');
  const shadow = attachStyledShadow(host, CSS);
  const box = document.createElement('div');
  box.className = 'toast';
  box.setAttribute('role', 'status');
  const text = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = 'Clausemark';
  text.append(title, document.createTextNode(message));
  const close = document.createElement('button');
  close.type = 'button';
  close.setAttribute('aria-label', t('dismiss'));
  close.textContent = '×';
  close.addEventListener('click', () => host.remove(), { signal });
  box.append(text, close);
  shadow.append(box);
  document.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove());
  return host;
}
