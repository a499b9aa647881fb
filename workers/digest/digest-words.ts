import { formatNumber } from '../../charts';
import type { ColumnUnit, TimeGrain } from '../../core/dataset';
import { chartUnit } from '../answer/chart-unit';
import { periodLabel } from '../answer/period-words';
import type { Drivers, Concentration } from './change-drivers';
import type { TimePoint } from '../answer/result-view';
import type { Headline } from './digest-headline';
import type { NewTrend, RecordValue, UnusualChange } from './series-signals';

/** Everything a digest run found; each part is present only when the data shows it. */
export interface DigestFindings {
  /** "Sales", "Average temp_max": the measure as people read it. */
  measureName: string;
  unit: ColumnUnit | null;
  grain: TimeGrain;
  headline: Headline;
  /** The measure per complete period, up to the headline's latest: what the chart shows. */
  series: TimePoint[];
  drivers?: { dimension: string; found: Drivers };
  unusual?: UnusualChange;
  record?: RecordValue;
  trend?: NewTrend;
  concentration?: { dimension: string; found: Concentration };
}

/** A change smaller than this fraction of its base, with nothing else found, is "nothing notable". */
export const NOTABLE_CHANGE = 0.05;

export interface DigestText {
  headline: string;
  insights: string[];
}

/**
 * The digest as sentences, every number taken from the findings: the headline (with the
 * year-earlier comparison and the partial period left out), then drivers, unusual change,
 * record, trend and concentration. When the change is small and nothing else stands out, one
 * quiet line says so instead of a wall of text.
 */
export function digestText(findings: DigestFindings): DigestText {
  const { headline, grain } = findings;
  const money = (value: number) => formatNumber(value, chartUnit(findings.unit), { compact: true });
  const period = periodLabel(headline.periods.current.from, grain);
  const before = periodLabel(headline.periods.base.from, grain);
  const current = headline.latest.current ?? 0;
  const movement = changeWords(headline.latest.change, headline.latest.percent, money);
  if (nothingNotable(findings)) {
    return {
      headline: `Nothing notable: ${findings.measureName} was ${money(current)} in ${period}, ${movement} on ${before}.`,
      insights: [],
    };
  }
  const insights: string[] = [];
  const yearAgo = headline.yearAgo;
  if (yearAgo) {
    insights.push(
      `Against ${periodLabel(yearAgo.periods.base.from, grain)}: ${changeWords(yearAgo.change.change, yearAgo.change.percent, money)}.`,
    );
  }
  const drivers = findings.drivers;
  if (drivers) {
    // A detractor's share is negative: it took back part of the rise (or fall), which is how it is said.
    const movement = drivers.found.total > 0 ? 'rise' : 'fall';
    const part = (driver: { member: string; change: number; share: number }) => {
      const share = `${Math.round(Math.abs(driver.share) * 100)}% of the ${movement}`;
      return `${driver.member} (${signed(driver.change, money)}, ${driver.share < 0 ? `offset ${share}` : share})`;
    };
    if (drivers.found.drivers.length > 0) {
      insights.push(`Drivers by ${drivers.dimension}: ${drivers.found.drivers.map(part).join(', ')}.`);
    }
    if (drivers.found.detractors.length > 0) {
      insights.push(`Against the trend: ${drivers.found.detractors.map(part).join(', ')}.`);
    }
  }
  if (findings.unusual) {
    insights.push(
      `Unusual change: ${signed(findings.unusual.change, money)} against a typical ${signed(findings.unusual.typical, money)} per ${grain} over the ${findings.unusual.against} before.`,
    );
  }
  if (findings.record) {
    const { record } = findings;
    insights.push(
      `Record ${record.kind} over ${record.periods} ${grain}s; the previous ${record.kind} was ${money(record.previous.value)} in ${periodLabel(record.previous.iso, grain)}.`,
    );
  }
  if (findings.trend) {
    insights.push(
      `New trend: ${findings.trend.direction} ${findings.trend.periods} ${grain}s running since ${periodLabel(findings.trend.since.iso, grain)}, after going the other way.`,
    );
  }
  if (findings.concentration) {
    const { dimension, found } = findings.concentration;
    insights.push(`${found.member} makes ${Math.round(found.share * 100)}% of the total by ${dimension}.`);
  }
  if (headline.partialFrom) {
    insights.push(`${periodLabel(headline.partialFrom, grain)} is not complete yet and is left out.`);
  }
  return {
    headline: `${findings.measureName} was ${money(current)} in ${period}, ${movement} on ${before}.`,
    insights,
  };
}

/** A small change with nothing else standing out: the digest says so in one line. */
export function nothingNotable(findings: DigestFindings): boolean {
  const { percent } = findings.headline.latest;
  return (
    !findings.unusual &&
    !findings.record &&
    !findings.trend &&
    !findings.concentration &&
    (percent === null || Math.abs(percent) < NOTABLE_CHANGE)
  );
}

/** The one line of a run on the same data as the last digest. */
export function noNewDataText(dataset: string): string {
  return `No new data since the last digest: ${dataset} has not changed.`;
}

function changeWords(change: number | null, percent: number | null, money: (value: number) => string): string {
  if (change === null) return 'with nothing to compare';
  if (change === 0) return 'unchanged';
  const direction = change > 0 ? 'up' : 'down';
  const share = percent === null ? '' : ` (${Math.abs(percent * 100).toFixed(1)}%)`;
  return `${direction} ${money(Math.abs(change))}${share}`;
}

function signed(value: number, money: (value: number) => string): string {
  return value > 0 ? `+${money(value)}` : value < 0 ? `−${money(Math.abs(value))}` : money(0);
}
