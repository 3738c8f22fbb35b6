import { describe, expect, it } from 'vitest'
import { listMilestones } from '~/models/contracts.server'
import { action as contractAction } from '~/routes/_portal.contracts_.$contractId._index'
import { hireBetweenNewUsers } from './escrow-fixtures'
import { formRequest, run } from './requests'
import { signedInCookie } from './users'

/** The client adds a milestone with the amount as typed. */
async function addMilestone(amount: string) {
  const { contract, client } = await hireBetweenNewUsers({ type: 'fixed', title: 'Clinic site', amountMinor: 500_00 })
  const response = await run(
    contractAction,
    formRequest(
      `/contracts/${contract.id}`,
      { intent: 'add-milestone', title: 'Booking page', amount },
      await signedInCookie(client.id),
    ),
    { contractId: contract.id },
  )
  return { response, contract }
}

type Refused = { form: { reply: { error: Record<string, string[]>; initialValue: Record<string, string> } } }

describe('amounts as people type them', () => {
  it('takes thousands separators: "10,000" adds a milestone of 10,000.00', async () => {
    const { response, contract } = await addMilestone('10,000')
    expect(response.status).toBe(302)
    expect((await listMilestones(contract.id)).map((milestone) => milestone.amountMinor)).toContain(10_000_00)
  })

  it('says the currency’s decimal limit for "0.001", and keeps what was typed', async () => {
    const { response } = await addMilestone('0.001')
    expect(response.status).toBe(400)
    const { form } = (await response.json()) as Refused
    expect(form.reply.error.amount).toEqual(['USD amounts have at most 2 decimals.'])
    expect(form.reply.initialValue.amount).toBe('0.001')
  })

  it('still refuses commas out of place with the format hint', async () => {
    const { response } = await addMilestone('10,00')
    expect(response.status).toBe(400)
    const { form } = (await response.json()) as Refused
    expect(form.reply.error.amount).toEqual(['Enter an amount like 250 or 250.50.'])
  })

  it('refuses a milestone under US$5 (its 10% fee would round to nothing), saying the least', async () => {
    const { response, contract } = await addMilestone('0.04')
    expect(response.status).toBe(400)
    const { form } = (await response.json()) as Refused
    expect(form.reply.error.amount).toEqual(['A milestone is at least $5, so the 10% fee on it is never rounded away.'])
    expect(form.reply.initialValue.amount).toBe('0.04')
    expect((await listMilestones(contract.id)).map((milestone) => milestone.amountMinor)).not.toContain(4)
  })
})
