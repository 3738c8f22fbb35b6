import type { LoaderFunctionArgs } from '@remix-run/node'
import { statementCsv, statementPdf } from '~/services/payments/tax/tax-statement-files.server'
import { statementFilename } from '~/services/payments/tax/tax-statement'
import { buildTaxStatement } from '~/services/payments/tax/tax-statements.server'
import { requireRole } from '~/http/auth.server'
import { downloadResponse } from '~/http/download.server'

/** /settings/billing/statements/2026.csv or .pdf: the signed-in user's own statement, as a download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  const match = /^(\d{4})\.(csv|pdf)$/.exec(params.file ?? '')
  const year = Number(match?.[1])
  if (!match || year < 2000 || year > new Date().getUTCFullYear()) throw new Response('Not found', { status: 404 })
  const format = match[2] as 'csv' | 'pdf'
  const statement = await buildTaxStatement({ ...user, role: user.role as 'client' | 'freelancer' }, year)
  const filename = statementFilename(statement, format)
  if (format === 'csv') return downloadResponse(statementCsv(statement), filename)
  return downloadResponse(Buffer.from(await statementPdf(statement)), filename, 'pdf')
}
