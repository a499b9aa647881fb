import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import { PlanError, unknownColumnError } from './plan-errors';

/**
 * Finds the dataset's columns by the names a plan uses: the exact name, or
 * failing that the one column that matches ignoring case and surrounding
 * spaces (planners and people rarely keep a header's capitals).
 */
export class ColumnLookup {
  private readonly exact = new Map<string, ColumnProfile>();
  private readonly folded = new Map<string, ColumnProfile[]>();

  constructor(private readonly meta: DatasetMeta) {
    for (const column of meta.columns) {
      this.exact.set(column.name, column);
      const key = fold(column.name);
      this.folded.set(key, [...(this.folded.get(key) ?? []), column]);
    }
  }

  /** The column called `name`; a PlanError naming the closest columns when there is none. */
  get(name: string): ColumnProfile {
    const exact = this.exact.get(name);
    if (exact) return exact;
    const matches = this.folded.get(fold(name)) ?? [];
    const [only] = matches;
    if (only && matches.length === 1) return only;
    if (matches.length > 1) {
      const names = matches.map((c) => `"${c.name}"`).join(' and ');
      throw new PlanError('AMBIGUOUS_COLUMN', `"${name}" could be ${names}; name the column with its exact capitals.`);
    }
    throw unknownColumnError(
      name,
      this.meta.columns.map((c) => c.name),
    );
  }
}

function fold(name: string): string {
  return name.trim().toLowerCase();
}
