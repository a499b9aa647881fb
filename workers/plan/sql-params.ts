/** A value a compiled plan binds; DuckDB receives it separately from the SQL text. */
export type SqlValue = string | number | boolean;

/**
 * Collects the bound values of one statement. Every value from a plan goes
 * through here, so no filter value, bound or label is ever part of the SQL
 * text and no quoting of values is needed anywhere.
 *
 * @example
 * const params = new SqlParams();
 * `"Region" = ${params.bind('West', 'VARCHAR')}` // '"Region" = CAST($p0 AS VARCHAR)', params.values { p0: 'West' }
 */
export class SqlParams {
  readonly values: Record<string, SqlValue> = {};
  private count = 0;

  /** The placeholder for `value`, cast to `type` when given so DuckDB never has to guess its type. */
  bind(value: SqlValue, type?: string): string {
    const name = `p${this.count++}`;
    this.values[name] = value;
    return type ? `CAST($${name} AS ${type})` : `$${name}`;
  }
}
