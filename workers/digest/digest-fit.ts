import type { DatasetMeta } from '../../core/dataset';
import type { Cadence } from '../../core/digest-cadence';
import type { AnalysisPlan } from '../plan/analysis-plan';
import { measureName } from '../plan/measure-columns';
import { digestMeasure } from './digest-measure';

const PERIOD: Record<Cadence['every'], string> = { day: 'day', week: 'week', month: 'month' };

const WHAT_A_DIGEST_SAYS =
  'a digest follows one measure over time: its value for the latest complete period against the one before, and the members that drove the change';

/**
 * Why a planned question cannot be a digest, in words that say what to ask instead; `undefined`
 * when it can. A digest compares the latest complete period with the one before, so it needs a
 * date column and no fixed period, and it reports one measure's change: a question of another
 * shape (two measures, a correlation, a ranking) is refused rather than answered as a different one.
 */
export function digestRefusal(
  question: string,
  plan: AnalysisPlan,
  meta: DatasetMeta & { name: string },
  cadence: Cadence,
): string | undefined {
  const period = PERIOD[cadence.every];
  const what = digestMeasure(plan, meta, cadence);
  if (!what) {
    return `${meta.name} has no date column, and a digest compares each ${period} with the one before. Share a file with a date on each row to follow “${question}”.`;
  }
  const fixed = plan.filters.find((filter) => filter.column === what.timeColumn && filter.op !== 'latest');
  const fixedChange = plan.change && !['latest', 'latest_complete', 'to_date', 'each'].includes(plan.change.period);
  if (fixed || fixedChange || plan.comparison?.column === what.timeColumn) {
    const without = question
      .replace(/\s*\b(?:in|for|during|of)\s+(?:(?:q[1-4]|[a-z]+)\s+)?(?:19|20)\d\d\b/gi, '')
      .trim();
    const instead = without && without !== question ? ` (\`digest ${cadenceWord(cadence)} ${without}\`)` : '';
    return `“${question}” is about a fixed period of ${what.timeColumn}, but a digest always reports the latest complete ${period}. Leave the date out${instead}.`;
  }
  if (plan.kind !== 'aggregate' || plan.measures.length > 1) {
    return `“${question}” asks about ${plan.measures.length} measures together, but ${WHAT_A_DIGEST_SAYS}. Set up one digest per measure (\`digest ${cadenceWord(cadence)} ${named(plan)}\`), or ask the question on its own.`;
  }
  if (plan.limit !== undefined || plan.topPerGroup || plan.comparison) {
    const dimension = plan.dimensions.find((candidate) => candidate.grain === undefined)?.column;
    const by = dimension ? ` by ${dimension}` : '';
    return `“${question}” ranks or compares a selection, but ${WHAT_A_DIGEST_SAYS}. \`digest ${cadenceWord(cadence)} ${named(plan)}${by}\` names the ${dimension ?? 'members'} that moved it most.`;
  }
  return undefined;
}

/** The plan's first measure as a digest question ("total profit", "average discount"). */
function named(plan: AnalysisPlan): string {
  return measureName(plan.measures[0]!).replace(/^(Total|Average|Median|Count|Min|Max)\b/, (word) =>
    word.toLowerCase(),
  );
}

function cadenceWord(cadence: Cadence): string {
  return cadence.every === 'day' ? 'daily' : cadence.every === 'week' ? 'weekly' : 'monthly';
}
