// Sales orders as the account 360 charts them.

/** [month (YYYY-MM), total] oldest first. */
export function monthlyTotals(orders: { order_date: string; total_amount: string }[]): [string, number][] {
  const totals = new Map<string, number>()
  for (const order of orders) {
    const month = order.order_date.slice(0, 7)
    totals.set(month, (totals.get(month) ?? 0) + Number(order.total_amount))
  }
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b))
}
