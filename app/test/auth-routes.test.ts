import { describe, expect, it } from 'vitest'
import { findSessionWithUser } from '~/models/sessions.server'
import { findUserByEmail } from '~/models/users.server'
import { action as signInAction } from '~/routes/_auth.sign-in'
import { action as signUpAction } from '~/routes/_auth.sign-up'
import { action as signUpVerifyAction } from '~/routes/_auth.sign-up_.verify'
import { listOutbox } from '~/models/outbox.server'
import { action as signOutAction } from '~/routes/sign-out'
import { loader as clientDashboardLoader } from '~/routes/_portal.client._index'
import { blockAccount, unblockAccount } from '~/services/accounts/accounts.server'
import { popToast } from '~/http/toast.server'
import { cookiesFrom, formRequest, getRequest, run, sessionCookieOnly } from './requests'
import { createTestUser, TEST_PASSWORD } from './users'

const validSignUp = {
  role: 'client',
  name: 'Casey Client',
  email: 'casey@example.com',
  password: 'tangerine-orbit-quietly-47',
}

describe('sign-up', () => {
  it('re-renders with messages and the values typed, never the password', async () => {
    const response = await run(
      signUpAction,
      formRequest('/sign-up', { ...validSignUp, email: 'not-an-email', name: 'C' }),
    )
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.error.email).toEqual(['Enter a valid email address'])
    expect(body.error.name).toEqual(['Use at least 2 characters'])
    expect(body.initialValue.email).toBe('not-an-email')
    expect(body.initialValue.password).toBeUndefined()
  })

  it('refuses common and short passwords', async () => {
    const common = await run(signUpAction, formRequest('/sign-up', { ...validSignUp, password: 'iloveyou123' }))
    expect(common.status).toBe(400)
    expect((await common.json()).error.password[0]).toMatch(/too common/)
    const short = await run(signUpAction, formRequest('/sign-up', { ...validSignUp, password: 'x7#k' }))
    expect((await short.json()).error.password).toEqual(['Use at least 8 characters'])
  })

  it('refuses a name with line breaks, which would write paragraphs into the code email sent to any address', async () => {
    const forged = 'Bob,\n\nYour payout is on hold. Confirm your bank at megi-help.example\n'
    const response = await run(signUpAction, formRequest('/sign-up', { ...validSignUp, name: forged }))
    expect(response.status).toBe(400)
    expect((await response.json()).error.name).toEqual([
      'Write your name on one line, without line breaks or control characters',
    ])
    expect((await listOutbox({ to: validSignUp.email, page: 1, pageSize: 1 })).rows).toEqual([])
  })

  it('refuses to make an admin through the form', async () => {
    const response = await run(signUpAction, formRequest('/sign-up', { ...validSignUp, role: 'admin' }))
    expect(response.status).toBe(400)
  })

  it('creates the account only with the code emailed to the address, then signs in', async () => {
    const response = await run(signUpAction, formRequest('/sign-up', validSignUp))
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/sign-up/verify')
    const pendingCookie = cookiesFrom(response)
    expect(await findUserByEmail('casey@example.com')).toBeUndefined()
    const code = (await listOutbox({ to: 'casey@example.com', page: 1, pageSize: 1 })).rows[0]?.text?.match(
      /code is: (\d{6})/,
    )?.[1]
    expect(code).toMatch(/^\d{6}$/)
    const wrong = await run(
      signUpVerifyAction,
      formRequest('/sign-up/verify', { code: code === '000000' ? '111111' : '000000' }, pendingCookie),
    )
    expect(wrong.status).toBe(400)
    const created = await run(signUpVerifyAction, formRequest('/sign-up/verify', { code: code! }, pendingCookie))
    expect(created.status).toBe(302)
    expect(created.headers.get('location')).toBe('/client')
    expect(created.headers.getSetCookie().join('\n')).toMatch(
      /__session=.+; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax/,
    )
    expect((await findUserByEmail('CASEY@example.com'))?.role).toBe('client')
    // The same code cannot make a second account.
    const replay = await run(signUpVerifyAction, formRequest('/sign-up/verify', { code: code! }, pendingCookie))
    expect(replay.headers.get('location')).toBe('/sign-up')

    // The session the sign-up began is a newcomer's: the dashboard welcomes them, not "back", with
    // the first step. A later sign-in is a return.
    const firstVisit = await run(clientDashboardLoader, getRequest('/client', sessionCookieOnly(cookiesFrom(created))))
    const firstData = (await firstVisit.json()) as { newcomer: boolean; onboarding: { label: string }[] }
    expect(firstData.newcomer).toBe(true)
    expect(firstData.onboarding[0]?.label).toBe('Post your first project')
    const signedIn = await run(
      signInAction,
      formRequest('/sign-in', { email: validSignUp.email, password: validSignUp.password }),
    )
    expect(signedIn.headers.get('location')).toBe('/client')
    const returned = await run(clientDashboardLoader, getRequest('/client', sessionCookieOnly(cookiesFrom(signedIn))))
    expect(((await returned.json()) as { newcomer: boolean }).newcomer).toBe(false)
  })

  it('answers a registered email exactly like a new one, and no code can complete it', async () => {
    const existing = await createTestUser('freelancer')
    const again = await run(signUpAction, formRequest('/sign-up', { ...validSignUp, email: existing.email }))
    const fresh = await run(signUpAction, formRequest('/sign-up', { ...validSignUp, email: 'brand-new@example.com' }))
    for (const response of [again, fresh]) {
      expect(response.status).toBe(302)
      expect(response.headers.get('location')).toBe('/sign-up/verify')
      expect(response.headers.getSetCookie()).toHaveLength(1)
    }
    const note = (await listOutbox({ to: existing.email, page: 1, pageSize: 1 })).rows[0]
    expect(note?.subject).toBe('Someone tried to sign up to MegiLance with your email')
    const attempt = await run(
      signUpVerifyAction,
      formRequest('/sign-up/verify', { code: '123456' }, cookiesFrom(again)),
    )
    expect(attempt.status).toBe(400)
  })
})

describe('bad input', () => {
  it('answers 400, not 500, to a body that is not a form', async () => {
    const json = new Request('http://localhost/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.c' }),
    })
    expect((await run(signInAction, json)).status).toBe(400)
    const broken = new Request('http://localhost/sign-up', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
      body: 'garbage',
    })
    expect((await run(signUpAction, broken)).status).toBe(400)
  })
})

describe('sign-in and sign-out', () => {
  it('gives a new session id at every sign-in and follows redirectTo', async () => {
    const user = await createTestUser('freelancer')
    const first = await run(signInAction, formRequest('/sign-in', { email: user.email, password: TEST_PASSWORD }))
    const second = await run(
      signInAction,
      formRequest('/sign-in', { email: user.email, password: TEST_PASSWORD, redirectTo: '/settings' }),
    )
    expect(first.headers.get('location')).toBe('/freelancer')
    expect(second.headers.get('location')).toBe('/settings')
    expect(sessionCookieOnly(cookiesFrom(first))).not.toBe(sessionCookieOnly(cookiesFrom(second)))
  })

  it('does not follow redirects to other sites', async () => {
    const user = await createTestUser('client')
    const response = await run(
      signInAction,
      formRequest('/sign-in', { email: user.email, password: TEST_PASSWORD, redirectTo: 'https://evil.example' }),
    )
    expect(response.headers.get('location')).toBe('/client')
  })

  it('does not follow a tab or backslash that a browser reads as another host', async () => {
    const user = await createTestUser('client')
    for (const redirectTo of ['/\t/evil.example', '/\\evil.example', '/..//evil.example']) {
      const response = await run(
        signInAction,
        formRequest('/sign-in', { email: user.email, password: TEST_PASSWORD, redirectTo }),
      )
      expect(response.headers.get('location')).toBe('/client')
    }
  })

  it('says the same thing for an unknown email and a wrong password', async () => {
    const user = await createTestUser('client')
    const wrong = await run(signInAction, formRequest('/sign-in', { email: user.email, password: 'not the password' }))
    const unknown = await run(
      signInAction,
      formRequest('/sign-in', { email: 'nobody@example.com', password: 'whatever1' }),
    )
    expect(wrong.status).toBe(400)
    expect((await wrong.json()).error['']).toEqual(['The email or password is not right.'])
    expect((await unknown.json()).error['']).toEqual(['The email or password is not right.'])
  })

  it('refuses a blocked user with the reason, and their open sessions end', async () => {
    const user = await createTestUser('client')
    const signedIn = cookiesFrom(
      await run(signInAction, formRequest('/sign-in', { email: user.email, password: TEST_PASSWORD })),
    )
    expect((await run(clientDashboardLoader, getRequest('/client', signedIn))).status).toBe(200)

    await blockAccount(user.id, 'Asked freelancers to pay a registration fee by gift card')
    // The open session is told why it ended, in the sign-in refusal's words, and the sign-in page
    // it lands on shows how to contest the block; once: the session is gone afterwards.
    const afterBlock = await run(clientDashboardLoader, getRequest('/client', signedIn))
    expect(afterBlock.status).toBe(302)
    expect(afterBlock.headers.get('location')).toBe('/sign-in?blocked')
    expect(afterBlock.headers.getSetCookie().some((c) => /^__session=;.*Max-Age=0/.test(c))).toBe(true)
    expect((await popToast(getRequest('/sign-in?blocked', cookiesFrom(afterBlock)))).toast).toMatchObject({
      kind: 'error',
      message:
        'You were signed out. This account is blocked. Reason given: Asked freelancers to pay a registration fee by gift card',
    })
    const again = await run(clientDashboardLoader, getRequest('/client', signedIn))
    expect(again.headers.get('location')).toBe('/sign-in?redirectTo=%2Fclient')

    const refused = await run(signInAction, formRequest('/sign-in', { email: user.email, password: TEST_PASSWORD }))
    expect(refused.status).toBe(403)
    expect((await refused.json()).error['']).toEqual([
      'This account is blocked. Reason given: Asked freelancers to pay a registration fee by gift card',
    ])
    // Lifting the block does not bring the ended session back.
    await unblockAccount(user.id)
    expect((await run(clientDashboardLoader, getRequest('/client', signedIn))).status).toBe(302)
  })

  it('sign-out deletes the session on the server, not just the cookie', async () => {
    const user = await createTestUser('client')
    const signedIn = cookiesFrom(
      await run(signInAction, formRequest('/sign-in', { email: user.email, password: TEST_PASSWORD })),
    )
    const out = await run(signOutAction, formRequest('/sign-out', {}, signedIn))
    expect(out.headers.get('location')).toBe('/')
    expect(out.headers.getSetCookie().some((c) => c.startsWith('__session=;') && /Max-Age=0/.test(c))).toBe(true)
    // Replaying the old cookie no longer works.
    const replay = await run(clientDashboardLoader, getRequest('/client', signedIn))
    expect(replay.status).toBe(302)
  })
})

describe('session storage', () => {
  it('keeps only a hash of the cookie token in the database', async () => {
    const user = await createTestUser('client')
    const response = await run(signInAction, formRequest('/sign-in', { email: user.email, password: TEST_PASSWORD }))
    const cookie = sessionCookieOnly(cookiesFrom(response))
    const signedValue = decodeURIComponent(cookie.slice('__session='.length))
    const token = JSON.parse(Buffer.from(signedValue.split('.')[0] ?? '', 'base64').toString('utf8')) as string
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16)
    expect(await findSessionWithUser(token)).toBeUndefined()
  })
})
