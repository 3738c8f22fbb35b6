import zlib from 'node:zlib'
import { eq } from 'drizzle-orm'
import { PDFDocument, PDFRawStream } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { saveBillingDetails } from '~/models/billing-details.server'
import { balanceOf, listLedgerLines, writeLedgerTransaction } from '~/models/ledger.server'
import { ledgerTransactions } from '~/models/schema'
import { performMilestoneAction } from '~/services/marketplace/contracts.server'
import { decideDispute } from '~/services/marketplace/disputes.server'
import { milestoneDisputeResolver } from '../ledger/dispute-resolution.server'
import { payoutPosting, payoutReversalPosting } from '../ledger/payout-postings'
import { fixedContractBetweenNewUsers, insertOpenDispute } from '~/test/escrow-fixtures'
import { findPayment, feePreview, payMilestoneByCard } from '../ledger/escrow.server'
import { statementCsv, statementPdf } from './tax-statement-files.server'
import { buildTaxStatement, statementYears } from './tax-statements.server'
import { expectBalancedLedger } from '~/test/ledger-checks'

const GOOD_CARD = { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' }

async function contractFor(amounts: number[]) {
  const { milestoneIds: ids, ...rest } = await fixedContractBetweenNewUsers(amounts, {
    names: { client: 'Clara Müller', freelancer: 'Łukasz Żółw' },
    title: 'Shop',
  })
  return { ids, ...rest }
}

async function fund(setup: Awaited<ReturnType<typeof contractFor>>, id: string) {
  const start = await performMilestoneAction(setup.client, setup.contract, 'client', id, 'fund', { method: 'card' })
  const payment = await findPayment(start.ok && start.redirectTo ? (start.redirectTo.split('/').pop() ?? '') : '')
  if (!payment) throw new Error('no payment')
  await payMilestoneByCard(payment, setup.contract, GOOD_CARD, setup.client.name)
}

async function fundSubmitApprove(setup: Awaited<ReturnType<typeof contractFor>>, id: string) {
  await fund(setup, id)
  await performMilestoneAction(setup.freelancer, setup.contract, 'freelancer', id, 'submit', { note: 'Done' })
  expect(await performMilestoneAction(setup.client, setup.contract, 'client', id, 'approve', {})).toMatchObject({
    ok: true,
  })
}

function releaseLines(milestoneId: string) {
  return listLedgerLines(eq(ledgerTransactions.idempotencyKey, `milestone:${milestoneId}:release`))
}

describe('tax on platform fees at release', () => {
  it('a German client: the $80 fee on $800 is $67.23 revenue + $12.77 VAT, and the freelancer still gets $720', async () => {
    const setup = await contractFor([80_000])
    const [id = ''] = setup.ids
    await saveBillingDetails(setup.client.id, { countryCode: 'DE', vatId: null }, new Date())
    expect(feePreview(80_000, setup.client.id).tax).toMatchObject({
      kind: 'taxed',
      taxMinor: 1_277,
      revenueMinor: 6_723,
      label: 'VAT 19% (DE)',
    })
    await fundSubmitApprove(setup, id)
    const lines = releaseLines(id)
    const of = (kind: string) =>
      lines.filter((line) => line.accountKind === kind).reduce((sum, line) => sum + line.amountMinor, 0)
    expect(of('wallet')).toBe(72_000)
    expect(of('platform_revenue')).toBe(6_723)
    expect(of('tax_payable')).toBe(1_277)
    expect(of('platform_revenue') + of('tax_payable')).toBe(8_000)
    expect(lines[0]?.description).toContain('VAT 19% (DE)')
    expect(await balanceOf({ kind: 'wallet', ownerId: setup.freelancer.id, currency: 'USD' })).toBe(72_000)
    await expectBalancedLedger()
  })

  it('a German business with a VAT ID is reverse charged: the whole fee is revenue, no tax line', async () => {
    const setup = await contractFor([80_000])
    const [id = ''] = setup.ids
    await saveBillingDetails(setup.client.id, { countryCode: 'DE', vatId: 'DE136695976' }, new Date())
    await fundSubmitApprove(setup, id)
    const lines = releaseLines(id)
    expect(lines.filter((line) => line.accountKind === 'tax_payable')).toEqual([])
    expect(lines.find((line) => line.accountKind === 'platform_revenue')?.amountMinor).toBe(8_000)
    expect(lines[0]?.description).toContain('VAT reverse charged')
  })

  it('a client with no country, or one in the United States, pays no tax on the fee', async () => {
    const setup = await contractFor([80_000, 10_000])
    const [first = '', second = ''] = setup.ids
    await fundSubmitApprove(setup, first)
    await saveBillingDetails(setup.client.id, { countryCode: 'US', vatId: null }, new Date())
    await fundSubmitApprove(setup, second)
    expect(
      [...releaseLines(first), ...releaseLines(second)].filter((line) => line.accountKind === 'tax_payable'),
    ).toEqual([])
  })
})

/** The text drawn on the PDF's pages: pdf-lib writes standard-font text as hex strings. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes)
  const parts: string[] = []
  for (const page of doc.getPages()) {
    const contents = page.node.Contents()
    const refs = contents && 'asArray' in contents ? contents.asArray() : [contents]
    for (const ref of refs) {
      const stream = ref ? doc.context.lookup(ref as never) : undefined
      if (!(stream instanceof PDFRawStream)) continue
      const raw = Buffer.from(stream.contents)
      const content = stream.dict.toString().includes('FlateDecode')
        ? zlib.inflateSync(raw).toString('latin1')
        : raw.toString('latin1')
      for (const match of content.matchAll(/<([0-9A-Fa-f]+)> Tj/g))
        parts.push(Buffer.from(match[1] ?? '', 'hex').toString('latin1'))
    }
  }
  return parts.join('\n')
}

describe('tax on platform fees in a dispute decision', () => {
  it('a split for a British client taxes only the fee on the freelancer’s part', async () => {
    const setup = await contractFor([40_000])
    const [id = ''] = setup.ids
    await saveBillingDetails(setup.client.id, { countryCode: 'GB', vatId: null }, new Date())
    await fund(setup, id)
    const { dispute: found, admin } = await insertOpenDispute({
      contractId: setup.contract.id,
      milestoneId: id,
      openedBy: setup.client.id,
      reason: 'Half delivered',
      amountMinor: 40_000,
    })
    expect(
      await decideDispute(
        admin,
        found,
        { decision: 'split', freelancerShareMinor: 20_000, reason: 'Half was delivered.' },
        milestoneDisputeResolver,
      ),
    ).toEqual({ ok: true })
    const lines = listLedgerLines(eq(ledgerTransactions.idempotencyKey, `dispute:${found.dispute.id}:settle`))
    // $20 fee on the $200 freelancer part incl. 20 % VAT: 2000 / 1.2 = 1666.67 → revenue 1667, tax 333
    expect(lines.find((line) => line.accountKind === 'tax_payable')?.amountMinor).toBe(333)
    expect(lines.find((line) => line.accountKind === 'platform_revenue')?.amountMinor).toBe(1_667)
    expect(await balanceOf({ kind: 'wallet', ownerId: setup.freelancer.id, currency: 'USD' })).toBe(18_000)
    expect(await balanceOf({ kind: 'wallet', ownerId: setup.client.id, currency: 'USD' })).toBe(20_000)

    const statement = await buildTaxStatement({ ...setup.client, role: 'client' }, new Date().getUTCFullYear())
    expect(statement.sections[0]?.totals).toEqual([40_000, 20_000, 2_000, 333])
    await expectBalancedLedger()
  })
})

describe('yearly tax statements', () => {
  it('the freelancer’s CSV and PDF totals match the ledger', async () => {
    const setup = await contractFor([80_000, 12_345])
    await saveBillingDetails(setup.client.id, { countryCode: 'DE', vatId: null }, new Date())
    for (const id of setup.ids) await fundSubmitApprove(setup, id)
    const year = new Date().getUTCFullYear()
    expect(await statementYears(setup.freelancer.id)).toEqual([year])
    // Two payouts, one of them returned: only the one that left counts.
    const payout = (id: string, amountMinor: number) => ({
      id,
      userId: setup.freelancer.id,
      amountMinor,
      feeMinor: 100,
      currency: 'USD',
      rail: 'crypto' as const,
    })
    writeLedgerTransaction(payoutPosting(payout('p1', 50_000), new Date()))
    writeLedgerTransaction(payoutPosting(payout('p2', 10_000), new Date()))
    writeLedgerTransaction(payoutReversalPosting(payout('p2', 10_000), 'The wallet address was refused', new Date()))

    const statement = await buildTaxStatement({ ...setup.freelancer, role: 'freelancer' }, year)
    const [section] = statement.sections
    // 800.00 + 123.45 gross; fees 80.00 + 12.35 (10 % rounded half up); VAT 12.77 + 1.97; net 720.00 + 111.10
    expect(section).toMatchObject({ currency: 'USD', totals: [92_345, 9_235, 1_474, 83_110, 50_000] })
    const [gross = 0, fees = 0, , net = 0, payouts = 0] = section?.totals ?? []
    expect(gross).toBe(fees + net)
    expect(await balanceOf({ kind: 'wallet', ownerId: setup.freelancer.id, currency: 'USD' })).toBe(net - payouts)

    const csv = statementCsv(statement)
    const rows = csv.trim().split('\n')
    expect(rows[0]).toBe('Year,Currency,Month,Gross released,Platform fees,VAT/GST in fees,Net received,Payouts')
    expect(rows.at(-1)).toBe(`${year},USD,Total,923.45,92.35,14.74,831.10,500.00`)

    const pdf = await statementPdf(statement)
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const text = await pdfText(pdf)
    expect(text).toContain(`MegiLance tax statement ${year}`)
    expect(text).toContain('923.45')
    expect(text).toContain('831.10')
    // Ł, ł and Ż are not in WinAnsi: they lose their stroke or dot; ó is in it and kept. Never a crash.
    expect(text).toContain('Lukasz Zólw')
  })

  it('the client’s statement has what they funded and the VAT in the fees', async () => {
    const setup = await contractFor([80_000])
    await saveBillingDetails(setup.client.id, { countryCode: 'DE', vatId: null }, new Date())
    await fundSubmitApprove(setup, setup.ids[0] ?? '')
    const statement = await buildTaxStatement({ ...setup.client, role: 'client' }, new Date().getUTCFullYear())
    expect(statement.sections[0]?.totals).toEqual([80_000, 0, 8_000, 1_277])
    expect(statement.holder.countryName).toBe('Germany')
  })
})

describe('winAnsiSafe', () => {
  it('keeps WinAnsi text, strips marks it cannot encode and replaces other scripts with ?', async () => {
    const { PDFDocument: Doc, StandardFonts } = await import('pdf-lib')
    const { winAnsiSafe } = await import('./tax-statement-files.server')
    const font = await (await Doc.create()).embedFont(StandardFonts.Helvetica)
    expect(winAnsiSafe('Zoë “Café” – €5', font)).toBe('Zoë “Café” – €5')
    expect(winAnsiSafe('Łódź Şahin Nguyễn', font)).toBe('Lódz Sahin Nguyen')
    expect(winAnsiSafe('Иван 李', font)).toBe('???? ?')
  })
})
