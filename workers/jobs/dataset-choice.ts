import type { ChannelCatalog } from '../catalog/channel-catalog';
import type { DatasetEntry } from '../catalog/dataset-entry';
import type { ThreadState } from '../catalog/thread-state';
import { NO_DATASET_TEXT } from '../conversation/dataset-replies';
import type { AnalysisPlan } from '../plan/analysis-plan';
import { JobError } from './job-errors';

export interface DatasetChoice {
  entry: DatasetEntry;
  /** The question with any "in sales_q3.xlsx" taken out: the file name is not part of what to compute. */
  question: string;
  /** The thread's last plan, when the question is about the thread's dataset, so follow-ups refine it. */
  previous?: AnalysisPlan;
}

export interface ChoiceHints {
  /** The state of the thread the question was asked in. */
  thread?: ThreadState;
  /** The dataset a suggested-question button was made for. */
  dataset?: string;
}

const FILE_NAME = /[\p{L}\p{N}_.()\- ]*?[\p{L}\p{N}_()-]\.(?:csv|tsv|txt|xlsx|xlsm)\b/iu;
const ESCAPE = /[.*+?^${}()|[\]\\]/g;

/** Finds a catalog name in the question, with the words that introduce it ("in", "from", quotes). */
function namedIn(question: string, entries: DatasetEntry[]): { entry: DatasetEntry; rest: string } | undefined {
  const byLength = [...entries].sort((a, b) => b.name.length - a.name.length);
  for (const entry of byLength) {
    const name = entry.name.replace(ESCAPE, '\\$&');
    // The name must start a word, or "data.csv" would find "a.csv".
    const phrase = new RegExp(
      `(?:\\s*\\b(?:in|from|of|on|using|for)\\s+)?(?:the\\s+)?[“"'‘]?(?<![\\p{L}\\p{N}_.-])${name}[”"'’]?`,
      'iu',
    );
    if (phrase.test(question)) {
      const rest = question.replace(phrase, ' ').replace(/\s+/g, ' ').trim();
      return { entry, rest: rest.replace(/\s*[,;:]\s*$/, '') };
    }
  }
  return undefined;
}

/**
 * Which of the channel's datasets a question is about: one it names ("… in
 * sales_q3.xlsx"), else the one its button was made for, else the thread's,
 * else the channel's newest. A named file wins over the thread because it is
 * the most specific thing the person said. Only this channel's catalog is
 * searched, so a name from another channel is simply not found.
 */
export async function chooseDataset(
  catalog: ChannelCatalog,
  question: string,
  hints: ChoiceHints,
): Promise<DatasetChoice> {
  const withThreadPlan = (entry: DatasetEntry, text: string): DatasetChoice => ({
    entry,
    question: text,
    ...(hints.thread?.dataset === entry.id && hints.thread.plan ? { previous: hints.thread.plan } : {}),
  });
  const entries = await catalog.list();
  const named = namedIn(question, entries);
  if (named) return withThreadPlan(named.entry, named.rest);
  const fileName = question.match(FILE_NAME)?.[0].trim().split(/\s+/).pop();
  if (fileName) {
    throw new JobError(
      'DATASET_NOT_FOUND',
      `I don’t have a file called ${fileName} in this channel. \`/analyze list\` shows the ones I do.`,
    );
  }
  const wanted = hints.dataset ?? hints.thread?.dataset;
  if (wanted) {
    const entry = entries.find((e) => e.id === wanted);
    if (!entry)
      throw new JobError('DATASET_NOT_FOUND', 'That dataset is no longer in this channel; share the file again.');
    return withThreadPlan(entry, question);
  }
  const latest = entries[0];
  if (!latest) throw new JobError('NO_DATASET', NO_DATASET_TEXT);
  return withThreadPlan(latest, question);
}
