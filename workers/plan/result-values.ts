import { DuckDBTypeId, type JS } from '@duckdb/node-api';
import type { ResultValue } from './result-table';

/**
 * Makes one column of a DuckDB result JSON-ready: BIGINT and HUGEINT sums and
 * counts become numbers, DATE becomes `2016-03-01` and TIMESTAMP
 * `2016-03-01T13:00:00`. DuckDB's JS dates are built from UTC milliseconds and
 * read back in UTC here, so the machine's time zone never shifts a value. A
 * NaN or infinity (no JSON for them) becomes null.
 */
export function jsonValues(values: JS[], type: DuckDBTypeId): ResultValue[] {
  return values.map((value) => jsonValue(value, type));
}

function jsonValue(value: JS, type: DuckDBTypeId): ResultValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return type === DuckDBTypeId.DATE ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  // Plans select scalars only; a list or struct here is a compiler bug worth seeing.
  throw new Error(`runPlan: unexpected ${typeof value} value in a result column`);
}
