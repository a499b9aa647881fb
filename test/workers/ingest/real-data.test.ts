import { readFileSync } from 'node:fs';
import { openDatabase, queryRows } from '../../../workers/engine/duckdb';
import { SUPERSTORE_CSV, vegaDataset } from '../../support/datasets';
import { fixtureFile, load, shape, type Loaded } from '../../support/ingest';

const superstore = SUPERSTORE_CSV;
const vega = vegaDataset;

/** DuckDB's own reader with its own type detection: an independent path to the same numbers. */
async function nativeSums(path: string, columns: string[]): Promise<Record<string, number>> {
  const connection = await openDatabase();
  const select = columns.map((c, i) => `sum("${c}") AS s${i}`).join(', ');
  const [row = {}] = await queryRows(connection, `SELECT ${select} FROM read_csv('${path}')`);
  return Object.fromEntries(columns.map((c, i) => [c, Number(row[`s${i}`])]));
}

function expectShapes(data: Loaded, expected: Record<string, string>): void {
  const actual = Object.fromEntries(Object.keys(expected).map((name) => [name, shape(data.column(name))]));
  expect(actual).toEqual(expected);
}

describe('Sample Superstore', () => {
  let data: Loaded;
  beforeAll(async () => {
    data = await load(superstore);
  });

  it('infers every column', () => {
    expect(data.meta.rows).toBe(9994);
    expectShapes(data, {
      'Row ID': 'text/identifier/-',
      'Order ID': 'text/identifier/-',
      'Order Date': 'date/time/-',
      'Ship Date': 'date/time/-',
      'Ship Mode': 'category/dimension/-',
      'Customer ID': 'text/identifier/-',
      'Customer Name': 'category/dimension/-',
      Segment: 'category/dimension/-',
      Country: 'category/dimension/-',
      City: 'category/dimension/-',
      State: 'category/dimension/-',
      'Postal Code': 'text/identifier/-',
      Region: 'category/dimension/-',
      'Product ID': 'text/identifier/-',
      Category: 'category/dimension/-',
      'Sub-Category': 'category/dimension/-',
      'Product Name': 'category/dimension/-',
      Sales: 'decimal/measure/-',
      Quantity: 'integer/measure/-',
      Discount: 'decimal/measure/-',
      Profit: 'decimal/measure/-',
    });
  });

  it('profiles measures, dimensions and time', async () => {
    const sums = await nativeSums(superstore, ['Sales', 'Quantity', 'Profit']);
    expect(data.column('Sales').sum).toBeCloseTo(sums.Sales as number, 4);
    expect(data.column('Quantity').sum).toBe(sums.Quantity);
    expect(data.column('Profit').sum).toBeCloseTo(sums.Profit as number, 4);
    expect(data.column('Region').top?.[0]).toEqual({ value: 'West', count: 3203 });
    expect(data.column('Order Date')).toMatchObject({ from: '2014-01-03', to: '2017-12-30', grain: 'day' });
    expect(data.meta.unreadable.count).toBe(0);
  });

  it('keeps the profile compact enough to hand to a language model', () => {
    expect(JSON.stringify(data.meta).length).toBeLessThan(8 * 1024);
  });

  it('sums a currency-formatted copy of Sales to the total of the written amounts', async () => {
    const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', currencySign: 'accounting' });
    const rows = await data.rows('SELECT "Order ID", Sales, Profit FROM dataset');
    const written = rows.map((r) => ({
      id: String(r['Order ID']),
      revenue: usd.format(Number(r.Sales)),
      profit: usd.format(Number(r.Profit)),
    }));
    const csv = ['order,revenue,profit', ...written.map((w) => `${w.id},"${w.revenue}","${w.profit}"`)].join('\n');
    const money = await load(fixtureFile('superstore-usd.csv', csv));
    expect(shape(money.column('revenue'))).toBe('currency/measure/USD');
    expect(shape(money.column('profit'))).toBe('currency/measure/USD');
    // Independently: whole cents from the written text, "($1,234.50)" being negative.
    const cents = (text: string) => (text.startsWith('(') ? -1 : 1) * Number(text.replace(/[^0-9]/g, ''));
    const total = (key: 'revenue' | 'profit') => written.reduce((sum, w) => sum + cents(w[key]), 0) / 100;
    expect(written.some((w) => w.profit.startsWith('('))).toBe(true);
    expect(money.column('revenue').sum).toBeCloseTo(total('revenue'), 4);
    expect(money.column('profit').sum).toBeCloseTo(total('profit'), 4);
  });
});

describe('vega datasets', () => {
  it('reads stocks.csv with its "Jan 1 2000" dates as monthly dates', async () => {
    const data = await load(vega('stocks.csv'));
    expectShapes(data, { symbol: 'category/dimension/-', date: 'date/time/-', price: 'decimal/measure/-' });
    expect(data.column('date')).toMatchObject({ from: '2000-01-01', to: '2010-03-01', grain: 'month' });
    expect(data.column('symbol').distinct).toBe(5);
  });

  it('reads github.csv with "2015/01/01 01:00:00" as hourly datetimes', async () => {
    const data = await load(vega('github.csv'));
    expectShapes(data, { time: 'datetime/time/-', count: 'integer/measure/-' });
    expect(data.column('time')).toMatchObject({ from: '2015-01-01 01:00:00', grain: 'hour' });
    const text = readFileSync(vega('github.csv'), 'utf8');
    const total = text
      .trim()
      .split('\n')
      .slice(1)
      .reduce((sum, line) => sum + Number(line.split(',')[1]), 0);
    expect(data.column('count').sum).toBe(total);
  });

  it('reads seattle-weather.csv', async () => {
    const data = await load(vega('seattle-weather.csv'));
    expectShapes(data, {
      date: 'date/time/-',
      precipitation: 'decimal/measure/-',
      temp_max: 'decimal/measure/-',
      weather: 'category/dimension/-',
    });
    const sums = await nativeSums(vega('seattle-weather.csv'), ['precipitation', 'wind']);
    expect(data.column('precipitation').sum).toBeCloseTo(sums.precipitation as number, 6);
    expect(data.column('wind').sum).toBeCloseTo(sums.wind as number, 6);
  });

  it('reads birdstrikes.csv, taking the currency from a "$" in the header', async () => {
    const data = await load(vega('birdstrikes.csv'));
    expectShapes(data, {
      'Flight Date': 'date/time/-',
      'Cost Total $': 'currency/measure/USD',
      'Wildlife Size': 'category/dimension/-',
      'Speed IAS in knots': 'integer/measure/-',
    });
    expect(data.column('Speed IAS in knots').nulls).toBe(2836);
    const sums = await nativeSums(vega('birdstrikes.csv'), ['Cost Total $']);
    expect(data.column('Cost Total $').sum).toBe(sums['Cost Total $']);
  });

  it('reads iowa-electricity.csv as yearly and us-employment.csv as monthly', async () => {
    const iowa = await load(vega('iowa-electricity.csv'));
    expect(iowa.column('year')).toMatchObject({ type: 'date', role: 'time', grain: 'year' });
    const jobs = await load(vega('us-employment.csv'));
    expect(jobs.column('month')).toMatchObject({ type: 'date', role: 'time', grain: 'month' });
    expect(jobs.meta.columns.filter((c) => c.role === 'measure')).toHaveLength(23);
  });
});
