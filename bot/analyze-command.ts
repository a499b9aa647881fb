import { plainText } from '../core/slack-text';
/** What `/analyze <text>` asks for. */
export type AnalyzeRequest = { kind: 'command'; command: 'list' | 'help' } | { kind: 'question'; text: string };

/**
 * `/analyze` alone or `/analyze help` explains, `/analyze list` lists the
 * channel's datasets, anything else is a question (a dataset named in it is
 * the worker's to resolve).
 *
 * @example parseAnalyzeText('  List ') // { kind: 'command', command: 'list' }
 */
export function parseAnalyzeText(text: string | undefined): AnalyzeRequest {
  const trimmed = plainText(text ?? '');
  const word = trimmed.toLowerCase();
  if (word === '' || word === 'help' || word === '?') return { kind: 'command', command: 'help' };
  if (word === 'list') return { kind: 'command', command: 'list' };
  return { kind: 'question', text: trimmed };
}
