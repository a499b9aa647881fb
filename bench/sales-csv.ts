import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const REGIONS = ['North', 'South', 'East', 'West', 'Central'];
const CATEGORIES = ['Furniture', 'Office Supplies', 'Technology', 'Apparel', 'Garden', 'Toys', 'Books', 'Grocery'];

/** A deterministic pseudo-random sequence, so every bench run reads the same file. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Four rows to an order, numbered apart from the random sequence so the other columns stay as they were. */
const orderId = (row: number) => `ORD-${String(Math.floor(row / 4)).padStart(6, '0')}`;

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/**
 * Writes a sales CSV of `rows` rows: a date, two categories, three numbers, a
 * currency-formatted revenue column (`"$4,324.09"`) and an order id shared by
 * four rows (the entity that per-order questions count), about 60 bytes a row.
 */
export async function writeSalesCsv(path: string, rows: number): Promise<void> {
  const random = lcg(42);
  const out = createWriteStream(path);
  out.write('order_date,region,category,units,unit_price,discount,revenue,order_id\n');
  const start = Date.UTC(2021, 0, 1);
  let batch = '';
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + Math.floor(random() * 1095) * 86_400_000).toISOString().slice(0, 10);
    const units = 1 + Math.floor(random() * 20);
    const price = Math.round((5 + random() * 495) * 100) / 100;
    const discount = Math.round(random() * 30) / 100;
    const revenue = Math.round(units * price * (1 - discount) * 100) / 100;
    batch += `${day},${REGIONS[i % 5]},${CATEGORIES[Math.floor(random() * 8)]},${units},${price},${discount},"${usd.format(revenue)}",${orderId(i)}\n`;
    if (batch.length > 1 << 16) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
}
