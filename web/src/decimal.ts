// Exact decimal strings (money arrives as "12500.00"): added as scaled integers, never as binary floats.

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/

function parse(value: string): { units: bigint; scale: number } {
  const match = DECIMAL.exec(value.trim())
  if (!match) throw new Error(`not a decimal: ${value}`)
  const [, sign, whole, fraction = ''] = match
  const units = BigInt(whole + fraction)
  return { units: sign ? -units : units, scale: fraction.length }
}

function render(units: bigint, scale: number): string {
  const negative = units < 0n
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0')
  const whole = digits.slice(0, digits.length - scale)
  const text = scale ? `${whole}.${digits.slice(digits.length - scale)}` : whole
  return negative ? `-${text}` : text
}

/** a + b, exact, with as many decimals as the more precise of the two ("0.1" + "0.20" = "0.30"). */
export function addDecimal(a: string, b: string): string {
  const x = parse(a)
  const y = parse(b)
  const scale = Math.max(x.scale, y.scale)
  return render(x.units * 10n ** BigInt(scale - x.scale) + y.units * 10n ** BigInt(scale - y.scale), scale)
}

/** The exact sum of decimal strings; "0" when there are none. */
export function sumDecimals(values: Iterable<string>): string {
  let total = '0'
  for (const value of values) total = addDecimal(total, value)
  return total
}

/** Whether a string is a decimal the API accepts as an amount (up to 16 digits and 6 decimals). */
export const isAmount = (value: string) => /^\d{1,16}(\.\d{1,6})?$/.test(value.trim())
