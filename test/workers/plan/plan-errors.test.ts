import { closestColumns } from '../../../workers/plan/closest-columns';
import { PlanError, unknownColumnError } from '../../../workers/plan/plan-errors';

describe('unknown column messages', () => {
  it('names the closest columns, best first', () => {
    const error = unknownColumnError('Revnue', ['Region', 'Revenue', 'Revenue Share', 'Order Date']);
    expect(error).toBeInstanceOf(PlanError);
    expect(error.code).toBe('UNKNOWN_COLUMN');
    expect(error.message).toBe('There is no column "Revnue". Did you mean "Revenue" or "Revenue Share"?');
  });

  it('matches ignoring case and by words inside longer names', () => {
    const columns = ['Customer ID', 'Customer Name', 'Segment', 'Sales'];
    expect(closestColumns('CUSTOMER', columns)).toEqual(['Customer ID', 'Customer Name']);
    expect(closestColumns('sale', columns)).toEqual(['Sales']);
    expect(closestColumns('segmnet', columns)).toEqual(['Segment']);
  });

  it('lists the columns there are when none is close', () => {
    const error = unknownColumnError('weather', ['Region', 'Sales']);
    expect(error.message).toBe('There is no column "weather". The columns are "Region", "Sales".');
  });

  it('shortens the list of a wide table', () => {
    const columns = Array.from({ length: 30 }, (_, i) => `c${i}`);
    expect(unknownColumnError('temperature', columns).message).toMatch(/"c11" and 18 more\.$/);
  });

  it('leaves out names far behind the best match', () => {
    expect(closestColumns('Proft', ['Product ID', 'Product Name', 'Profit'])).toEqual(['Profit']);
    expect(closestColumns('qty', ['City', 'Quantity', 'State'])).toEqual([]);
  });

  it('suggests at most three names', () => {
    expect(closestColumns('sales', ['Sales 2014', 'Sales 2015', 'Sales 2016', 'Sales 2017'])).toHaveLength(3);
  });
});
