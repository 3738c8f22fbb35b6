import { describe, expect, it } from 'vitest'
import { findBillingDetails } from '~/models/billing-details.server'
import { action as billingAction, loader as billingLoader } from '~/routes/_portal.settings.billing._index'
import { loader as statementFileLoader } from '~/routes/_portal.settings.billing.statements.$file'
import { loader as statementsLoader } from '~/routes/_portal.settings.billing.statements._index'
import { loader as taxHelpLoader } from '~/routes/help.tax'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

describe('billing & tax settings', () => {
  it('saves a country and a checked VAT ID, refuses a bad one with 400 and keeps what was typed', async () => {
    const client = await createTestUser('client')
    const cookie = await signedInCookie(client.id)
    const bad = await run(
      billingAction,
      formRequest('/settings/billing', { country: 'FR', vatId: 'FR 40 303265046' }, cookie),
    )
    expect(bad.status).toBe(400)
    const reply = (await bad.json()) as { initialValue: Record<string, string>; error: Record<string, string[]> }
    expect(reply.initialValue).toMatchObject({ country: 'FR', vatId: 'FR 40 303265046' })
    expect(reply.error.vatId?.[0]).toMatch(/check digits/)
    expect(await findBillingDetails(client.id)).toBeUndefined()

    const good = await run(
      billingAction,
      formRequest('/settings/billing', { country: 'FR', vatId: 'FR 40 303265045' }, cookie),
    )
    expect(good.status).toBe(302)
    expect(await findBillingDetails(client.id)).toMatchObject({ countryCode: 'FR', vatId: 'FR40303265045' })
    const page = (await (await run(billingLoader, getRequest('/settings/billing', cookie))).json()) as {
      treatment: { label: string }
    }
    expect(page.treatment.label).toBe('VAT reverse charged')
  })

  it('refuses a country that is not on the list, and admins', async () => {
    const client = await createTestUser('client')
    const cookie = await signedInCookie(client.id)
    expect((await run(billingAction, formRequest('/settings/billing', { country: 'ZZ' }, cookie))).status).toBe(400)
    const admin = await createTestUser('admin')
    expect((await run(billingLoader, getRequest('/settings/billing', await signedInCookie(admin.id)))).status).toBe(403)
  })
})

describe('statement downloads', () => {
  it('sends the CSV and PDF as attachments with a sensible name, and 404 for anything else', async () => {
    const freelancer = await createTestUser('freelancer')
    const cookie = await signedInCookie(freelancer.id)
    const year = String(new Date().getUTCFullYear())
    const csv = await run(statementFileLoader, getRequest(`/settings/billing/statements/${year}.csv`, cookie), {
      file: `${year}.csv`,
    })
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="megilance-tax-statement-${year}.csv"`)
    expect((await csv.text()).split('\n')[0]).toContain('Gross released')
    const pdf = await run(statementFileLoader, getRequest(`/settings/billing/statements/${year}.pdf`, cookie), {
      file: `${year}.pdf`,
    })
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    for (const file of ['2026.exe', '1999.csv', `${Number(year) + 1}.csv`, 'x.pdf']) {
      expect(
        (await run(statementFileLoader, getRequest(`/settings/billing/statements/${file}`, cookie), { file })).status,
      ).toBe(404)
    }
    const years = (await (await run(statementsLoader, getRequest('/settings/billing/statements', cookie))).json()) as {
      years: number[]
    }
    expect(years.years).toEqual([])
  })

  it('publishes every rate of the source with its name and date', async () => {
    const data = (await (await run(taxHelpLoader as never, getRequest('/help/tax'))).json()) as {
      rates: unknown[]
      missing: unknown[]
      source: { date: string }
    }
    expect(data.rates).toHaveLength(128)
    expect(data.missing.length).toBeGreaterThan(100)
    expect(data.source.date).toBe('2026-05-19')
  })
})
