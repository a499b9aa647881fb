/** An amount as a careless export writes it: from 1,000 on with an unquoted thousands comma (`1,068`), a field too many. */
export function unquotedAmount(value: number): string {
  return value >= 1000 ? `${Math.floor(value / 1000)},${String(value % 1000).padStart(3, '0')}` : String(value);
}

/**
 * The new-user trial's file: `region,amount`, 3,000 rows of 1–1,500 where an amount of 1,000 or more is
 * written with an unquoted thousands comma (`r2,1,068`), so those rows have three fields and cannot be read.
 */
export function unquotedThousands(): { text: string; readable: number; unreadable: number; readableSum: number } {
  const lines = ['region,amount'];
  let readable = 0;
  let readableSum = 0;
  for (let i = 1; i <= 3000; i++) {
    const value = ((i - 1) % 1500) + 1;
    lines.push(`r${i % 3},${unquotedAmount(value)}`);
    if (value < 1000) {
      readable++;
      readableSum += value;
    }
  }
  return { text: `${lines.join('\n')}\n`, readable, unreadable: 3000 - readable, readableSum };
}
