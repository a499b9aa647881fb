import { closeDatabase, openDatabase, queryRows } from '../../../workers/engine/duckdb';
import { recordedExtremes } from '../../../workers/types/column-extremes';

describe('the extremes DuckDB records of a column of doubles as it writes it', () => {
  it.each([
    ['decimals', ['3.64', '9992.2', '0.30000000000000004', '250']],
    ['tiny and huge magnitudes', ['1.5e-7', '-1e-300', '1.7976931348623157e308', '5e-324']],
    ['negatives and zero', ['-0.0', '-45.5', '0', '12']],
    ['NaN among numbers', ['1', "'nan'", '-3']],
    ['infinities', ["'-inf'", '2', "'inf'"]],
    ['one value', ['42.125']],
  ])('equal min() and max() for %s', async (_, values) => {
    const connection = await openDatabase();
    try {
      await connection.run(
        `CREATE TABLE t AS SELECT v FROM (VALUES ${values.map((v) => `(CAST(${v} AS DOUBLE))`).join(', ')}) AS rows(v)`,
      );
      const [row] = await queryRows(
        connection,
        'SELECT (SELECT stats(v) FROM t LIMIT 1) AS stats, min(v) AS min, max(v) AS max FROM t',
      );
      expect(recordedExtremes(String(row?.stats))).toEqual({ min: row?.min, max: row?.max });
    } finally {
      closeDatabase(connection);
    }
  });

  it('says so when the column holds no value', () => {
    expect(recordedExtremes('[Min: inf, Max: -inf][Has Null: true, Has No Null: false]')).toBe('empty');
  });

  it('gives nothing for text it does not know, so that the extremes are counted instead', () => {
    expect(recordedExtremes('No Stats')).toBeNull();
    expect(recordedExtremes('[Min: 1,5, Max: 2][Has Null: false, Has No Null: true]')).toBeNull();
    expect(recordedExtremes('[Min: one, Max: 2][Has Null: false, Has No Null: true]')).toBeNull();
  });
});
