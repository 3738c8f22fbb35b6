/**
 * Who turns an hourly contract's finished weeks into invoices, in words for each reader. The weekly
 * job does it on the Monday after the week, unless DISABLED_JOBS turns it off: then only the
 * freelancer's own "Send invoice" does, and no page may promise the Monday.
 */
export type HoursReader = 'client' | 'freelancer' | 'admin'

/** The start of a sentence (the caller ends it): "Each finished week is invoiced on the Monday after it". */
export function whoInvoicesWeeks(autoInvoicing: boolean, reader: HoursReader): string {
  if (autoInvoicing) return 'Each finished week is invoiced on the Monday after it'
  return reader === 'freelancer'
    ? 'You send each finished week’s invoice yourself (it is not sent automatically here)'
    : 'The freelancer sends each finished week’s invoice'
}

/** What the invoices list says while it is empty. */
export function noInvoicesYetText(autoInvoicing: boolean, reader: HoursReader): string {
  if (autoInvoicing) return 'No invoices yet. Each finished week with logged time is invoiced on the Monday after it.'
  if (reader === 'freelancer')
    return 'No invoices yet. They are not sent automatically here: when a week with logged time is over, send its invoice from Log time.'
  if (reader === 'client')
    return 'No invoices yet. The freelancer sends an invoice for each finished week with logged time; it then waits here for your approval.'
  return 'No invoices yet. The freelancer sends an invoice for each finished week with logged time (they are not sent automatically here).'
}
