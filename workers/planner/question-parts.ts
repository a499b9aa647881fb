import type { DatasetMeta } from '../../core/dataset';
import { fold, nameWords } from './question-tokens';

/**
 * The parts of a question that change what must be computed, read from its
 * words alone, independently of how the planner matched them: a second
 * reading the plan is held to, so a question is never answered with a
 * neighbouring one ("top 2 products in each region" with the top 2 pairs).
 */
export type QuestionPart =
  /** "top 2 products in each region": a ranking inside every group. */
  | { kind: 'top-per-group'; words: string }
  /** "for each symbol": the answer must be split by what follows. */
  | { kind: 'per-group'; words: string; target: string }
  /** "growth", "change", "grew": a difference between periods. */
  | { kind: 'change'; words: string }
  /** "week-over-week", "vs last year", "over the month before": each period against the one before or a year earlier. */
  | { kind: 'period-over-period'; words: string }
  /** "our first quarter vs our latest quarter": the ends of the data. */
  | { kind: 'first-vs-last'; words: string }
  /** "per unit", "margin", "average order value": one aggregate divided by another. */
  | { kind: 'ratio'; words: string }
  /** "which region…", "what month…", "who…": the answer names a member. */
  | { kind: 'which'; words: string }
  /** "by weekday", "hour of day", "month of the year": a cycle, not a calendar series. */
  | { kind: 'cyclic'; words: string }
  /** "A vs B": both sides must be in the answer. */
  | { kind: 'both-sides'; words: string }
  /** "went most over budget", "actual minus budget": one column less another, row by row or in total. */
  | { kind: 'difference'; words: string };

const CYCLIC =
  /\b(week ?days?|day[- ]of[- ](?:the[- ])?week|days of (?:the )?week|hours? of (?:the )?day|months? of (?:the )?year|quarters? of (?:the )?year|weekends?|seasonality|(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b|\b(?:month|hour|day|weekday)s? (?:across|regardless of|over) (?:all )?(?:the )?(?:years|days|weeks)\b/;
const PERIOD_OVER_PERIOD =
  /\b(?:(?:day|week|month|quarter|year)[- ]over[- ](?:day|week|month|quarter|year)|yoy|mom|wow|qoq|growth rates?|(?:daily|weekly|monthly|quarterly|yearly|annual) (?:\w+ )?(?:growth|change|changes)|(?:percent|percentage|%) changes?|(?:the|a) (?:day|week|month|quarter|year) (?:before|earlier|ago)|(?:previous|prior|preceding) (?:day|week|month|quarter|year|period)|(?:vs|versus|compared (?:to|with)|than|against|relative to) (?:the )?(?:last|previous|prior|same \w+ (?:of )?last) (?:day|week|month|quarter|year|period))\b/;
const CHANGE =
  /\b(growth|grow|grew|grown|growing|change|changes|changed|changing|increase[sd]?|increasing|decrease[sd]?|decreasing|rise|rose|risen|rising|drop|drops|dropped|fall|fell|fallen|falling|decline[sd]?|declining|jump|jumps|jumped|spikes?|spiked|surge[sd]?|dips?|dipped|climb(?:s|ed)?|shrink|shrank|shrinking|tracking|improve[sd]?|improving|worsen(?:ed)?)\b/;
const FIRST_VS_LAST =
  /\b(?:first|earliest)\b.*\b(?:day|week|month|quarter|year|period)s?\b.*\b(?:last|latest|most recent|final|current)\b|\b(?:last|latest|most recent)\b.*\b(?:day|week|month|quarter|year|period)s?\b.*\b(?:first|earliest)\b/;
const RATIO =
  /\b(?:per (?:unit|units|order|orders|customer|customers|item|items|head|capita|person|people|transaction|transactions|employee|employees|user|users|visit|visits|sale|dollar)|margins?|average (?:order|basket|ticket|deal) (?:value|size)|aov|ratio|ratios|divided by|profitability|return on)\b|\b[a-z][a-z_-]* as an? (?:percentage|percent|share|proportion|fraction|ratio) of (?!(?:the |our )?(?:total|whole|overall|grand|sum|all|everything)\b)/;
const WHICH =
  /\b(which|who|whom|whose|when)\b|\bwhat (?!is\b|are\b|was\b|were\b|about\b|if\b|does\b|do\b|did\b)\w+(?: \w+)? (?:had|has|have|was|were|is|saw|sold|made|got|did|does)\b/;
const RANKING =
  /\b(top|bottom|best|worst|highest|lowest|most|least|largest|biggest|smallest|fewest|leading|greatest|strongest|weakest)\b/;
const EACH =
  /\b(?:in|for|within|of|across) (?:each|every) (?:of (?:the|our) )?([a-z][a-z-]*)|\b(?:each|every|per) ([a-z][a-z-]*)/;
const SHARE_OF =
  /\b(?:share|percent|percentage|proportion|fraction) of (?:the |our |all )?([a-z][a-z-]*) (?:in|of|among|within)\b/;
const singular = (word: string) => word.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');
const DIFFERENCE =
  /\b(?:(?:over|under|above|below) (?:the |our |their |its )?(?:budgets?|targets?|plans?|forecasts?|quotas?|goals?)|(?:over|under)[- ]?(?:spen[dt]|spending|budget)|[a-z][a-z_-]* minus [a-z][a-z_-]*)\b/;
const VS = /\b(vs|versus|v|compared (?:to|with)|relative to|contrasted with)\b/;

/** Words that follow "per" or "each" without naming a group. */
const NOT_GROUPS = new Set(['the', 'one', 'single', 'individual', 'other', 'time', 'cent']);

/**
 * Reads the parts of a question that must be in its plan. Cue words that are
 * part of a column's name ("Time of day", "Margin") are data, not parts.
 *
 * @example
 * questionParts('top 2 products in each region', meta).map((p) => p.kind) // ['top-per-group']
 */
export function questionParts(question: string, meta: DatasetMeta): QuestionPart[] {
  const text = fold(question)
    .replace(/[’']/g, ' ')
    .replace(/[^\p{L}\p{N}%$-]+/gu, ' ')
    .trim();
  const names = meta.columns.map((c) => ` ${nameWords(c.name).join(' ')} `);
  const ofData = (words: string) => names.some((name) => name.includes(` ${words} `));
  const parts: QuestionPart[] = [];
  const add = (kind: Exclude<QuestionPart['kind'], 'per-group'>, pattern: RegExp) => {
    const match = pattern.exec(text);
    if (match && !ofData(match[0])) parts.push({ kind, words: match[0] });
  };
  add('cyclic', CYCLIC);
  add('ratio', RATIO);
  add('first-vs-last', FIRST_VS_LAST);
  const firstVsLast = parts.some((p) => p.kind === 'first-vs-last');
  // "first year vs last year": "vs last year" is one side, not a change against the year before.
  if (!firstVsLast) add('period-over-period', PERIOD_OVER_PERIOD);
  // "the biggest drop month-over-month": the change word says which way a ranking runs.
  add('change', CHANGE);
  add('which', WHICH);
  add('difference', DIFFERENCE);
  if (!firstVsLast) add('both-sides', VS);
  // "share of Renewables in net generation": a part of each total, not each group's part of the grand total.
  const shareOf = SHARE_OF.exec(text);
  if (shareOf?.[1] && !ofData(shareOf[1]) && !names.some((name) => name.includes(` ${singular(shareOf[1] ?? '')}`))) {
    parts.push({ kind: 'ratio', words: shareOf[0] });
  }
  const each = EACH.exec(text);
  const target = each?.[1] ?? each?.[2];
  if (
    each &&
    target &&
    !NOT_GROUPS.has(target) &&
    !parts.some((p) => p.kind === 'ratio' && p.words.startsWith('per'))
  ) {
    const ranked = RANKING.test(text.replace(each[0], ' '));
    parts.push(ranked ? { kind: 'top-per-group', words: each[0] } : { kind: 'per-group', words: each[0], target });
  }
  return parts;
}

/** How a part reads back to the person asking, for the refusal. */
export function describePart(part: QuestionPart): string {
  switch (part.kind) {
    case 'top-per-group':
      return `a ranking within each group ("${part.words}")`;
    case 'per-group':
      return `a split for each ${part.target} ("${part.words}")`;
    case 'change':
      return `a change between periods ("${part.words}")`;
    case 'period-over-period':
      return `a change against the period before ("${part.words}")`;
    case 'first-vs-last':
      return `the first period against the latest ("${part.words}")`;
    case 'ratio':
      return `a ratio of two totals ("${part.words}")`;
    case 'which':
      return `the name of the one that stands out ("${part.words}")`;
    case 'cyclic':
      return `a repeating cycle ("${part.words}")`;
    case 'both-sides':
      return `two sides to set against each other ("${part.words}")`;
    case 'difference':
      return `one column less another ("${part.words}")`;
  }
}
