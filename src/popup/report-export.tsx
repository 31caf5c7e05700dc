// "Export report" (the Clauses view): what Clausemark found on the tab's page as a self-contained
// HTML page (printable to PDF) or a Markdown file, saved through a Blob URL and an <a download>
// (no `downloads` permission). Everything comes from the background's record on this device.
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { TabState } from '../messages';
import type { KnownClause } from '../kb/schema';
import type { HistoryViewData } from '../history-messages';
import type { Seen } from '../core/record';
import { recordId } from '../core/record';
import { renderReportHtml, renderReportMarkdown, reportFileName } from '../core/report';
import { buildReportModel, type ChangeSummaryInput } from '../lib/report-model';
import { changeText } from '../lib/change-text';
import type { ChangeLine } from '../core/change-line';
import { send } from '../lib/rpc';
import { formatDay, t } from '../lib/i18n';
import { errorText } from './compare-ui';

type Format = 'html' | 'md';

/** Gathers the page's record, the comparison figures and the user's history of the document. */
async function gather(state: TabState, tabId: number | null) {
  const { visit } = state;
  const categories = [...new Set(visit.clauses.map((c) => c.category))];
  const texts = visit.clauses.map((c) => c.excerpt);
  const [stats, reviewed, seen, history, kb, recordIds] = await Promise.all([
    categories.length ? send('compare/stats', { categories }).then((r) => r.stats) : Promise.resolve([]),
    visit.platformId
      ? send('kb/clauses', { platformId: visit.platformId, documentId: visit.documentId }).then((r) => new Map(r.clauses.map((c) => [c.id, c])))
      : Promise.resolve(new Map<string, KnownClause>()),
    tabId !== null && texts.length ? send('record/seen', { tabId, texts }).then((r) => r.seen) : Promise.resolve([] as (Seen | null)[]),
    // No history yet (the version is stored once the page settles) is not an error for a report.
    send('history/view', { docKey: visit.docKey }).catch((): HistoryViewData | null => null),
    send('kb/status', {}).catch(() => null),
    Promise.all(visit.clauses.map((c) => recordId({ documentId: visit.documentId, url: visit.url }, c.excerpt))),
  ]);
  return { stats, reviewed, seen, history, kbVersion: kb?.version, recordIds };
}

/** Archived changes the report summarises (the newest ones; History has them all). */
const ARCHIVED_IN_REPORT = 5;

const lineText = (l: Omit<ChangeLine, 'clauseId'>): string => (l.phrase ? `${changeText(l)}: \u201c${l.phrase}\u201d` : changeText(l));

/** The change summaries (core/history-summary.ts): the user's own change first (the versions the
 * History view compares), then the archive's newest recorded changes that have lines. */
export function changeSummaries(history: HistoryViewData | null): ChangeSummaryInput[] {
  if (!history) return [];
  const out: ChangeSummaryInput[] = [];
  const from = history.versions.find((v) => v.sha256 === history.from);
  const to = history.versions.find((v) => v.sha256 === history.to);
  if (history.summary?.length && to) {
    out.push({
      date: to.firstSeen,
      label: from ? t('glanceChanged', formatDay(from.firstSeen)) : undefined,
      sentences: history.summary.map((l) => ({ text: lineText(l), severity: l.severity })),
    });
  }
  const archived = [...(history.archive?.changes ?? [])].filter((c) => c.summary?.lines?.length).sort((a, b) => b.date.localeCompare(a.date)).slice(0, ARCHIVED_IN_REPORT);
  for (const c of archived) {
    out.push({ date: c.date, label: t('repChangeArchived'), sentences: (c.summary?.lines ?? []).map((l) => ({ text: lineText(l), severity: l.severity })) });
  }
  return out;
}

/** Saves text as a file: a Blob URL on an <a download>, clicked, then let go. */
function download(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL; give the browser a moment before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ReportExport({ state, tabId, notify }: { state: TabState; tabId: number | null; notify(message: string): void }) {
  const [busy, setBusy] = useState<Format | null>(null);
  const run = async (format: Format) => {
    setBusy(format);
    notify(t('repExporting'));
    try {
      const got = await gather(state, tabId);
      const model = buildReportModel({ state, ...got, changeSummaries: changeSummaries(got.history), generatedAt: new Date().toISOString(), extensionVersion: browser.runtime.getManifest().version });
      const name = reportFileName(model, format);
      if (format === 'html') download(renderReportHtml(model), 'text/html', name);
      else download(renderReportMarkdown(model), 'text/markdown', name);
      notify(t('repExported', name));
    } catch (err) {
      notify(t('repExportFailed', errorText(err)));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div class="report-export" role="group" aria-label={t('repExport')}>
      <span class="small muted">{t('labelColon', t('repExport'))}</span>
      <button type="button" class="small" data-format="html" disabled={busy !== null} onClick={() => void run('html')}>
        {t('repExportHtml')}
      </button>
      <button type="button" class="small" data-format="md" disabled={busy !== null} onClick={() => void run('md')}>
        {t('repExportMarkdown')}
      </button>
    </div>
  );
}
