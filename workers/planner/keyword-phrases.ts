import type { ChartKind } from '../plan/analysis-plan';

/**
 * The words that steer a question rather than name data: grouping,
 * aggregation, ranking, intents, follow-up cues. Each phrase maps to one
 * meaning; the lexer takes the longest phrase at each position.
 */
export type Keyword =
  /** "by", "per", "for each", "across", "split by": what follows is a grouping. */
  | 'group'
  | 'sum'
  | 'avg'
  | 'median'
  | 'min'
  | 'max'
  /** "how much": a total of whatever follows. */
  | 'how-much'
  /** "count", "number of", "how many": rows, or distinct values of what follows. */
  | 'count'
  /** "distinct", "unique": distinct values of what follows. */
  | 'distinct'
  /** Superlatives: a ranking when there is a group, else a max/min. */
  | 'highest'
  | 'lowest'
  /** "top" / "bottom", optionally followed by a number. */
  | 'top'
  | 'bottom'
  | 'share'
  | 'distribution'
  | 'relationship'
  | 'trend'
  /** Change words: with "from 2016 to 2017" they ask for a comparison of the two ends. */
  | 'change'
  | 'overview'
  | 'vs'
  /** "X against Y" plots X on the vertical axis: the reverse of "X vs Y". */
  | 'against'
  | 'compare'
  | 'and'
  | 'between'
  | 'not'
  | 'now'
  | 'instead'
  | 'what-about'
  | 'also'
  | 'only'
  /** Questions about what the data cannot hold: forecasts, tomorrow. */
  | 'future'
  | 'help';

export type Phrase = { words: string[] } & ({ keyword: Keyword } | { chart: ChartKind });

const KEYWORDS: Record<Keyword, string> = {
  group:
    'by | per | for each | for every | each | every | across | split by | broken down by | break down by | ' +
    'grouped by | group by | by each | among | within each | in each | in every',
  sum: 'total | totals | sum | sum of | overall | combined | aggregate | in total | sum up | summed',
  avg: 'average | averages | avg | mean | on average | typical | average of',
  median: 'median',
  min: 'min | minimum | minimal',
  max: 'max | maximum | maximal',
  'how-much': 'how much',
  count:
    'count | counts | count of | number of | how many | no of | nr of | num of | # of | # | frequency | ' +
    'how often | occurrences | tally',
  distinct: 'distinct | unique | different',
  highest: 'highest | largest | biggest | greatest | most | best | the most | leading | strongest | peak | peaked',
  lowest: 'lowest | smallest | least | fewest | worst | the least | weakest',
  top: 'top | rank | ranking | ranked | first',
  bottom: 'bottom',
  share:
    'share | share of | shares | percent | percentage | percentages | % | proportion | proportions | ' +
    'breakdown | break down | breakdown of | composition | mix | contribution | contributions | ' +
    'contribute | contributes | portion | fraction | what percent | what percentage | split of | ' +
    'part of',
  distribution: 'distribution | distributions | distributed | spread | histogram of',
  relationship:
    'correlation | correlations | correlate | correlates | correlated | relationship | relationships | ' +
    'relation | related | relate | affect | affects | affected | impact | impacts | influence | ' +
    'influences | drive | drives | depend on | depends on | associated with | association',
  trend:
    'trend | trends | trending | over time | evolution | evolve | evolved | history | historical | ' +
    'timeline | time series | progression | development | developed | over the period',
  change:
    'change | changes | changed | growth | grow | grew | grown | increase | increased | decrease | ' +
    'decreased | rise | rose | drop | dropped | fall | fell | difference | growing | increasing | ' +
    'decreasing | rising | falling | declining | decline | declined | shrinking | increases | decreases | ' +
    'rises | drops | falls | jump | jumps | jumped | spike | spikes | spiked | surge | surged | dip | dips | ' +
    'dipped | climb | climbed',
  overview:
    'overview | summary | summarize | summarise | describe | tell me about | everything | key numbers | ' +
    'key figures | dashboard | at a glance | headline | headlines',
  vs: 'vs | versus | v | compared to | compared with | relative to | contrasted with',
  against: 'against | plotted against',
  compare:
    'compare | comparison | comparing | comparison of | compare to | compare with | more | less | higher | ' +
    'lower | better | worse | bigger | smaller | fewer | which is larger',
  and: 'and | , | & | + | as well as',
  between: 'between',
  not: 'not | excluding | exclude | excludes | except | without | other than | apart from | but not | ex | excl',
  now: 'now | then | ok now | okay now',
  instead: 'instead | instead of | rather | rather than',
  'what-about':
    'what about | how about | and for | same for | same but | same with | same thing for | ' + 'do the same for',
  also: 'also | as well | too | additionally | further',
  only: 'only | just | only for | just for | limited to | restricted to | only in | just in',
  future:
    'tomorrow | forecast | forecasts | forecasting | predict | predicted | prediction | predictions | ' +
    'projection | projections | future | next year | next month | next quarter | next week | next day | ' +
    'will | going to | expected',
  help: 'help | what can you do | what can i ask | commands | hello | hi | hey',
};

const CHARTS: Record<ChartKind, string> = {
  bar: 'bar | bars | bar chart | bar graph | column chart | columns chart | bar plot | as bars',
  'horizontal-bar': 'horizontal bar | horizontal bars | horizontal bar chart',
  line: 'line | lines | line chart | line graph | as a line | line plot',
  'stacked-bar': 'stacked | stacked bar | stacked bars | stacked bar chart | stacked chart | stacked columns',
  doughnut: 'pie | pie chart | donut | doughnut | donut chart | doughnut chart',
  scatter: 'scatter | scatter plot | scatterplot | scatter chart | scatter graph',
  histogram: 'histogram | histograms',
  kpi: 'kpi | single number | big number | one number',
  table: 'table | as a table | tabular | in a table',
};

/** `'a | b c'` → [['a'], ['b', 'c']]. */
const alternatives = (phrases: string) => phrases.split('|').map((phrase) => phrase.trim().split(' '));

const PHRASES: Phrase[] = [
  ...Object.entries(KEYWORDS).flatMap(([keyword, phrases]) =>
    alternatives(phrases).map((words) => ({ words, keyword: keyword as Keyword })),
  ),
  ...Object.entries(CHARTS).flatMap(([chart, phrases]) =>
    alternatives(phrases).map((words) => ({ words, chart: chart as ChartKind })),
  ),
];

/** Keyword and chart phrases by their first word, longest first. */
export const PHRASES_BY_FIRST_WORD: ReadonlyMap<string, readonly Phrase[]> = (() => {
  const byFirst = new Map<string, Phrase[]>();
  for (const phrase of PHRASES) {
    const first = phrase.words[0] ?? '';
    byFirst.set(first, [...(byFirst.get(first) ?? []), phrase]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirst;
})();

/** Single words that are keywords on their own, so a one-word value or column spelled like them is not read as data. */
export const KEYWORD_WORDS: ReadonlySet<string> = new Set(
  PHRASES.filter((p) => p.words.length === 1).map((p) => p.words[0] ?? ''),
);

/** Number words people use in "top five". */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  fifty: 50,
  hundred: 100,
};
