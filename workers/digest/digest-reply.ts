import type { DigestReply } from '../conversation/reply';
import { digestCharts } from './digest-charts';
import { digestText, noNewDataText, nothingNotable, type DigestFindings } from './digest-words';

/** What a digest post says besides its findings: the question it follows and the file it read. */
export interface DigestPostView {
  question: string;
  /** The file and its upload time in words ("sales.csv, uploaded Monday 7 December 2026 at 9:02"). */
  source: string;
}

/**
 * A digest run as a reply: the headline, its insights and charts when there is news, else the
 * quiet "nothing notable" line alone.
 */
export async function digestReply(findings: DigestFindings, view: DigestPostView): Promise<DigestReply> {
  const text = digestText(findings);
  if (nothingNotable(findings)) {
    return { kind: 'digest', ...view, tone: 'nothing-notable', headline: text.headline, insights: [], charts: [] };
  }
  return {
    kind: 'digest',
    ...view,
    tone: 'news',
    headline: text.headline,
    insights: text.insights,
    charts: await digestCharts(findings),
  };
}

/** A run on the same file version as the last one: one line, not dressed up as news. */
export function noNewDataReply(dataset: string, view: DigestPostView): DigestReply {
  return { kind: 'digest', ...view, tone: 'no-new-data', headline: noNewDataText(dataset), insights: [], charts: [] };
}
