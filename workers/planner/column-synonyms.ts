import type { ColumnProfile } from '../../core/dataset';
import { nameWords, sameWord } from './question-tokens';

/**
 * Words people use for the same kind of column. A question word finds the
 * columns whose name holds another word of its group ("revenue" finds
 * `Sales`); when no column of the group exists, the related groups are tried
 * ("price" finds `Sales` in a table without prices). Column names in other
 * languages match without a synonym: they are matched as typed.
 */
interface SynonymGroup {
  words: string[];
  related?: string[];
}

const GROUPS: Record<string, SynonymGroup> = {
  revenue: {
    words: `revenue revenues sales sale turnover income incomes sell selling umsatz umsatze ventas venta
            ventes vente fatturato omzet receita takings bookings gmv billing billings proceeds`.split(/\s+/),
    related: ['amount'],
  },
  // "Margin" and "profitability" are ratios of profit to sales, which a plan cannot compute;
  // reading them as profit would answer a different question with confidence.
  profit: {
    words: `profit profits profitable earnings earning gain gains gewinn
            beneficio beneficios benefice lucro utile winst`.split(/\s+/),
  },
  quantity: {
    words: 'quantity quantities qty units unit volume volumes pieces pcs menge cantidad quantite quantita aantal'.split(
      ' ',
    ),
  },
  amount: {
    words: `amount amounts value price prices cost costs spend spending spent expense expenses charge charges fee
            fees betrag amt`.split(/\s+/),
    related: ['revenue'],
  },
  discount: { words: ['discount', 'discounts', 'rebate', 'rebates', 'markdown', 'markdowns'] },
  temperature: { words: ['temperature', 'temperatures', 'temp', 'temps', 'heat'] },
  precipitation: { words: ['precipitation', 'rain', 'rainfall', 'precip', 'snowfall'] },
  generation: { words: ['generation', 'production', 'output', 'energy', 'electricity', 'power'] },
  employment: { words: ['employment', 'jobs', 'employees', 'headcount', 'workers', 'staff'] },
  speed: { words: ['speed', 'velocity', 'knots'] },
  customer: { words: ['customer', 'customers', 'client', 'clients', 'buyer', 'buyers', 'account', 'accounts'] },
  region: { words: ['region', 'regions', 'area', 'areas', 'territory', 'territories', 'zone', 'zones', 'market'] },
  product: { words: ['product', 'products', 'sku', 'skus', 'article', 'articles', 'merchandise'] },
  city: { words: ['city', 'cities', 'town', 'towns'] },
  state: { words: ['state', 'states', 'province', 'provinces'] },
  category: { words: ['category', 'categories', 'type', 'types', 'class', 'classes', 'kind', 'kinds'] },
  company: { words: ['company', 'companies', 'ticker', 'tickers', 'symbol', 'symbols', 'stock', 'stocks', 'firm'] },
};

const groupsOf = (word: string) =>
  Object.entries(GROUPS).filter(([, group]) => group.words.some((w) => sameWord(w, word)));

/**
 * The columns a word names through a synonym, best group first; empty when
 * the word is in no group or no column of its groups exists.
 *
 * @example
 * synonymColumns('turnover', superstore.columns).map((c) => c.name) // ['Sales']
 */
export function synonymColumns(word: string, columns: readonly ColumnProfile[]): ColumnProfile[] {
  const inGroup = (group: SynonymGroup) =>
    columns.filter((column) => nameWords(column.name).some((w) => group.words.some((g) => sameWord(g, w))));
  const direct = groupsOf(word).flatMap(([, group]) => inGroup(group));
  if (direct.length > 0) return [...new Set(direct)];
  const related = groupsOf(word).flatMap(([, group]) => (group.related ?? []).map((name) => GROUPS[name]));
  return [...new Set(related.flatMap((group) => (group ? inGroup(group) : [])))];
}

const MONEY_GROUPS = ['revenue', 'amount', 'profit'];

/**
 * How strongly a column's name says it is the money a table is about: 0 for
 * revenue words, 1 for amounts and prices, 2 for profit, null otherwise. Used
 * to choose the main measure.
 */
export function moneyRank(column: ColumnProfile): number | null {
  const words = nameWords(column.name);
  const rank = MONEY_GROUPS.findIndex((name) => words.some((w) => GROUPS[name]?.words.some((g) => sameWord(g, w))));
  return rank < 0 ? null : rank;
}
