/** An amount in a currency for the Pay view ("USD 1,234.50"); the code stays visible whatever the locale. */
export function formatMoney(value: number, currency: string): string {
  return `${currency} ${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
