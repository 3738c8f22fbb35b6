import { beforeAll, describe, expect, it } from 'vitest'
import { findUserById } from '~/models/users.server'
import { action as appearanceAction, loader as appearanceLoader } from '~/routes/_portal.settings.appearance'
import { loader as walletLoader } from '~/routes/_portal.wallet'
import { loader as paymentsLoader } from '~/routes/_portal.payments'
import { loader as csvLoader } from '~/routes/payments[.]csv'
import { loader as payoutsLoader } from '~/routes/_portal.payouts._index'
import { loader as freelancerDashboardLoader } from '~/routes/_portal.freelancer._index'
import { loader as contractLoader } from '~/routes/_portal.contracts_.$contractId._index'
import { insertFixedContract } from './escrow-fixtures'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'
import { topUpWallet } from './wallet'

type Figure = { text: string; rates: string } | null

let freelancerId = ''
let cookie = ''
let contractId = ''

async function load<T>(loader: Parameters<typeof run>[0], path: string, params: Record<string, string> = {}) {
  const response = await run(loader, getRequest(path, cookie), params)
  expect(response.status, path).toBe(200)
  return (await response.json()) as T
}

const choose = (displayCurrency: string, as = cookie) =>
  run(appearanceAction, formRequest('/settings/appearance', { displayCurrency }, as))

beforeAll(async () => {
  const freelancer = await createTestUser('freelancer')
  const client = await createTestUser('client')
  freelancerId = freelancer.id
  cookie = await signedInCookie(freelancer.id)
  await topUpWallet(freelancer.id, 100_000)
  const { contract } = await insertFixedContract({ clientId: client.id, freelancerId, amounts: [50_000, 20_000] })
  contractId = contract.id
})

describe('the display currency (Settings → Appearance)', () => {
  it('shows no approximate figure until a member chooses a currency', async () => {
    const settings = await load<{ displayCurrency: string }>(appearanceLoader, '/settings/appearance')
    expect(settings.displayCurrency).toBe('none')
    const wallet = await load<{ balances: { approx: Figure }[]; approxNote: string | null }>(walletLoader, '/wallet')
    expect(wallet.balances.map((balance) => balance.approx)).toEqual([null])
    expect(wallet.approxNote).toBe(null)
  })

  it('saves a choice, and the member’s money pages show "≈" figures at the stored rate with its date and source', async () => {
    const saved = await choose('EUR')
    expect(saved.status).toBe(302)
    expect(saved.headers.get('location')).toBe('/settings/appearance')
    expect((await findUserById(freelancerId))?.displayCurrency).toBe('EUR')
    expect((await load<{ displayCurrency: string }>(appearanceLoader, '/settings/appearance')).displayCurrency).toBe(
      'EUR',
    )

    const figure = { text: '≈ €862.07', rates: 'at 1 USD = 0.862069 EUR, MegiLance’s built-in rate of 1 Dec 2026' }
    const wallet = await load<{ balances: { approx: Figure }[]; approxNote: string }>(walletLoader, '/wallet')
    expect(wallet.balances.map((balance) => balance.approx)).toEqual([figure])
    expect(wallet.approxNote).toMatch(/^≈ marks an approximate amount in Euro \(EUR\), at 1 USD = 0\.862069 EUR/)

    const payments = await load<{ net: { approx: Figure }[] }>(paymentsLoader, '/payments')
    expect(payments.net.map((row) => row.approx)).toEqual([figure])

    const payouts = await load<{ balances: { approx: Figure }[] }>(payoutsLoader, '/payouts')
    expect(payouts.balances.map((balance) => balance.approx?.text)).toEqual(['≈ €862.07'])

    const dashboard = await load<{ earnedApprox: Figure; approxNote: string | null }>(
      freelancerDashboardLoader,
      '/freelancer',
    )
    // Nothing earned yet: no figure to approximate, no footnote.
    expect(dashboard.earnedApprox).toBe(null)
    expect(dashboard.approxNote).toBe(null)

    const contract = await load<{ moneyStats: { label: string; value: string; approx: Figure }[] }>(
      contractLoader,
      `/contracts/${contractId}`,
      { contractId },
    )
    expect(contract.moneyStats.map((stat) => [stat.label, stat.value, stat.approx?.text])).toEqual([
      ['Contract total', '$700', '≈ €603.45'],
      // "$0" needs no "≈ €0".
      ['In escrow', '$0', undefined],
      ['Released', '$0', undefined],
    ])
  })

  it('keeps the CSV export exact: the real amounts and currencies, no "≈"', async () => {
    const csv = await (await run(csvLoader, getRequest('/payments.csv', cookie))).text()
    expect(csv).not.toContain('≈')
    expect(csv).not.toContain('EUR')
    expect(csv.trim().split('\n')[1]).toContain(',1000.00,USD,')
  })

  it('refuses an unknown choice with a message, keeping the saved one', async () => {
    const refused = await choose('XYZ')
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain(
      'Choose None or one of the listed currencies, such as EUR or GBP',
    )
    expect((await findUserById(freelancerId))?.displayCurrency).toBe('EUR')
  })

  it('turns off with None', async () => {
    expect((await choose('none')).status).toBe(302)
    expect((await findUserById(freelancerId))?.displayCurrency).toBe(null)
    const wallet = await load<{ balances: { approx: Figure }[] }>(walletLoader, '/wallet')
    expect(wallet.balances.map((balance) => balance.approx)).toEqual([null])
  })

  it('is a member’s setting: an admin sees no form and may not post one', async () => {
    const admin = await createTestUser('admin')
    const adminCookie = await signedInCookie(admin.id)
    const page = await run(appearanceLoader, getRequest('/settings/appearance', adminCookie))
    expect(((await page.json()) as { displayCurrency: string | null }).displayCurrency).toBe(null)
    expect((await choose('EUR', adminCookie)).status).toBe(403)
    expect((await findUserById(admin.id))?.displayCurrency).toBe(null)
  })
})
