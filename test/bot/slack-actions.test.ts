import { jobIdFor } from '../../core/job';
import {
  ASK_ACTION_PATTERN,
  askActionId,
  AskButtonValue,
  ButtonValueError,
  decodeButtonValue,
  encodeButtonValue,
  ExportButtonValue,
  MAX_BUTTON_VALUE_LENGTH,
} from '../../core/slack-actions';

// core/slack-actions.ts is the contract between the worker's buttons and the edge's click handlers.
describe('button values and action ids', () => {
  it('round-trips a suggested question and an answer reference', () => {
    const ask = { dataset: 'd-sales_q3.v1', question: 'Which region grew fastest in 2024?' };
    const exported = { answer: jobIdFor('slack', 'command:T1:trigger') };

    expect(decodeButtonValue(AskButtonValue, encodeButtonValue(AskButtonValue, ask))).toEqual(ask);
    expect(decodeButtonValue(ExportButtonValue, encodeButtonValue(ExportButtonValue, exported))).toEqual(exported);
  });

  it('keeps the longest allowed suggestion within Slack’s button value limit', () => {
    const value = encodeButtonValue(AskButtonValue, { dataset: 'd'.repeat(128), question: '"'.repeat(500) });

    expect(value.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE_LENGTH);
  });

  it.each([
    ['not JSON', 'revenue'],
    ['a dataset id that climbs out of its folder', JSON.stringify({ dataset: '../other', question: 'q' })],
    ['an empty question', JSON.stringify({ dataset: 'd1', question: '' })],
    ['nothing', undefined],
  ])('refuses %s with a ButtonValueError', (_what, value) => {
    expect(() => decodeButtonValue(AskButtonValue, value)).toThrow(ButtonValueError);
  });

  it('gives each suggestion button its own action id, all matched by one pattern', () => {
    const ids = [0, 1, 2].map(askActionId);

    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => ASK_ACTION_PATTERN.test(id))).toBe(true);
    expect(ASK_ACTION_PATTERN.test('analytics.show_sql')).toBe(false);
  });
});
