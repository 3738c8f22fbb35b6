import type { ActionFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { turnEmailFactorOn } from '~/models/email-factors.server'
import { insertAllowlistEntry, insertBlocklistEntry } from '~/models/ip-lists.server'
import { listOutbox } from '~/models/outbox.server'
import { listSecurityEvents } from '~/models/security-events.server'
import { findAssessment } from '~/models/sign-in-assessments.server'
import { findThrottles } from '~/models/auth-throttles.server'
import { action as signInAction } from '~/routes/_auth.sign-in'
import { setPassword } from '~/services/accounts/accounts.server'
import { action as verifyAction, loader as verifyLoader } from '~/routes/_auth.sign-in_.verify'
import { cookiesFrom, formRequest, getRequest } from './requests'
import { createTestUser, TEST_PASSWORD } from './users'

const UK = '81.2.69.142'
const US = '216.160.83.56'

/** Runs a handler as the server would for a client at `ip` (what X-Forwarded-For gives with TRUST_PROXY). */
async function from(
  ip: string,
  handler: (args: ActionFunctionArgs) => Promise<unknown>,
  request: Request,
): Promise<Response> {
  try {
    const result = await handler({ request, params: {}, context: { cspNonce: '', clientIp: ip } } as ActionFunctionArgs)
    return result instanceof Response ? result : Response.json(result)
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

const signIn = (ip: string, email: string, password: string, cookie = '') =>
  from(ip, signInAction, formRequest('/sign-in', { email, password }, cookie))

async function latestEvents(userId: string) {
  return (await listSecurityEvents({ userId, page: 1, pageSize: 20 })).rows.map((row) => row.event)
}

describe('risk-based sign-in', () => {
  it('asks for a second factor after impossible travel, and shows the factors in the assessment', async () => {
    const user = await createTestUser('client')
    const first = await signIn(UK, user.email, TEST_PASSWORD)
    expect(first.headers.get('location')).toBe('/client')
    const device = cookiesFrom(first)
      .split('; ')
      .filter((pair) => pair.startsWith('__device='))
      .join('; ')

    const second = await signIn(US, user.email, TEST_PASSWORD, device)
    expect(second.status).toBe(302)
    expect(second.headers.get('location')).toBe('/sign-in/verify?method=email&sent=email')
    const events = await latestEvents(user.id)
    expect(events.map((e) => e.kind)).toContain('sign_in_succeeded')
    const pending = cookiesFrom(second, device)
    const page = await (await from(US, verifyLoader, getRequest('/sign-in/verify', pending))).json()
    // No factor set up: the code goes to the account's email, sent at once.
    expect(page.methods.map((m: { method: string }) => m.method)).toEqual(['email'])
    const sent = (await listOutbox({ to: user.email, page: 1, pageSize: 5 })).rows.find((m) =>
      m.subject.startsWith('Your MegiLance security code'),
    )
    const code = sent?.text?.match(/code is: (\d{6})/)?.[1]
    const done = await from(
      US,
      verifyAction,
      formRequest('/sign-in/verify', { method: 'email', intent: 'verify', code: code! }, pending),
    )
    expect(done.headers.get('location')).toBe('/client')

    const succeeded = (await latestEvents(user.id)).find((e) => e.kind === 'sign_in_succeeded' && e.ip === US)
    const assessment = await findAssessment(succeeded!.assessmentId!)
    expect(assessment).toMatchObject({ level: 'medium', outcome: 'second_factor', country: 'US' })
    expect(assessment!.factors.map((f) => f.name)).toEqual(['new_country', 'impossible_travel', 'new_account'])
    expect(assessment!.factors[1]!.detail).toMatch(/km\/h/)
  })

  it('refuses a blocklisted IP and logs it', async () => {
    const user = await createTestUser('freelancer')
    await insertBlocklistEntry({
      id: crypto.randomUUID(),
      cidr: '198.51.100.0/24',
      reason: 'credential stuffing',
      createdBy: null,
      createdAt: new Date(),
    })
    const refused = await signIn('198.51.100.7', user.email, TEST_PASSWORD)
    expect(refused.status).toBe(403)
    expect((await refused.json()).error[''][0]).toMatch(/Sign-in from this network is blocked/)
    expect(refused.headers.getSetCookie().join()).not.toMatch(/__session=/)
    const event = (await latestEvents(user.id)).find((e) => e.kind === 'blocklist_refused')
    expect(event).toMatchObject({ severity: 'high', ip: '198.51.100.7' })
  })

  it('refuses a sign-in from outside the account allowlist', async () => {
    const user = await createTestUser('client')
    await insertAllowlistEntry({
      id: crypto.randomUUID(),
      userId: user.id,
      cidr: '203.0.113.0/24',
      label: 'Office',
      createdAt: new Date(),
    })
    expect((await signIn('203.0.113.50', user.email, TEST_PASSWORD)).headers.get('location')).toBe('/client')
    const outside = await signIn(UK, user.email, TEST_PASSWORD)
    expect(outside.status).toBe(403)
    expect((await latestEvents(user.id)).some((e) => e.kind === 'allowlist_refused')).toBe(true)
  })
})

describe('back-off', () => {
  it('refuses the sixth wrong code in a row with 429 and Retry-After', async () => {
    const user = await createTestUser('client')
    await turnEmailFactorOn(user.id, new Date())
    const step = await signIn('203.0.113.9', user.email, TEST_PASSWORD)
    expect(step.headers.get('location')).toBe('/sign-in/verify?method=email&sent=email')
    const pending = cookiesFrom(step)
    const attempt = () =>
      from(
        '203.0.113.9',
        verifyAction,
        formRequest('/sign-in/verify', { method: 'email', intent: 'verify', code: '000001' }, pending),
      )
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(400)
    const sixth = await attempt()
    expect(sixth.status).toBe(429)
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThanOrEqual(59)
    expect((await sixth.json()).error['']).toEqual(['Too many attempts. Try again in 1 minute.'])
    expect((await latestEvents(user.id)).some((e) => e.kind === 'throttled')).toBe(true)
  })

  it('slows password guessing per account, whether or not the email exists', async () => {
    for (const email of [(await createTestUser('client')).email, `nobody-${crypto.randomUUID()}@test.example`]) {
      for (let i = 0; i < 5; i++) expect((await signIn('203.0.113.10', email, 'wrong password 1')).status).toBe(400)
      const sixth = await signIn('203.0.113.10', email, TEST_PASSWORD)
      expect(sixth.status).toBe(429)
      expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0)
    }
  })
})

describe('guesses sent at once', () => {
  it('count before the password is checked: of 12 wrong passwords sent together, 5 are tried', async () => {
    const user = await createTestUser('client')
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(`198.51.100.${30 + i}`, user.email, `parallel guess ${i}`)),
    )
    const statuses = answers.map((answer) => answer.status).sort()
    expect(statuses).toEqual([...Array<number>(5).fill(400), ...Array<number>(7).fill(429)])
    expect((await signIn('198.51.100.50', user.email, TEST_PASSWORD)).status).toBe(429)
  })

  it('a right password gives its network its attempt back; a wrong one stays counted', async () => {
    const ip = '203.0.113.45'
    const networkFailures = async () => (await findThrottles([`sign-in:ip:${ip}`]))[0]?.failures ?? 0
    const user = await createTestUser('client')
    expect((await signIn(ip, user.email, 'a wrong password')).status).toBe(400)
    expect(await networkFailures()).toBe(1)
    expect((await signIn(ip, user.email, TEST_PASSWORD)).status).toBe(302)
    expect(await networkFailures()).toBe(1)
  })
})

describe('a stranger’s wrong passwords', () => {
  it('do not lock the owner out on a browser the account signed in on before', async () => {
    const user = await createTestUser('client')
    // The owner's browser: its device cookie is remembered at a sign-in.
    const device = cookiesFrom(await signIn('203.0.113.20', user.email, TEST_PASSWORD))
      .split('; ')
      .filter((cookie) => cookie.startsWith('__device='))
      .join('; ')
    expect(device).toMatch(/^__device=/)
    // A stranger elsewhere locks the account's key for every browser the account has not used.
    for (let i = 0; i < 5; i++) expect((await signIn('198.51.100.7', user.email, `guess ${i}`)).status).toBe(400)
    expect((await signIn('198.51.100.8', user.email, TEST_PASSWORD)).status).toBe(429)
    // The owner still signs in on their own browser, and the stranger is still held.
    expect((await signIn('203.0.113.20', user.email, TEST_PASSWORD, device)).status).toBe(302)
    expect((await signIn('198.51.100.7', user.email, 'guess 6')).status).toBe(429)
    // A known browser is not an open door: its own wrong passwords back off the same way.
    for (let i = 0; i < 5; i++) expect((await signIn('203.0.113.20', user.email, `typo ${i}`, device)).status).toBe(400)
    expect((await signIn('203.0.113.20', user.email, TEST_PASSWORD, device)).status).toBe(429)
  })
})

describe('codes are bound to their sign-in', () => {
  it('a code sent for one sign-in does not work for another running at the same time', async () => {
    const user = await createTestUser('client')
    await turnEmailFactorOn(user.id, new Date())
    const codeFor = async () => {
      const step = await signIn('203.0.113.11', user.email, TEST_PASSWORD)
      const code = (await listOutbox({ to: user.email, page: 1, pageSize: 1 })).rows[0]!.text!.match(
        /code is: (\d{6})/,
      )![1]!
      return { pending: cookiesFrom(step), code }
    }
    const first = await codeFor()
    const second = await codeFor()
    const answer = (pending: string, code: string) =>
      from(
        '203.0.113.11',
        verifyAction,
        formRequest('/sign-in/verify', { method: 'email', intent: 'verify', code }, pending),
      )
    if (first.code !== second.code) expect((await answer(second.pending, first.code)).status).toBe(400)
    expect((await answer(first.pending, first.code)).headers.get('location')).toBe('/client')
    expect((await answer(second.pending, second.code)).headers.get('location')).toBe('/client')
  })
})

describe('password reset', () => {
  it('does not get around a second factor: the next sign-in still asks for it', async () => {
    const user = await createTestUser('freelancer')
    await turnEmailFactorOn(user.id, new Date())
    await setPassword(user.id, 'a brand new passphrase 77', { byReset: true })
    const step = await signIn('203.0.113.12', user.email, 'a brand new passphrase 77')
    expect(step.headers.get('location')).toBe('/sign-in/verify?method=email&sent=email')
    expect(step.headers.getSetCookie().join()).not.toMatch(/__session=/)
  })
})
