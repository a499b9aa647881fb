import type { SummaryKind } from './total-labels';

/** The number of rows, and the per-measure sums and counts of values, of a run of rows. */
export interface Aggregate {
  rows: number;
  sums: number[];
  /** Per measure, how many rows have a value (what a mean divides by, and a count row shows). */
  counts: number[];
  /** Per measure, the largest and smallest value (-Infinity and Infinity when none): only when a candidate shows them. */
  max?: number[];
  min?: number[];
  /** Per median candidate (by its index among the candidates), per measure: where the values lie around its number. */
  around?: Map<number, (Around | null)[]>;
}

/**
 * How a run of values lies around a number `x` a median row shows: how many are below it, at it
 * (within its rounding) and above it, and the nearest on either side. A median is no sum, but these
 * add up over runs of rows, and tell the values at the middle of the run.
 */
export interface Around {
  below: number;
  at: number;
  above: number;
  /** The largest value below `x` (-Infinity when none), and the smallest above it (Infinity). */
  belowMax: number;
  aboveMin: number;
}

/** A row that may be a totals row: its position, its label (if any) and its measures, in file order. */
export interface TotalsCandidate {
  /** The row's position among the data rows, from 0. */
  row: number;
  /** The label cell: a column index and its text; null for a row of nothing but numbers. */
  label: { column: number; text: string } | null;
  /** What its label says it shows: sums (and a bare row's), means or counts. */
  kind: SummaryKind;
  /** The last row, labelled `Total East` or the like: a totals row only if it sums the rows above. */
  loose?: boolean;
  values: (number | null)[];
}

/** The rows a totals row sums: how many, on which side, and which of its measures equal their sums. */
export interface Span {
  rows: number;
  below: boolean;
  /** Indices into the candidate's `values`. */
  matched: number[];
}

/**
 * Whether a total equals a sum. Exports often round each cell as shown, so a total can be off
 * by half a unit of the last digit per row summed, up to a hundredth of a percent of the sum;
 * never less than a cent, nor than the error of adding doubles.
 */
function close(total: number, sum: number, rows: number): boolean {
  const tolerance = Math.max(0.01, Math.abs(sum) * 1e-9, Math.min(0.005 * rows, Math.abs(sum) * 1e-4));
  return Math.abs(total - sum) <= tolerance;
}

/**
 * Whether a mean row's number is the mean, as shown: a number written with decimals may be off by
 * half a unit of its last digit (`4.67` for 4.6667), a whole number must be exact, since a real
 * category's whole numbers are too often within rounding of a mean.
 */
function closeMean(shown: number, mean: number): boolean {
  return Math.abs(shown - mean) <= tolerance(shown, mean);
}

/** How far a number shown may be from the one it stands for: half a unit of its last decimal. */
export function tolerance(shown: number, exact = shown): number {
  const text = String(Math.abs(shown));
  const dot = text.indexOf('.');
  const rounding = dot < 0 || text.includes('e') ? 0 : 0.5 * 10 ** -(text.length - dot - 1);
  return Math.max(rounding, Math.abs(exact) * 1e-9);
}

/** What a candidate of `kind` should show for measure `m` of the rows `aggregate` holds (NaN for a median: see {@link median}). */
function expected(kind: SummaryKind, aggregate: Aggregate, m: number): number {
  const sum = aggregate.sums[m] ?? 0;
  const count = aggregate.counts[m] ?? 0;
  if (kind === 'max' || kind === 'min') return count > 0 ? ((aggregate[kind]?.[m] as number | undefined) ?? NaN) : NaN;
  return kind === 'sum' ? sum : kind === 'count' ? count : kind === 'mean' && count > 0 ? sum / count : NaN;
}

function matches(kind: SummaryKind, shown: number, aggregate: Aggregate, m: number, k: number): boolean {
  if (kind === 'median') return median(shown, aggregate.around?.get(k)?.[m] ?? null);
  const wanted = expected(kind, aggregate, m);
  if (kind === 'sum') return close(shown, wanted, aggregate.rows);
  return kind === 'count' ? shown === wanted : closeMean(shown, wanted);
}

/** Whether `x` is the median of values lying around it as `around` tells: the middle one, or the mean of the middle two. */
function median(x: number, around: Around | null): boolean {
  if (!around) return false;
  const { below, at, above, belowMax, aboveMin } = around;
  const n = below + at + above;
  // The value at a position among the sorted values, when it is known: next to or among those at `x`.
  const valueAt = (i: number) =>
    i === below - 1 ? belowMax : i >= below && i < below + at ? x : i === below + at ? aboveMin : null;
  const [low, high] = n % 2 === 1 ? [valueAt((n - 1) / 2), valueAt((n - 1) / 2)] : [valueAt(n / 2 - 1), valueAt(n / 2)];
  return n > 0 && low !== null && high !== null && closeMean(x, (low + high) / 2);
}

const add = (a: Aggregate, b: Aggregate): Aggregate => ({
  rows: a.rows + b.rows,
  sums: a.sums.map((s, m) => s + (b.sums[m] ?? 0)),
  counts: a.counts.map((c, m) => c + (b.counts[m] ?? 0)),
});
const subtract = (a: Aggregate, b: Aggregate): Aggregate => ({
  rows: a.rows - b.rows,
  sums: a.sums.map((s, m) => s - (b.sums[m] ?? 0)),
  counts: a.counts.map((c, m) => c - (b.counts[m] ?? 0)),
});
const asRow = (c: TotalsCandidate): Aggregate => ({
  rows: 1,
  sums: c.values.map((v) => v ?? 0),
  counts: c.values.map((v) => (v === null ? 0 : 1)),
});

const ORDERED: SummaryKind[] = ['max', 'min', 'median'];

/**
 * The largest and smallest values, and how they lie around each median candidate's numbers, of
 * the data from candidate `a` to candidate `b` (both totals, or the table's ends -1 and n). Unlike
 * sums, these cannot be taken from the data before `b` less the data before `a`: the runs of rows
 * between them, and the candidates there that are data, are pooled.
 */
function pooled(a: number, b: number, runs: Runs, totals: Set<number>) {
  const width = runs.segments[0]?.sums.length ?? 0;
  const max = Array.from({ length: width }, () => -Infinity);
  const min = Array.from({ length: width }, () => Infinity);
  const around = new Map<number, (Around | null)[]>();
  const pool = (part: Aggregate | undefined) => {
    part?.max?.forEach((v, m) => (max[m] = Math.max(max[m] as number, v)));
    part?.min?.forEach((v, m) => (min[m] = Math.min(min[m] as number, v)));
    for (const [k, parts] of part?.around ?? []) {
      const sum =
        around.get(k) ?? parts.map(() => ({ below: 0, at: 0, above: 0, belowMax: -Infinity, aboveMin: Infinity }));
      parts.forEach((p, m) => {
        const into = sum[m];
        if (!p || !into) return;
        into.below += p.below;
        into.at += p.at;
        into.above += p.above;
        into.belowMax = Math.max(into.belowMax, p.belowMax);
        into.aboveMin = Math.min(into.aboveMin, p.aboveMin);
      });
      around.set(k, sum);
    }
  };
  for (let s = a + 1; s <= b; s++) {
    pool(runs.segments[s]);
    if (s < b && !totals.has(s)) pool(runs.candidates[s]);
  }
  return { max, min, around };
}

/**
 * The data as {@link pooled} reads it: the runs of rows between candidates, and each candidate as
 * one row of data, for when it is no summary.
 */
interface Runs {
  segments: Aggregate[];
  candidates: Aggregate[];
}

/**
 * Candidate `j` as one row of data, with its place around the numbers of each median candidate
 * the segments were measured around (`probed`): one left unmeasured is no median row.
 */
function rowStats(j: number, candidates: TotalsCandidate[], probed: number[]): Aggregate {
  const row = asRow(candidates[j] as TotalsCandidate);
  const values = (candidates[j] as TotalsCandidate).values;
  const around = new Map<number, (Around | null)[]>();
  probed.forEach((k) => {
    const c = candidates[k] as TotalsCandidate;
    around.set(
      k,
      c.values.map((x, m) => {
        const v = values[m];
        if (x === null || v === null || v === undefined) return null;
        const t = tolerance(x);
        const [below, above] = [v < x - t, v > x + t];
        return {
          below: below ? 1 : 0,
          at: below || above ? 0 : 1,
          above: above ? 1 : 0,
          belowMax: below ? v : -Infinity,
          aboveMin: above ? v : Infinity,
        };
      }),
    );
  });
  return {
    ...row,
    max: values.map((v) => v ?? -Infinity),
    min: values.map((v) => v ?? Infinity),
    around,
  };
}

interface Verdict {
  span: Span | null;
  /** How far the closest span's sums are from the row's numbers (relative): the least convincing goes first. */
  error: number;
}

/**
 * Which candidates are totals rows, with the span each one sums. Every candidate starts as a
 * total; the rows the totals do not claim are the data. A total may sum the data rows between
 * it and the total before (a subtotal under its group) or after (above its group), the rows back
 * to the previous total labelled in the same column (a region subtotal over rep subtotals), or
 * all the data above or below it (a grand total). A candidate none of whose spans fits is data:
 * the least convincing go first, and the rest are judged again with them counted as data, so a
 * real category called "Total" inside the data does not spoil the grand total below it.
 *
 * A labelled row is a total when at least half of its numbers (and at least one) equal a span's
 * sums: a total row may show an average or a rate beside its sums. A row without a label must
 * match in every number, and sum at least two rows, at the top or bottom of the table.
 *
 * A row labelled as averages, counts, maximums, minimums or medians ("Average", "East Count",
 * "Max", "Median") is judged the same way against the means, counts of values, largest, smallest
 * or middle values of at least two rows, more strictly, since a category (or a rep) called
 * "Average" or "Max" is more likely than one called "Total": at least two of its numbers must
 * match, and half of them, unless it shows one number only (a table of one measure, or a row that
 * leaves the other measures blank), and none of the rows it summarises may be labelled as such a
 * row; a median summarises three rows at least. Such a row often sits next to its group's totals
 * row, so its group may also lie past the summary rows beside it.
 */
export function totalsAmong(candidates: TotalsCandidate[], segments: Aggregate[]): Map<number, Span> {
  const totals = new Set(candidates.map((_, k) => k));
  const probed = [...(segments[0]?.around?.keys() ?? [])];
  const runs: Runs = {
    segments,
    candidates: candidates.some((c) => ORDERED.includes(c.kind))
      ? candidates.map((_, j) => rowStats(j, candidates, probed))
      : [],
  };
  for (;;) {
    const before = dataBefore(candidates, segments, totals);
    const verdicts = new Map([...totals].map((k) => [k, judge(k, candidates, runs, before, totals)]));
    const failing = [...verdicts].filter(([, v]) => v.span === null);
    if (failing.length === 0) return giveBack(candidates, segments, runs, verdicts);
    const worst = Math.max(...failing.map(([, v]) => v.error));
    for (const [k, v] of failing) if (v.error >= worst / 2) totals.delete(k);
  }
}

/**
 * Takes back the candidates that were dropped as data in a round where others still hid their
 * rows, but that sum their rows once those others are data: a real category "Total" worth much
 * of its group fails the group's subtotal (its row was not counted) by as much as it fails
 * itself, and both go in the same round, and the grand total with them. A candidate is taken
 * back only when every total still fits with it; one that does not fit on its own costs one
 * judgement, so a thousand false candidates stay cheap.
 */
function giveBack(
  candidates: TotalsCandidate[],
  segments: Aggregate[],
  runs: Runs,
  verdicts: Map<number, Verdict>,
): Map<number, Span> {
  let totals = new Set(verdicts.keys());
  let spans = new Map([...verdicts].map(([k, v]) => [k, v.span as Span]));
  for (let changed = true; changed;) {
    changed = false;
    for (let k = 0; k < candidates.length; k++) {
      if (totals.has(k)) continue;
      const trial = new Set([...totals, k]);
      const before = dataBefore(candidates, segments, trial);
      if (judge(k, candidates, runs, before, trial).span === null) continue;
      const judged = [...trial].map((j) => [j, judge(j, candidates, runs, before, trial).span] as const);
      if (judged.some(([, span]) => span === null)) continue;
      totals = trial;
      spans = new Map(judged as [number, Span][]);
      changed = true;
    }
  }
  return spans;
}

/**
 * `before[j]`: the data before candidate j, that is the segments and the candidates that are
 * not totals; `before[n]` is all the data. Segment j lies just before candidate j.
 */
function dataBefore(candidates: TotalsCandidate[], segments: Aggregate[], totals: Set<number>): Aggregate[] {
  const before = [segments[0] as Aggregate];
  candidates.forEach((candidate, j) => {
    const data = totals.has(j) ? (before[j] as Aggregate) : add(before[j] as Aggregate, asRow(candidate));
    before.push(add(data, segments[j + 1] as Aggregate));
  });
  return before;
}

function judge(
  k: number,
  candidates: TotalsCandidate[],
  runs: Runs,
  before: Aggregate[],
  totals: Set<number>,
): Verdict {
  const n = candidates.length;
  const candidate = candidates[k] as TotalsCandidate;
  const others = [...totals].filter((j) => j !== k);
  const sameColumn = (j: number) => candidates[j]?.label?.column === candidate.label?.column;
  const previous = (test: (j: number) => boolean) => Math.max(-1, ...others.filter((j) => j < k && test(j)));
  const following = (test: (j: number) => boolean) => Math.min(n, ...others.filter((j) => j > k && test(j)));
  // Totals are never data, so the data between two of them (or a table's end, -1 and n) is a difference.
  const between = (a: number, b: number) =>
    a < 0 ? (before[b] as Aggregate) : subtract(before[b] as Aggregate, before[a] as Aggregate);
  // Each span as the candidates (or ends) it lies between.
  const bounds: { from: number; to: number; below: boolean }[] = [
    { from: -1, to: k, below: false },
    { from: k, to: n, below: true },
  ];
  if (candidate.kind !== 'sum') {
    // The summary rows right next to this one (no data between): "East Total" above "East Average".
    let [first, last] = [k, k];
    while (totals.has(first - 1) && between(first - 1, first).rows === 0) first--;
    while (totals.has(last + 1) && between(last, last + 1).rows === 0) last++;
    bounds.push(
      { from: previous((j) => j < first), to: k, below: false },
      { from: k, to: following((j) => j > last), below: true },
    );
  }
  if (candidate.label) {
    bounds.unshift(
      { from: previous(() => true), to: k, below: false },
      { from: previous(sameColumn), to: k, below: false },
      { from: k, to: following(() => true), below: true },
      { from: k, to: following(sameColumn), below: true },
    );
  }
  const ordered = ORDERED.includes(candidate.kind);
  // A row labelled "Max" or "Average" among the data it would summarise makes such labels a category
  // (a Stat column of Min, Max, Median per sensor), where one of them matches its neighbours by chance.
  const alike = (from: number, to: number) =>
    candidate.kind !== 'sum' &&
    candidates.some((c, j) => j > from && j < to && !totals.has(j) && c.label !== null && c.kind !== 'sum');
  const spans = bounds
    .filter(({ from, to }) => !alike(from, to))
    .map(({ from, to, below }) => ({
      aggregate: ordered ? { ...between(from, to), ...pooled(from, to, runs, totals) } : between(from, to),
      below,
    }));
  const present = candidate.values.flatMap((v, m) => (v === null ? [] : [m]));
  const { kind } = candidate;
  // A row whose label may name a thing (`Total Recall`) must prove itself as a bare row does: every
  // number a sum, of two rows at least.
  const strict = !candidate.label || candidate.loose === true;
  // The median of two rows is their mean: a row under two rows is no convincing median.
  const fewest = kind === 'median' ? 3 : kind !== 'sum' || strict ? 2 : 1;
  let error = Infinity;
  for (const { aggregate, below } of spans) {
    if (present.length === 0 || aggregate.rows < fewest) continue;
    const matched = present.filter((m) => matches(kind, candidate.values[m] as number, aggregate, m, k));
    const half = matched.length * 2 >= present.length;
    const fits = strict
      ? matched.length === present.length
      : kind === 'sum'
        ? matched.length >= 1 && half
        : (matched.length >= 2 && half) || (present.length === 1 && matched.length === 1);
    if (fits) return { span: { rows: aggregate.rows, below, matched }, error: 0 };
    const off = present.map((m) => {
      const [shown, wanted] = [candidate.values[m] as number, expected(kind, aggregate, m)];
      if (Number.isNaN(wanted)) return 1;
      return Math.abs(shown - wanted) / Math.max(Math.abs(shown), Math.abs(wanted), 1);
    });
    error = Math.min(error, off.reduce((a, b) => a + b, 0) / off.length);
  }
  return { span: null, error };
}
