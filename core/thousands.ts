/**
 * A number's text with its thousands grouped, as en-US writes it ("1,234,567.5"), without Intl:
 * Intl's first use costs a CLI start 20–35 ms, more than the rest of printing the overview.
 */
export function groupThousands(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const digits = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction ? `${digits}.${fraction}` : digits;
}
