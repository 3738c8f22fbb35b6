import './app-env'
import { insertReview } from '~/models/contract-reviews.server'
import { insertCardAttempt } from '~/models/fraud-alerts.server'
import { rememberDevice } from '~/models/known-devices.server'
import { insertUser } from '~/models/users.server'
import { hashPassword } from '~/services/accounts/passwords.server'
import { recordCardAttempt } from '~/services/fraud/card-attempts.server'
import { runFraudSweep } from '~/services/fraud/screening.server'
import { createFixedContract } from './contract-fixtures'
import { userIdByEmail } from './db-fixtures'
import { makeUser, type NewUser } from './fixtures'

/** An account that never signs in (no usable password), made by the app's own model. */
async function accountOnly(user: NewUser) {
  return insertUser({ email: user.email, name: user.name, role: user.role, passwordHash: 'e2e-no-password' })
}

/**
 * A card-testing run as the checkout would record it: seven cards tried by a new client within
 * three minutes, six declined. Each attempt is screened on the spot, as in the app.
 */
export async function plantCardTestingRun(): Promise<NewUser> {
  const user = makeUser('client')
  const { id } = await accountOnly(user)
  const start = Date.now() - 4 * 60_000
  for (let i = 0; i < 7; i++)
    await recordCardAttempt({
      userId: id,
      paymentId: `e2e-${crypto.randomUUID()}`,
      amountMinor: 100,
      currency: 'USD',
      cardNumber: `4000 0000 0000 ${1000 + i}`,
      ok: i === 6,
      declineReason: i === 6 ? null : 'Your card was declined.',
      at: new Date(start + i * 30_000),
    })
  return user
}

/**
 * A review ring around the freelancer: three new clients signed up on the freelancer's own browser,
 * each with a small ended contract and a five-star review; then the scheduled sweep runs once.
 */
export async function plantReviewRing(freelancerEmail: string) {
  const freelancerId = await userIdByEmail(freelancerEmail)
  const device = `e2e-ring-${crypto.randomUUID()}`
  const now = new Date()
  await rememberDevice(freelancerId, device, 'e2e fixture', now)
  for (let i = 0; i < 3; i++) {
    const client = makeUser('client')
    const { id } = await accountOnly(client)
    await rememberDevice(id, device, 'e2e fixture', now)
    const { contractId } = await createFixedContract(client.email, freelancerEmail, {
      milestones: [{ title: 'Logo', amountMinor: 5_000 }],
      endedDaysAgo: 0,
    })
    await insertReview({
      contractId,
      reviewerId: id,
      revieweeId: freelancerId,
      direction: 'client_to_freelancer',
      rating: 5,
      subRatings: {},
      comment: 'Amazing work, the best freelancer ever.',
      createdAt: now,
    })
  }
  await runFraudSweep()
}

/**
 * A client with a password whose card-testing run is in the database but not yet screened: the
 * next thing the account does in the app (signing in) raises the alert inside the server.
 */
export async function plantUnscreenedCardTestingRun(): Promise<NewUser> {
  const user = makeUser('client')
  const { id } = await insertUser({
    email: user.email,
    name: user.name,
    role: user.role,
    passwordHash: await hashPassword(user.password),
  })
  const start = Date.now() - 4 * 60_000
  for (let i = 0; i < 6; i++)
    await insertCardAttempt({
      userId: id,
      paymentId: `e2e-${crypto.randomUUID()}`,
      amountMinor: 100,
      currency: 'USD',
      cardFingerprint: `e2e-card-${crypto.randomUUID()}`,
      ok: false,
      declineReason: 'Your card was declined.',
      createdAt: new Date(start + i * 30_000),
    })
  return user
}
