import { findBillingDetails } from '~/models/billing-details.server'
import { clientStatementMonths, freelancerStatementMonths, listStatementYears } from '~/models/tax-statements.server'
import {
  CLIENT_COLUMNS,
  FREELANCER_COLUMNS,
  sectionsFrom,
  type StatementColumn,
  type TaxStatement,
} from './tax-statement'
import { REVERSE_CHARGE_NOTE } from './fee-tax'
import { TAX_SOURCE } from './tax-rates'

export type StatementHolder = { id: string; name: string; email: string; role: 'client' | 'freelancer' | 'admin' }

export async function statementYears(userId: string): Promise<number[]> {
  return listStatementYears(userId)
}

/** What each side's statement holds: its columns, its months from the ledger, and its notes. */
const STATEMENTS: Record<
  'freelancer' | 'client',
  {
    columns: StatementColumn[]
    months: (userId: string, year: number) => Promise<Array<{ month: number; currency: string }>>
    notes: string[]
  }
> = {
  freelancer: {
    columns: FREELANCER_COLUMNS,
    months: freelancerStatementMonths,
    notes: [
      'Amounts are taken from the MegiLance ledger at the time of each movement. Gross released = platform fees + net received.',
      `The platform fee is the published percentage of each payment and includes the VAT/GST of the client's country; where the client is an EU business in another EU country, no VAT is included (${REVERSE_CHARGE_NOTE}).`,
    ],
  },
  client: {
    columns: CLIENT_COLUMNS,
    months: clientStatementMonths,
    notes: [
      'Amounts are taken from the MegiLance ledger at the time of each movement.',
      `Platform fees are deducted from the freelancer's payment and include the VAT/GST of your billing country. With a valid EU VAT ID in another EU country than the platform's, no VAT is charged: ${REVERSE_CHARGE_NOTE}; you account for it yourself.`,
    ],
  },
}

/** The holder's year, read from the ledger and shaped for the CSV, the PDF and the page. */
export async function buildTaxStatement(
  holder: StatementHolder & { role: 'client' | 'freelancer' },
  year: number,
  now = new Date(),
): Promise<TaxStatement> {
  const billing = await findBillingDetails(holder.id)
  const countryName = billing
    ? (new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }).of(billing.countryCode) ??
      billing.countryCode)
    : null
  const common = {
    year,
    role: holder.role,
    holder: { name: holder.name, email: holder.email, countryName, vatId: billing?.vatId ?? null },
    generatedAt: now,
  }
  const source = `Tax rates: ${TAX_SOURCE.name} ${TAX_SOURCE.version}${TAX_SOURCE.date ? ` (${TAX_SOURCE.date})` : ''}.`
  const { columns, months, notes } = STATEMENTS[holder.role]
  return {
    ...common,
    columns,
    sections: sectionsFrom(await months(holder.id, year), columns),
    notes: [...notes, source],
  }
}
