import { describe, expect, it } from 'vitest'
import { findContract } from '~/models/contracts.server'
import { action } from '~/routes/_portal.contracts_.$contractId.hours'
import { addDays, isoDay, weekStartOf } from '~/services/marketplace/hourly'
import { createHourlyTestContract } from './hourly-contract'
import { formRequest, run } from './requests'
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
