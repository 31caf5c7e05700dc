// Derives each browser's manifest from the one source manifest.json.

export type Target = 'chrome' | 'firefox';

export const GECKO_ID = 'clausemark@clausemark.dev';

type Manifest = Record<string, unknown> & {
  background?: { service_worker?: string; type?: string; scripts?: string[] };
};

export function manifestFor(base: Manifest, target: Target): Manifest {
  const m: Manifest = structuredClone(base);
  if (target === 'firefox') {
    const worker = m.background?.service_worker;
    if (!worker) throw new Error('manifest.json: background.service_worker is required');
    m.background = { scripts: [worker], type: 'module' };
    m.browser_specific_settings = {
      gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    };
    delete m.minimum_chrome_version;
    // Chrome's offscreen document (the analysis host; also followed documents' clauses): Firefox has
    // none, its pages analyse themselves and its background page imports the detector on first use.
    if (Array.isArray(m.permissions)) m.permissions = (m.permissions as string[]).filter((p) => p !== 'offscreen');
  }
  return m;
}
