// Dates, numbers and money for the user's locale, from the browser's CLDR data (Intl): 2026年11月22日, ¥1,234.50.
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return ''
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value)
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date)
}

export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return ''
  const date = new Date(value)
  return Number.isNaN(date.getTime())
    ? value
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

export function formatNumber(value: number | null | undefined, locale: string): string {
  return value === null || value === undefined ? '' : new Intl.NumberFormat(locale).format(value)
}

/** Money arrives as a decimal string or a number with an ISO currency (default USD, the ERP's currency). */
export function formatMoney(value: string | number | null | undefined, locale: string, currency = 'USD'): string {
  if (value === null || value === undefined || value === '') return ''
  // a decimal string is formatted as the exact decimal it is (Intl takes numeric strings), never via a float
  const amount = typeof value === 'number' ? value : /^-?\d+(\.\d+)?$/.test(value.trim()) ? (value.trim() as `${number}`) : NaN
  if (typeof amount === 'number' && Number.isNaN(amount)) return String(value)
  // narrowSymbol: $1,234.50 in Chinese too (the figure's currency is shown beside where it matters)
  return new Intl.NumberFormat(locale, { style: 'currency', currency: currency || 'USD', currencyDisplay: 'narrowSymbol' })
    .format(amount)
}

/** A phone number as a tel: link target: digits and a leading +. */
export function telHref(phone: string): string {
  const trimmed = phone.trim()
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`
}
