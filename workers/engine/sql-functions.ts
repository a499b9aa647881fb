import { refused } from './sql-references';
import type { SqlNode } from './sql-tree';

/**
 * The functions a model-written query may call: what analysis of a table
 * needs, by kind. Anything else (settings, variables, sequences, catalog and
 * file functions, whatever a new DuckDB adds) is refused by not being here.
 */
const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  // Operators, as DuckDB's parser names them.
  ...['+', '-', '*', '/', '//', '%', '**', '^', '||', '&', '|', '<<', '>>', '~', '!__postfix'],
  ...['~~', '!~~', '~~*', '!~~*', '~~~', '!~~~', '@>', '<@', '&&', '->', '->>'],
  // Aggregates.
  ...['count', 'count_star', 'count_if', 'countif', 'sum', 'avg', 'mean', 'min', 'max', 'median', 'mode'],
  ...['first', 'last', 'any_value', 'arg_min', 'arg_max', 'argmin', 'argmax', 'min_by', 'max_by', 'product'],
  ...['stddev', 'stddev_samp', 'stddev_pop', 'variance', 'var_samp', 'var_pop', 'corr', 'covar_pop', 'covar_samp'],
  ...['quantile', 'quantile_cont', 'quantile_disc', 'approx_quantile', 'approx_count_distinct', 'mad', 'sem'],
  ...['regr_slope', 'regr_intercept', 'regr_r2', 'regr_count', 'regr_avgx', 'regr_avgy', 'skewness', 'kurtosis'],
  ...['entropy', 'fsum', 'sumkahan', 'kahan_sum', 'geomean', 'geometric_mean', 'favg', 'bool_and', 'bool_or'],
  ...['every', 'list', 'array_agg', 'string_agg', 'group_concat', 'listagg', 'histogram'],
  // Window functions.
  ...['row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile', 'lag', 'lead'],
  ...['first_value', 'last_value', 'nth_value'],
  // Arithmetic and numbers.
  ...['abs', 'ceil', 'ceiling', 'floor', 'round', 'round_even', 'roundbankers', 'trunc', 'sign', 'sqrt', 'cbrt'],
  ...['pow', 'power', 'exp', 'ln', 'log', 'log2', 'log10', 'pi', 'greatest', 'least', 'isnan', 'isinf'],
  ...['isfinite', 'gcd', 'lcm', 'even', 'degrees', 'radians', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan'],
  ...['atan2', 'divide', 'add', 'subtract', 'multiply', 'mod', 'fdiv', 'fmod'],
  // Conditions and types.
  ...['if', 'iff', 'ifnull', 'nullif', 'coalesce', 'typeof'],
  // Text.
  ...['lower', 'upper', 'lcase', 'ucase', 'length', 'len', 'strlen', 'char_length', 'character_length'],
  ...['trim', 'ltrim', 'rtrim', 'concat', 'concat_ws', 'substring', 'substr', 'left', 'right', 'replace'],
  ...['split_part', 'string_split', 'str_split', 'strpos', 'instr', 'position', 'contains', 'starts_with'],
  ...['ends_with', 'prefix', 'suffix', 'like_escape', 'ilike_escape', 'regexp_matches', 'regexp_extract'],
  ...['regexp_replace', 'regexp_full_match', 'lpad', 'rpad', 'reverse', 'format', 'printf', 'levenshtein'],
  ...['jaro_winkler_similarity', 'nfc_normalize', 'strip_accents', 'ascii', 'chr', 'to_base'],
  // Dates and times.
  ...['date_trunc', 'datetrunc', 'date_part', 'datepart', 'date_diff', 'datediff', 'date_sub', 'datesub'],
  ...['date_add', 'year', 'month', 'day', 'quarter', 'week', 'weekofyear', 'weekday', 'dayofweek', 'isodow'],
  ...['dayofyear', 'dayofmonth', 'hour', 'minute', 'second', 'yearweek', 'isoyear', 'monthname', 'dayname'],
  ...['strftime', 'strptime', 'try_strptime', 'make_date', 'make_time', 'make_timestamp', 'last_day'],
  ...['epoch', 'epoch_ms', 'to_timestamp', 'age', 'time_bucket', 'current_date', 'today', 'now'],
  ...['current_timestamp', 'get_current_timestamp', 'to_years', 'to_months', 'to_quarters', 'to_weeks'],
  ...['to_days', 'to_hours', 'to_minutes', 'to_seconds', 'to_milliseconds', 'to_microseconds'],
  // Lists and structs.
  ...['list_value', 'list_pack', 'struct_pack', 'row', 'struct_extract', 'list_extract', 'list_element'],
  ...['array_extract', 'list_slice', 'array_slice', 'list_contains', 'list_has', 'array_contains'],
  ...['list_position', 'array_position', 'list_sort', 'array_sort', 'list_reverse_sort', 'list_distinct'],
  ...['array_distinct', 'list_unique', 'list_sum', 'list_avg', 'list_min', 'list_max', 'list_count'],
  ...['list_aggregate', 'list_aggr', 'array_aggregate', 'list_transform', 'array_transform', 'apply'],
  ...['list_apply', 'list_filter', 'array_filter', 'filter', 'list_reduce', 'reduce', 'array_length'],
  ...['list_concat', 'array_concat', 'list_cat', 'flatten', 'unnest', 'list_zip', 'range', 'generate_series'],
]);

/**
 * Refuses a parsed statement that calls a function analysis does not need
 * (`current_setting()`, `getvariable()`, `nextval()`, …) or names a function
 * by its schema (`pg_catalog.version()`): only the unqualified names in
 * `ALLOWED_FUNCTIONS` may be called, as scalars, aggregates or windows.
 */
export function checkFunctions(tree: unknown): void {
  if (Array.isArray(tree)) {
    for (const item of tree) checkFunctions(item);
    return;
  }
  if (tree === null || typeof tree !== 'object') return;
  const node = tree as SqlNode;
  if ((node.class === 'FUNCTION' || node.class === 'WINDOW') && typeof node.function_name === 'string') {
    const name = node.function_name.toLowerCase();
    // DuckDB's parser itself writes `[…]` and `{…}` as calls to main's list_value and struct_pack.
    const schema = String(node.schema ?? '');
    const qualified = (schema !== '' && schema !== 'main') || String(node.catalog ?? '') !== '';
    if (qualified || !ALLOWED_FUNCTIONS.has(name)) {
      throw refused(`The function ${name}() may not run in a query; use aggregates, arithmetic, text and dates.`);
    }
  }
  for (const child of Object.values(node)) checkFunctions(child);
}
