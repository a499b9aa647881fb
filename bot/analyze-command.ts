import { plainText } from '../core/slack-text';
/** What `/analyze <text>` asks for. */
export type AnalyzeRequest =
  | { kind: 'command'; command: 'list' | 'help' }
  | { kind: 'question'; text: string }
  /** `digests` lists the channel's digests; `digest <cadence> <question>` sets one up. */
  | { kind: 'digests' }
  | { kind: 'digest'; text: string };

/**
 * `/analyze` alone or `/analyze help` explains, `/analyze list` lists the
 * channel's datasets, `/analyze digests` its digests, `/analyze digest …` sets one up (the worker
 * reads the cadence and the question), anything else is a question (a dataset named in it is
 * the worker's to resolve).
 *
 * @example parseAnalyzeText('  List ') // { kind: 'command', command: 'list' }
 */
export function parseAnalyzeText(text: string | undefined): AnalyzeRequest {
  const trimmed = plainText(text ?? '');
  const word = trimmed.toLowerCase();
  if (word === '' || word === 'help' || word === '?') return { kind: 'command', command: 'help' };
  if (word === 'list') return { kind: 'command', command: 'list' };
  if (word === 'digests') return { kind: 'digests' };
  const digest = /^digest\s+(.+)$/is.exec(trimmed)?.[1]?.trim();
  if (digest) return { kind: 'digest', text: digest };
  return { kind: 'question', text: trimmed };
}
