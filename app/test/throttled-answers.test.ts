import { describe, expect, it } from 'vitest'
import { action as signInAction } from '~/routes/_auth.sign-in'
import { action as confirmPasswordAction } from '~/routes/_portal.settings.security.confirm-password'
import { action as emailCodesAction } from '~/routes/_portal.settings.security.email-codes'
import { action as phoneAction } from '~/routes/_portal.settings.security.phone'
import { formRequest, run } from './requests'
import { confirmPasswordNow, createTestUser, signedInCookie } from './users'

/** Sends until the answer is not a success or a validation error, and returns that answer. */
async function untilThrottled(attempt: () => Promise<Response>): Promise<Response> {
  for (let i = 0; i < 10; i++) {
    const response = await attempt()
    if (response.status === 429) return response
  }
  throw new Error('never throttled')
}

/** What every throttled form answers, whichever action it was: the same status, header and body shape. */
async function shapeOf(response: Response) {
  const body = await response.json()
  return {
    status: response.status,
    retryAfter: Number(response.headers.get('retry-after')) > 0,
    formErrors: body.error[''],
    otherErrors: Object.keys(body.error).filter((key) => key !== ''),
    bodyStatus: body.status,
  }
}

const EXPECTED = {
  status: 429,
  retryAfter: true,
  formErrors: [expect.stringMatching(/^Too many attempts\. Try again in 1 minute\.$/)],
  otherErrors: [],
  bodyStatus: 'error',
}

async function signedIn() {
  const user = await createTestUser('freelancer')
  const cookie = await signedInCookie(user.id)
  await confirmPasswordNow(cookie)
  return { user, cookie }
}

describe('one 429 answer for every throttled action', () => {
  it('sending email codes and sending texts answer alike', async () => {
    const { cookie } = await signedIn()
    const email = await untilThrottled(() =>
      run(emailCodesAction, formRequest('/settings/security/email-codes', { intent: 'send' }, cookie)),
    )
    const other = await signedIn()
    const phone = await untilThrottled(() =>
      run(
        phoneAction,
        formRequest('/settings/security/phone', { intent: 'send', country: 'GB', phone: '07911 123456' }, other.cookie),
      ),
    )
    expect(await shapeOf(email)).toEqual(EXPECTED)
    expect(await shapeOf(phone)).toEqual(EXPECTED)
  })

  it('password guessing at sign-in and at the confirm page answer alike, keeping the email but not the password', async () => {
    const user = await createTestUser('client')
    const signIn = await untilThrottled(() =>
      run(signInAction, formRequest('/sign-in', { email: user.email, password: 'wrong password 1' })),
    )
    const { cookie } = await signedIn()
    const confirm = await untilThrottled(() =>
      run(
        confirmPasswordAction,
        formRequest('/settings/security/confirm-password', { password: 'wrong password 1' }, cookie),
      ),
    )
    const signInBody = await signIn.clone().json()
    expect(signInBody.initialValue).toEqual({ email: user.email })
    expect(await shapeOf(signIn)).toEqual(EXPECTED)
    expect(await shapeOf(confirm)).toEqual(EXPECTED)
  })
})
