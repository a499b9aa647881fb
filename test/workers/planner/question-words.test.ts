import type { ColumnProfile } from '../../../core/dataset';
import { pickColumns } from '../../../workers/planner/column-choice';
import { findColumns } from '../../../workers/planner/column-match';
import { editDistance, nameWords, sameWord, tokenize } from '../../../workers/planner/question-tokens';

const column = (
  name: string,
  role: ColumnProfile['role'],
  type: ColumnProfile['type'] = role === 'measure' ? 'decimal' : 'category',
): ColumnProfile => ({
  name,
  role,
  type,
  unit: null,
  nulls: 0,
  distinct: 10,
});

const COLUMNS = [
  column('Customer ID', 'identifier', 'text'),
  column('Customer Name', 'dimension'),
  column('Order Date', 'time', 'date'),
  column('Sub-Category', 'dimension'),
  column('Sales', 'measure'),
  column('Cost Total $', 'measure'),
  column('Cost Other', 'measure'),
  column('temp_max', 'measure'),
  column('temp_min', 'measure'),
];

const names = (words: string[]) => findColumns(words, COLUMNS).map((c) => `${c.column.name}:${c.tier}`);

describe('question words', () => {
  it('tokenizes words, numbers and symbols, folding case and accents', () => {
    expect(tokenize("What's Année 2016-2017 $").map((t) => t.text)).toEqual([
      'what',
      'annee',
      '2016',
      '-',
      '2017',
      '$',
    ]);
    expect(tokenize("doesn't").map((t) => t.text)).toEqual(['does', 'not']);
  });

  it('splits column names into words', () => {
    expect(nameWords('Cost Total $')).toEqual(['cost', 'total']);
    expect(nameWords('netGeneration')).toEqual(['net', 'generation']);
    expect(nameWords('temp_max')).toEqual(['temp', 'max']);
  });

  it('compares words up to an English plural', () => {
    expect(sameWord('categories', 'category')).toBe(true);
    expect(sameWord('boxes', 'box')).toBe(true);
    expect(sameWord('cases', 'case')).toBe(true);
    expect(sameWord('status', 'statu')).toBe(false);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('slaes', 'sales', 2)).toBe(1);
    expect(editDistance('proft', 'profit', 2)).toBe(1);
    expect(editDistance('region', 'profit', 2)).toBe(3);
  });

  it('ranks the ways a phrase names a column', () => {
    expect(names(['customer', 'names'])).toEqual(['Customer Name:exact']);
    expect(names(['total', 'cost'])).toEqual(['Cost Total $:words']);
    expect(names(['subcategory'])).toEqual(['Sub-Category:words']);
    expect(names(['customer'])).toEqual(['Customer ID:partial', 'Customer Name:partial']);
    expect(names(['revenue'])).toEqual(['Sales:synonym']);
    expect(names(['slaes'])).toEqual(['Sales:fuzzy']);
    expect(names(['name'])).toEqual([]);
  });

  it('picks the column a slot wants', () => {
    const customers = findColumns(['customers'], COLUMNS);
    expect(pickColumns(customers, 'dimension').map((c) => c.name)).toEqual(['Customer Name']);
    expect(pickColumns(customers, 'count').map((c) => c.name)).toEqual(['Customer ID']);
    expect(pickColumns(findColumns(['cost'], COLUMNS), 'measure').map((c) => c.name)).toEqual(['Cost Total $']);
    expect(pickColumns(findColumns(['temp'], COLUMNS), 'measure').map((c) => c.name)).toEqual(['temp_max', 'temp_min']);
    expect(pickColumns(findColumns(['temp'], COLUMNS), 'measure', ['max']).map((c) => c.name)).toEqual(['temp_max']);
  });
});
