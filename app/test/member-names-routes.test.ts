import { describe, expect, it } from 'vitest'
import { STAFF_COMPANY_MESSAGE, STAFF_HEADLINE_MESSAGE, STAFF_NAME_MESSAGE } from '~/domain/staff-lookalike'
import { findClientProfile } from '~/models/profiles.server'
import { findUserById } from '~/models/users.server'
import { action as signUpAction } from '~/routes/_auth.sign-up'
import { action as profileAction } from '~/routes/_portal.settings._index'
import { formRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

const freelancerFields = { headline: '', bio: '', currency: 'USD', experienceLevel: 'expert', skills: 'react' }

describe('names that read like MegiLance staff', () => {
  it('are refused at sign-up with the reason, the name typed kept', async () => {
    const response = await run(
      signUpAction,
      formRequest('/sign-up', {
        role: 'freelancer',
        name: 'MegiLance Support',
        email: 'support-lookalike@example.com',
        password: 'tangerine-orbit-quietly-47',
      }),
    )
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.error.name).toEqual([STAFF_NAME_MESSAGE])
    expect(body.initialValue.name).toBe('MegiLance Support')
  })

  it('are refused in a member’s profile, and a staff-like headline too; real names and work pass', async () => {
    const user = await createTestUser('freelancer', { name: 'Farid Tester' })
    const cookie = await signedInCookie(user.id)
    const save = (fields: Record<string, string>) =>
      run(profileAction, formRequest('/settings', { ...freelancerFields, ...fields }, cookie))

    const admin = await save({ name: 'Admin', headline: 'Official MegiLance support' })
    expect(admin.status).toBe(400)
    const { error } = (await admin.json()).result
    expect(error).toMatchObject({ name: [STAFF_NAME_MESSAGE], headline: [STAFF_HEADLINE_MESSAGE] })
    expect((await save({ name: 'Farid (farid@mail.example)' })).status).toBe(400)
    expect((await findUserById(user.id))?.name).toBe('Farid Tester')

    expect((await save({ name: 'Adminah Kapoor', headline: 'I build admin panels in React' })).status).toBe(302)
    expect((await findUserById(user.id))?.name).toBe('Adminah Kapoor')
  })

  it('are refused as a client’s company name with the reason, the company typed kept; a real company passes', async () => {
    const user = await createTestUser('client', { name: 'Carmen Tester' })
    const cookie = await signedInCookie(user.id)
    const save = (company: string) =>
      run(profileAction, formRequest('/settings', { name: 'Carmen Tester', company, country: '' }, cookie))

    const staff = await save('MegiLance Trust & Safety')
    expect(staff.status).toBe(400)
    const body = await staff.json()
    expect(body.result.error.company).toEqual([STAFF_COMPANY_MESSAGE])
    expect(body.result.initialValue.company).toBe('MegiLance Trust & Safety')
    expect((await save('Support Team')).status).toBe(400)
    expect((await findClientProfile(user.id))?.company ?? '').toBe('')

    expect((await save('Acme IT Support Ltd')).status).toBe(302)
    expect((await findClientProfile(user.id))?.company).toBe('Acme IT Support Ltd')
  })

  it('are an admin’s own to use', async () => {
    const admin = await createTestUser('admin')
    const cookie = await signedInCookie(admin.id)
    const response = await run(profileAction, formRequest('/settings', { name: 'MegiLance Support' }, cookie))
    expect(response.status).toBe(302)
    expect((await findUserById(admin.id))?.name).toBe('MegiLance Support')
  })
})
