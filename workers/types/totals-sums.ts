import type { SummaryKind } from './total-labels';

/** The number of rows, and the per-measure sums and counts of values, of a run of rows. */
export interface Aggregate {
  rows: number;
  sums: number[];
  /** Per measure, how many rows have a value (what a mean divides by, and a count row shows). */
  counts: number[];
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
  const text = String(Math.abs(shown));
  const dot = text.indexOf('.');
  const rounding = dot < 0 || text.includes('e') ? 0 : 0.5 * 10 ** -(text.length - dot - 1);
  return Math.abs(shown - mean) <= Math.max(rounding, Math.abs(mean) * 1e-9);
}

/** What a candidate of `kind` should show for measure `m` of the rows `aggregate` sums up. */
function expected(kind: SummaryKind, aggregate: Aggregate, m: number): number {
  const sum = aggregate.sums[m] ?? 0;
  const count = aggregate.counts[m] ?? 0;
  return kind === 'sum' ? sum : kind === 'count' ? count : count > 0 ? sum / count : NaN;
}

function matches(kind: SummaryKind, shown: number, aggregate: Aggregate, m: number): boolean {
  const wanted = expected(kind, aggregate, m);
  if (kind === 'sum') return close(shown, wanted, aggregate.rows);
  return kind === 'mean' ? closeMean(shown, wanted) : shown === wanted;
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
 * A row labelled as averages or counts ("Average", "East Count") is judged the same way against
 * the means or the counts of values of at least two rows, more strictly, since a category called
 * "Average" is more likely than one called "Total": at least two of its numbers must match, and
 * half of them, unless the table has one measure only. Such a row often sits next to its group's
 * totals row, so its group may also lie past the summary rows beside it.
 */
export function totalsAmong(candidates: TotalsCandidate[], segments: Aggregate[]): Map<number, Span> {
  const totals = new Set(candidates.map((_, k) => k));
  for (;;) {
    const before = dataBefore(candidates, segments, totals);
    const verdicts = new Map([...totals].map((k) => [k, judge(k, candidates, before, totals)]));
    const failing = [...verdicts].filter(([, v]) => v.span === null);
    if (failing.length === 0) return giveBack(candidates, segments, verdicts);
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
      if (judge(k, candidates, before, trial).span === null) continue;
      const judged = [...trial].map((j) => [j, judge(j, candidates, before, trial).span] as const);
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

function judge(k: number, candidates: TotalsCandidate[], before: Aggregate[], totals: Set<number>): Verdict {
  const n = candidates.length;
  const candidate = candidates[k] as TotalsCandidate;
  const others = [...totals].filter((j) => j !== k);
  const sameColumn = (j: number) => candidates[j]?.label?.column === candidate.label?.column;
  const previous = (test: (j: number) => boolean) => Math.max(-1, ...others.filter((j) => j < k && test(j)));
  const following = (test: (j: number) => boolean) => Math.min(n, ...others.filter((j) => j > k && test(j)));
  // Totals are never data, so the data between two of them (or a table's end, -1 and n) is a difference.
  const between = (a: number, b: number) =>
    a < 0 ? (before[b] as Aggregate) : subtract(before[b] as Aggregate, before[a] as Aggregate);
  const spans: { aggregate: Aggregate; below: boolean }[] = [
    { aggregate: between(-1, k), below: false },
    { aggregate: between(k, n), below: true },
  ];
  if (candidate.kind !== 'sum') {
    // The summary rows right next to this one (no data between): "East Total" above "East Average".
    let [first, last] = [k, k];
    while (totals.has(first - 1) && between(first - 1, first).rows === 0) first--;
    while (totals.has(last + 1) && between(last, last + 1).rows === 0) last++;
    spans.push(
      {
        aggregate: between(
          previous((j) => j < first),
          k,
        ),
        below: false,
      },
      {
        aggregate: between(
          k,
          following((j) => j > last),
        ),
        below: true,
      },
    );
  }
  if (candidate.label) {
    spans.unshift(
      {
        aggregate: between(
          previous(() => true),
          k,
        ),
        below: false,
      },
      { aggregate: between(previous(sameColumn), k), below: false },
      {
        aggregate: between(
          k,
          following(() => true),
        ),
        below: true,
      },
      { aggregate: between(k, following(sameColumn)), below: true },
    );
  }
  const present = candidate.values.flatMap((v, m) => (v === null ? [] : [m]));
  const { kind } = candidate;
  // A row whose label may name a thing (`Total Recall`) must prove itself as a bare row does: every
  // number a sum, of two rows at least.
  const strict = !candidate.label || candidate.loose === true;
  const fewest = kind !== 'sum' || strict ? 2 : 1;
  let error = Infinity;
  for (const { aggregate, below } of spans) {
    if (present.length === 0 || aggregate.rows < fewest) continue;
    const matched = present.filter((m) => matches(kind, candidate.values[m] as number, aggregate, m));
    const half = matched.length * 2 >= present.length;
    const fits = strict
      ? matched.length === present.length
      : kind === 'sum'
        ? matched.length >= 1 && half
        : (matched.length >= 2 && half) || (candidate.values.length === 1 && matched.length === 1);
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
