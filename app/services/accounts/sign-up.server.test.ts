import { afterEach, describe, expect, it } from 'vitest'
import { createTestUser } from '~/test/users'
import { resetEnvForTests } from '~/utils/env.server'
import { readDemoSignUpEmail, readPendingSignUp, startSignUp } from './sign-up.server'

const PASSWORD = 'plum-satellite-913'

async function pendingFor(email: string, name = 'Nadia Newcomer') {
  const started = await startSignUp({ role: 'client', name, email, password: PASSWORD })
  if (!started.ok) throw new Error(started.message)
  const cookie = started.setCookie.split(';')[0]!
  const pending = await readPendingSignUp(new Request('http://localhost/sign-up/verify', { headers: { cookie } }))
  if (!pending) throw new Error('no pending sign-up')
  return pending
}

function withDemo(value: string | undefined) {
  if (value === undefined) delete process.env.DEMO
  else process.env.DEMO = value
  resetEnvForTests()
}

describe('the sign-up email on the demo', () => {
  const before = process.env.DEMO
  afterEach(() => withDemo(before))

  it('is shown on the demo, with the code, so a newcomer without a mailbox can finish', async () => {
    withDemo('true')
    const email = `demo-${crypto.randomUUID()}@example.com`
    const text = await readDemoSignUpEmail(await pendingFor(email))
    expect(text).toMatch(/^Hello Nadia Newcomer,/)
    expect(text).toMatch(/Your sign-up code is: \d{6}/)
  })

  it('shows a registered address the note its owner gets, never a code', async () => {
    withDemo('true')
    const user = await createTestUser('client')
    const text = await readDemoSignUpEmail(await pendingFor(user.email, 'Someone Else'))
    expect(text).toContain('Someone just tried to create a new MegiLance account')
    expect(text).not.toMatch(/\d{6}/)
  })

  it('is never shown outside the demo', async () => {
    withDemo('false')
    const email = `real-${crypto.randomUUID()}@example.com`
    expect(await readDemoSignUpEmail(await pendingFor(email))).toBeNull()
  })
})
