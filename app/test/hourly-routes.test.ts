import { describe, expect, it } from 'vitest'
import { findContract } from '~/models/contracts.server'
import { action, loader } from '~/routes/_portal.contracts_.$contractId.hours'
import { addDays, isoDay, weekStartOf } from '~/services/marketplace/hourly'
import { logTime, sendWeeklyInvoice } from '~/services/marketplace/hourly.server'
import { popToast } from '~/http/toast.server'
import { topUpWallet } from './wallet'
import { createHourlyTestContract } from './hourly-contract'
import { cookiesFrom, formRequest, getRequest, run } from './requests'
import { signedInCookie } from './users'

async function post(contractId: string, userId: string, fields: Record<string, string>) {
  return run(action, formRequest(`/contracts/${contractId}/hours`, fields, await signedInCookie(userId)), {
    contractId,
  })
}

const thisMonday = weekStartOf(isoDay(new Date()))

describe('sending a weekly invoice', () => {
  it('answers 400 with a message for a week that is not a Monday date, or not over yet', async () => {
    const { contract, freelancer } = await createHourlyTestContract()
    for (const [weekStart, message] of [
      ['not-a-date', 'The week must be a date (YYYY-MM-DD)'],
      ['2026-02-30', 'The week must be a real date'],
      [addDays(thisMonday, -6), 'The week must start on a Monday'],
      [thisMonday, `The week of ${thisMonday} is not over yet; invoice it from the Monday after it.`],
    ]) {
      const response = await post(contract.id, freelancer.id, { intent: 'send-invoice', weekStart: weekStart! })
      expect(response.status).toBe(400)
      expect(await response.text()).toBe(message)
    }
    const missing = await post(contract.id, freelancer.id, { intent: 'send-invoice' })
    expect(missing.status).toBe(400)
  })
})

describe('the weekly limit', () => {
  it('is set by the client from next Monday; the freelancer cannot set it', async () => {
    const { contract, client, freelancer } = await createHourlyTestContract(20)
    expect((await post(contract.id, freelancer.id, { intent: 'set-limit', hours: '30' })).status).toBe(403)
    expect((await post(contract.id, client.id, { intent: 'set-limit', hours: '0' })).status).toBe(400)
    expect((await post(contract.id, client.id, { intent: 'set-limit', hours: '12' })).status).toBe(302)
    expect(await findContract(contract.id)).toMatchObject({
      weeklyLimitHours: 20,
      nextWeeklyLimitHours: 12,
      nextWeeklyLimitFrom: addDays(thisMonday, 7),
    })
  })
})

describe('disputing an invoice', () => {
  it('answers a refused reason with the form again: its message, and the reason as typed', async () => {
    const { contract, client } = await createHourlyTestContract()
    // Twenty characters with the spaces (past the browser's minimum), eight once trimmed.
    const typed = '      Too much      '
    const response = await post(contract.id, client.id, {
      intent: 'dispute-invoice',
      invoiceId: 'inv-1',
      reason: typed,
    })
    expect(response.status).toBe(400)
    const { form } = (await response.json()) as {
      form: { formId: string; reply: { error: Record<string, string[]>; initialValue: Record<string, string> } }
    }
    expect(form.formId).toBe('dispute-inv-1')
    expect(form.reply.error.reason?.[0]).toMatch(/at least 20 characters/)
    expect(form.reply.initialValue.reason).toBe(typed)
  })
})

describe('approving an invoice', () => {
  async function hoursPage(contractId: string, userId: string) {
    const response = await run(loader, getRequest(`/contracts/${contractId}/hours`, await signedInCookie(userId)), {
      contractId,
    })
    return (await response.json()) as { clientWalletMinor: number; cardOnFile: string | null }
  }

  it('shows the client what would pay it (wallet, card on file), and a failed charge names the fix that applies', async () => {
    const { contract, client, freelancer } = await createHourlyTestContract()
    expect(await hoursPage(contract.id, client.id)).toMatchObject({ clientWalletMinor: 0, cardOnFile: null })
    await topUpWallet(client.id, 25_00)
    expect(await hoursPage(contract.id, client.id)).toMatchObject({ clientWalletMinor: 25_00 })
    // The freelancer is not shown the client's wallet.
    expect(await hoursPage(contract.id, freelancer.id)).toMatchObject({ clientWalletMinor: 0 })

    // A week of November that is over, logged and invoiced as the pages would at the time.
    const logged = await logTime(
      contract,
      { workDate: '2026-11-20', duration: '2:30', memo: 'Monitoring' },
      new Date('2026-11-21T12:00:00Z'),
    )
    expect(logged).toEqual({ ok: true })
    const invoice = await sendWeeklyInvoice(contract, '2026-11-16', freelancer.id, new Date('2026-11-23T09:00:00Z'))
    const approved = await post(contract.id, client.id, { intent: 'approve-invoice', invoiceId: invoice!.id })
    expect(approved.status).toBe(302)
    // No card was saved: "save a card", not "another card".
    expect((await popToast(getRequest('/', cookiesFrom(approved)))).toast?.message).toBe(
      'Invoice approved: The payment failed: Your wallet balance does not cover $100 and no card is saved. ' +
        'Save a card, then press “Pay now”.',
    )
  })
})
