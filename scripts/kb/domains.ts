// Registrable domains and slugs without a public-suffix list: good enough for the suffixes that
// occur in the data (co.uk, com.au, co.jp …), and deterministic.
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'ne', 'or', 'go', 'gob', 'nic', 'ltd', 'plc']);

export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const tld = labels[labels.length - 1] as string;
  const sld = labels[labels.length - 2] as string;
  const n = tld.length === 2 && SECOND_LEVEL.has(sld) ? 3 : 2;
  return labels.slice(-n).join('.');
}

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Letters and digits only: "Claude.ai" → "claudeai", "Tik Tok" → "tiktok". */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The same name without a trailing TLD ("Claude.ai" → "claude"), or null. */
export function nameKeyWithoutTld(name: string): string | null {
  const m = /^(.*\S)\.(com|ai|io|net|org|co|app|me|tv|fm)$/i.exec(name.trim());
  return m ? nameKey(m[1] as string) : null;
}

export function slugify(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'x';
}
