import { describe, expect, it } from 'vitest'
import { action as hoursAction, loader as hoursLoader } from '~/routes/_portal.contracts_.$contractId.hours'
import { listInvoices } from '~/models/hourly.server'
import { logTime, runHourlyInvoicing } from '~/services/marketplace/hourly.server'
import { hireBetweenNewUsers } from './escrow-fixtures'
import { createHourlyTestContract } from './hourly-contract'
import { formRequest, getRequest, run } from './requests'
import { signedInCookie } from './users'

/*
 * Amounts saved before the forms had an upper limit (utils/money.ts) may be past 2^53 - 1 minor units,
 * where the money arithmetic refuses them with AmountTooLarge. Every route that reaches it answers
 * 400 with the refusal's words, never a 500.
 */
const TOO_LARGE = 'That amount is too large for MegiLance to handle exactly. Use a smaller amount.'

describe('an hourly contract whose rate was saved before the limit', () => {
  it('sending a week’s invoice answers 400 with a message, not a 500, and bills nothing', async () => {
    const { contract, freelancer } = await hireBetweenNewUsers({
      type: 'hourly',
      title: 'Night support',
      amountMinor: Number.MAX_SAFE_INTEGER,
      contract: { weeklyLimitHours: 20, createdAt: new Date('2026-11-01T00:00:00Z') },
    })
    const logged = await logTime(
      contract,
      { workDate: '2026-11-20', duration: '2:30', memo: 'On call' },
      new Date('2026-11-21T12:00:00Z'),
    )
    expect(logged).toEqual({ ok: true })
    const cookie = await signedInCookie(freelancer.id)
    const params = { contractId: contract.id }

    // The page itself still shows: only billing the week needs the product.
    const page = await run(hoursLoader, getRequest(`/contracts/${contract.id}/hours`, cookie), params)
    expect(page.status).toBe(200)

    const fields = { intent: 'send-invoice', weekStart: '2026-11-16' }
    const sent = await run(hoursAction, formRequest(`/contracts/${contract.id}/hours`, fields, cookie), params)
    expect(sent.status).toBe(400)
    expect(await sent.text()).toBe(TOO_LARGE)
    expect(await listInvoices(contract.id)).toEqual([])
  })

  it('the invoicing job skips its week and still bills the other contracts', async () => {
    const legacy = await hireBetweenNewUsers({
      type: 'hourly',
      title: 'Night support',
      amountMinor: Number.MAX_SAFE_INTEGER,
      contract: { weeklyLimitHours: 20, createdAt: new Date('2026-11-01T00:00:00Z') },
    })
    const usual = await createHourlyTestContract()
    for (const { contract } of [legacy, usual]) {
      const entry = { workDate: '2026-11-20', duration: '2:30', memo: 'On call' }
      expect(await logTime(contract, entry, new Date('2026-11-21T12:00:00Z'))).toEqual({ ok: true })
    }
    const run = await runHourlyInvoicing(new Date('2026-11-23T09:00:00Z'))
    expect(run.tooLarge).toBeGreaterThanOrEqual(1)
    expect(await listInvoices(legacy.contract.id)).toEqual([])
    expect((await listInvoices(usual.contract.id)).map((invoice) => invoice.amountMinor)).toEqual([100_00])
  })
})
