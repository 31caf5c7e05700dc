// The exported report's content in the user's language: the popup gathers what the background
// knows about the tab's page (its visit, the comparison figures, the reviewed points, the user's
// own record of the document) and this turns it into the model core/report.ts lays out as HTML and
// Markdown. No browser call here beyond the message texts.
import type { CategoryDistribution, TabState } from '../messages';
import type { HistoryViewData } from '../history-messages';
import type { KnownClause } from '../kb/schema';
import type { Seen } from '../core/record';
import type { ReportChangeClause, ReportChanges, ReportChangeSummary, ReportClause, ReportLabels, ReportModel, ReportRegulation } from '../core/report';
import { rarity } from '../core/compare-rarity';
import { REGULATIONS, getCategory } from '../core/taxonomy';
import { SEVERITIES, SEVERITY_RANK, type Severity } from '../core/types';
import { formatDateTime, formatDay, formatNumber, formatPercent, t, tn, uiLocale } from './i18n';
import { categoryRegulations, categoryTitle } from './category-text';
import { rarityPhrase, severityLabels } from './severity-text';
import { creditLine, credits } from './credits';

/**
 * The hook for structured change summaries (issue 15, item 2): one sentence per changed clause
 * with its severity, per change. When the summaries exist, the popup passes them in here and the
 * report shows them above the recorded versions; until then the report shows what the History
 * view shows (the last change's figures and clause changes, the versions, the archive's record).
 */
export interface ChangeSummaryInput {
  /** When the change was seen or recorded (ISO). */
  date?: string;
  /** What it is measured against, e.g. "since you read it on 12 Jun 2025". */
  label?: string;
  sentences: { text: string; severity: Severity }[];
}

export interface ReportInput {
  state: TabState;
  /** Distribution of each category across reviewed platforms (compare/stats). */
  stats: readonly CategoryDistribution[];
  /** The platform's reviewed points, by knowledge-base clause id (kb/clauses). */
  reviewed: ReadonlyMap<string, KnownClause>;
  /** Record id of each clause of `state.visit.clauses`, same order. */
  recordIds: readonly string[];
  /** First seen / last verified of each clause, same order (null: not known). */
  seen: readonly (Seen | null)[];
  /** The History view's data for the document, when the user's history has it. */
  history?: HistoryViewData | null;
  changeSummaries?: readonly ChangeSummaryInput[];
  /** ISO time the report is made. */
  generatedAt: string;
  extensionVersion: string;
  kbVersion?: string;
}

export function reportLabels(): ReportLabels {
  return {
    document: t('repDocument'),
    platform: t('repPlatform'),
    documentType: t('repDocumentType'),
    url: t('repUrl'),
    readAt: t('provReadAt'),
    sha256: t('repSha'),
    detection: t('repDetection'),
    generated: t('repGenerated'),
    summary: t('repSummary'),
    clauses: t('repClauses'),
    noClauses: t('clausesNone'),
    record: t('provRecord'),
    category: t('repCategory'),
    severity: t('repSeverity'),
    rarity: t('repRarity'),
    source: t('provSource'),
    confidence: t('repConfidence'),
    firstSeen: t('provFirstSeen'),
    lastVerified: t('provLastVerified'),
    regulations: t('repRegulations'),
    regulationsNone: t('repRegulationsNone'),
    changes: t('repChanges'),
    changesNone: t('repChangesNone'),
    versions: t('histVersionsRead'),
    lastChange: t('repLastChange'),
    changeSummaries: t('repChangeSummaries'),
    archive: t('histArchiveTitle'),
    credits: t('repCredits'),
    notAdvice: t('panelNotAdvice'),
  };
}

function sourceOf(c: TabState['visit']['clauses'][number], reviewed: ReadonlyMap<string, KnownClause>): { text: string; url?: string } {
  if (c.source === 'kb') {
    const k = c.kbClauseId ? reviewed.get(c.kbClauseId) : undefined;
    if (k) return { text: `${t('panelSourceReviewedCase', k.caseTitle, k.classification)} · CC BY-SA 3.0`, url: k.pointUrl };
    return { text: c.label ? `${t('panelSourceReviewed')} — ${c.label}` : t('panelSourceReviewed') };
  }
  return { text: c.source === 'rule' ? t('repSourceRules') : t('repSourceModel') };
}

/** The regulations that may bear on the categories found, each with its provisions and the
 * categories that bring it in (taxonomy.ts), in taxonomy order. */
export function reportRegulations(categories: Iterable<string>): ReportRegulation[] {
  const byReg = new Map<string, ReportRegulation>();
  const seen = new Set<string>();
  for (const cat of categories) {
    if (seen.has(cat) || !getCategory(cat)) continue;
    seen.add(cat);
    for (const r of categoryRegulations(cat)) {
      let reg = byReg.get(r.regulation);
      if (!reg) {
        const info = REGULATIONS[r.regulation];
        byReg.set(r.regulation, (reg = { short: r.short, name: info.name, region: info.region, url: r.url, provisions: [] }));
      }
      const same = reg.provisions.find((p) => p.provision === r.provision && p.note === r.note);
      if (same) same.categories.push(categoryTitle(cat));
      else reg.provisions.push({ provision: r.provision, note: r.note, categories: [categoryTitle(cat)] });
    }
  }
  const order = Object.keys(REGULATIONS);
  return [...byReg.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])).map(([, r]) => r);
}

function changesOf(input: ReportInput, sev: Record<Severity, string>): ReportChanges | null {
  const h = input.history;
  const summaries: ReportChangeSummary[] = (input.changeSummaries ?? [])
    .filter((s) => s.sentences.length > 0)
    .map((s) => ({
      heading: [s.date ? formatDay(s.date) : '', s.label ?? ''].filter(Boolean).join(' — ') || t('repChangeSummaries'),
      sentences: s.sentences.map((x) => ({ text: x.text, severity: x.severity, severityLabel: sev[x.severity] })),
    }));
  if (!h && summaries.length === 0) return null;
  const versions = (h?.versions ?? []).map((v) => {
    const span = v.firstSeen === v.lastSeen ? formatDateTime(v.firstSeen) : `${formatDateTime(v.firstSeen)} – ${formatDateTime(v.lastSeen)}`;
    const tags = [v.sha256 === h?.tracked?.currentSha ? t('tagCurrent') : '', v.sha256 === h?.tracked?.pinnedSha ? t('tagPinned') : '', v.cosmetic ? t('tagCosmetic') : ''].filter(Boolean);
    return `${span}${tags.length ? ` (${tags.join(', ')})` : ''} · ${t('repVersionLine', formatNumber(v.words), formatNumber(v.clauses))} · SHA-256 ${v.sha256}`;
  });
  let lastChange: ReportChanges['lastChange'];
  const from = h?.versions.find((v) => v.sha256 === h.from);
  const to = h?.versions.find((v) => v.sha256 === h.to);
  if (h && from && to && from !== to) {
    const lines: string[] = [];
    if (h.diff) lines.push(`${tn('histWordsAdded', h.diff.wordsAdded)}, ${tn('histWordsRemoved', h.diff.wordsRemoved)}`);
    const cc = h.clauseChanges;
    const clauses: ReportChangeClause[] = [];
    if (cc) {
      lines.push(`${t('histClausesAdded', formatNumber(cc.added.length))}, ${t('histClausesRemoved', formatNumber(cc.removed.length))}, ${t('histClausesReworded', formatNumber(cc.changed.length))}`);
      const row = (kind: string, c: { severity: Severity; category: string; excerpt: string }): ReportChangeClause => ({ kind, severity: c.severity, severityLabel: sev[c.severity], categoryTitle: categoryTitle(c.category), excerpt: c.excerpt });
      for (const c of cc.added) clauses.push(row(t('repClauseAdded'), c));
      for (const c of cc.removed) clauses.push(row(t('repClauseRemoved'), c));
      for (const { after } of cc.changed) clauses.push(row(t('repClauseReworded'), after));
    }
    lastChange = { title: `${formatDateTime(from.firstSeen)} → ${formatDateTime(to.firstSeen)}`, lines, clauses };
  }
  // Newest first, as a reader looks for the latest change.
  const archive = [...(h?.archive?.changes ?? [])].reverse().map((c) => {
    const s = c.summary;
    return s ? `${formatDay(c.date)}: ${t('histSentences', formatNumber(s.sentencesAdded), formatNumber(s.sentencesRemoved))}${s.categories.length ? ` · ${s.categories.map((k) => categoryTitle(k)).join(', ')}` : ''}` : formatDay(c.date);
  });
  return { versions, ...(lastChange ? { lastChange } : {}), summaries, archive };
}

export function buildReportModel(input: ReportInput): ReportModel {
  const { state } = input;
  const { visit } = state;
  const sev = severityLabels(true);
  const stats = new Map(input.stats.map((s) => [s.category, s]));
  const order = visit.clauses.map((c, i) => ({ c, i })).sort((a, b) => SEVERITY_RANK[a.c.severity] - SEVERITY_RANK[b.c.severity] || a.c.start - b.c.start);
  const clauses: ReportClause[] = order.map(({ c, i }) => {
    const stat = stats.get(c.category);
    const src = sourceOf(c, input.reviewed);
    const seen = input.seen[i];
    return {
      recordId: input.recordIds[i] ?? '',
      category: c.category,
      categoryTitle: categoryTitle(c.category),
      severity: c.severity,
      severityLabel: sev[c.severity],
      rarity: stat && stat.platformsReviewed > 0 ? rarityPhrase(rarity(stat)) : t('repNoComparison'),
      source: src.text,
      ...(src.url ? { sourceUrl: src.url } : {}),
      confidence: formatPercent(c.confidence),
      excerpt: c.excerpt,
      ...(seen ? { firstSeen: formatDateTime(seen.firstSeen), lastVerified: formatDateTime(seen.lastVerified) } : {}),
    };
  });
  const title = state.platform ? `${state.platform.name} — ${state.document?.termsType ?? t('policy')}` : visit.title || visit.url;
  const counts = SEVERITIES.map((s) => ({ severity: s, label: sev[s], count: state.counts[s] }));
  const kb = input.kbVersion ? t('repKbVersion', input.kbVersion) : '';
  return {
    lang: uiLocale() ?? 'en',
    title: t('repTitle', title),
    labels: reportLabels(),
    document: {
      title: visit.title || title,
      ...(state.platform ? { platform: state.platform.name } : {}),
      ...(state.document ? { type: state.document.termsType } : {}),
      url: visit.url,
      readAt: formatDateTime(visit.readAt),
      readAtIso: visit.readAt,
      sha256: visit.sha256,
      detection: visit.detection.kind === 'known' ? t('clausesKnownDoc') : t('clausesRecognised'),
    },
    generated: t('repGeneratedBy', input.extensionVersion, formatDateTime(input.generatedAt)) + (kb ? ` · ${kb}` : ''),
    counts,
    clauses,
    regulations: reportRegulations(visit.clauses.map((c) => c.category)),
    changes: changesOf(input, sev),
    credits: credits().map((c) => ({ name: c.name, text: creditLine(c), url: c.url })),
    creditsNote: t('optCopyright'),
  };
}
