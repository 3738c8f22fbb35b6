import { describe, expect, it } from 'vitest'
import { createProjectWithSkills } from '~/models/projects.server'
import { action as contractAction } from '~/routes/_portal.contracts_.$contractId._index'
import { action as proposeAction } from '~/routes/_portal.projects_.$projectId_.propose'
import { hireBetweenNewUsers } from './escrow-fixtures'
import { formRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

type Refused = { form: { reply: { error: Record<string, string[]>; initialValue: Record<string, string> } } }

describe('amounts past the limits a form names', () => {
  it('a 17-digit milestone amount is "too large", naming the limit, and what was typed stays', async () => {
    const { contract, client } = await hireBetweenNewUsers({ type: 'fixed', title: 'Clinic site', amountMinor: 500_00 })
    const typed = '12345678901234567'
    const response = await run(
      contractAction,
      formRequest(
        `/contracts/${contract.id}`,
        { intent: 'add-milestone', title: 'Booking page', amount: typed },
        await signedInCookie(client.id),
      ),
      { contractId: contract.id },
    )
    expect(response.status).toBe(400)
    const { form } = (await response.json()) as Refused
    expect(form.reply.error.amount).toEqual(['That amount is too large: enter at most 999,999,999,999 USD.'])
    expect(form.reply.initialValue.amount).toBe(typed)
  })

  it('an hourly bid near 10^11 is refused before a client could accept it, naming the hourly limit', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    const projectId = await createProjectWithSkills(
      {
        clientId: client.id,
        title: 'Weekly bookkeeping help',
        description: 'Keep the books of a small bakery every week, with a short report each Friday afternoon.',
        budgetType: 'hourly',
        budgetMinMinor: 25_00,
        budgetMaxMinor: 40_00,
        currency: 'USD',
        experienceLevel: 'intermediate',
      },
      ['Bookkeeping'],
    )
    const letter = 'I keep the books of four small shops and send each a one-page report every Friday afternoon.'
    const typed = { coverLetter: letter, amount: '99999999999', durationDays: '30' }
    const response = await run(
      proposeAction,
      formRequest(`/projects/${projectId}/propose`, typed, await signedInCookie(freelancer.id)),
      { projectId },
    )
    expect(response.status).toBe(400)
    const body = JSON.stringify(await response.json())
    expect(body).toContain('That amount is too large: enter at most 1,000,000,000 USD')
    expect(body).toContain('99999999999')
    expect(body).toContain(letter)
  })
})
