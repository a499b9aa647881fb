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
  // One minus sign throughout: the signed changes use U+2212, so a negative value does too.
  const money = (value: number) =>
    formatNumber(value, chartUnit(findings.unit), { compact: true }).replace(/^-/, '\u2212');
  const period = inPeriod(headline.periods.current.from, grain);
  const before = periodName(headline.periods.base.from, grain);
  const current = headline.latest.current ?? 0;
  const movement = changeWords(headline.latest.change, headline.latest.percent, money);
  if (nothingNotable(findings)) {
    return {
      headline: `Nothing notable: ${findings.measureName} was ${money(current)} ${period}, ${movement} on ${before}.`,
      insights: [],
    };
  }
  const insights: string[] = [];
  const yearAgo = headline.yearAgo;
  if (yearAgo) {
    insights.push(
      `Against ${periodName(yearAgo.periods.base.from, grain)}: ${changeWords(yearAgo.change.change, yearAgo.change.percent, money)}.`,
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
    // A member whose part rounds to 0% of the change did not drive it.
    const named = (members: typeof drivers.found.drivers) =>
      members.filter((member) => Math.round(Math.abs(member.share) * 100) > 0);
    const leading = named(drivers.found.drivers);
    const against = named(drivers.found.detractors);
    const offsetting = [...leading, ...against].some((member) => Math.round(Math.abs(member.share) * 100) > 100);
    if (offsetting) {
      // Members moving both ways by more than the total moved: shares above 100% confuse, so the
      // parts are said in the measure's unit beside the total's change.
      const moves = [...leading, ...against].sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
      const total = `the total ${drivers.found.total > 0 ? 'rose' : 'fell'} ${money(Math.abs(drivers.found.total))}`;
      insights.push(
        `Drivers by ${drivers.dimension}: ${moves.map((move) => `${move.member} ${signed(move.change, money)}`).join(', ')} (${total}).`,
      );
    } else if (leading.length > 0) {
      insights.push(`Drivers by ${drivers.dimension}: ${leading.map(part).join(', ')}.`);
    }
    if (!offsetting && against.length > 0) {
      insights.push(`Against the trend: ${against.map(part).join(', ')}.`);
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
      `Record ${record.kind} over ${record.periods} ${grain}s; the previous ${record.kind} was ${money(record.previous.value)} ${inPeriod(record.previous.iso, grain)}.`,
    );
  }
  if (findings.trend) {
    insights.push(
      `New trend: ${findings.trend.direction} ${findings.trend.periods} ${grain}s running since ${periodName(findings.trend.since.iso, grain)}, after going the other way.`,
    );
  }
  if (findings.concentration) {
    const { dimension, found } = findings.concentration;
    insights.push(`${found.member} makes ${Math.round(found.share * 100)}% of the total by ${dimension}.`);
  }
  if (headline.partialFrom) {
    const partial = periodName(headline.partialFrom, grain);
    insights.push(
      headline.dataEnds
        ? `The data ends on ${periodName(headline.dataEnds, 'day')}, so ${partial} is partial and left out.`
        : `${capitalised(partial)} is not complete yet and is left out.`,
    );
  }
  return {
    headline: `${findings.measureName} was ${money(current)} ${period}, ${movement} on ${before}.`,
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

const DAY_NAME = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A period as a sentence names it: "Dec 2017", "the week of Dec 18, 2017", "Sat, Dec 30, 2017". */
export function periodName(iso: string, grain: TimeGrain): string {
  if (grain === 'week') return `the week of ${periodLabel(iso, grain).replace(/^Week of /, '')}`;
  if (grain === 'day' && /^\d{4}-\d{2}-\d{2}/.test(iso))
    return DAY_NAME.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
  return periodLabel(iso, grain);
}

/** "in Dec 2017", "in the week of Dec 18, 2017", "on Sat, Dec 30, 2017". */
function inPeriod(iso: string, grain: TimeGrain): string {
  return `${grain === 'day' ? 'on' : 'in'} ${periodName(iso, grain)}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
