import './app-env'
import type { ExperienceLevel } from '~/domain/enums'
import { PLATFORM_OWNER, writeLedgerTransaction } from '~/models/ledger.server'
import { insertUser } from '~/models/users.server'
import { hashPassword } from '~/services/accounts/passwords.server'
import { createFixedContract } from './contract-fixtures'
import { userIdByEmail } from './db-fixtures'
import { makeUser, uniquePassword } from './fixtures'

/** A card top-up of the user's wallet at a given time, written by the app's ledger writer. */
export async function insertWalletTopUp(
  email: string,
  input: { amountMinor: number; currency: string; at: number; description: string },
) {
  const { amountMinor, currency } = input
  writeLedgerTransaction({
    idempotencyKey: `e2e:${crypto.randomUUID()}`,
    kind: 'wallet.deposit',
    description: input.description,
    lines: [
      { account: { kind: 'clearing_card', ownerId: PLATFORM_OWNER, currency }, amountMinor: -amountMinor },
      { account: { kind: 'wallet', ownerId: await userIdByEmail(email), currency }, amountMinor },
    ],
    at: new Date(input.at),
  })
}

/**
 * Agreed fixed-price bids (accepted proposals that became contracts, since ended) on projects needing
 * `skill` of another client, each by a new freelancer: figures from accepted bids appear only once several people's match.
 */
export async function insertAgreedBids(input: {
  skill: string
  level: ExperienceLevel
  currency: string
  amountsMinor: number[]
}) {
  const passwordHash = await hashPassword(uniquePassword())
  // Another client's contracts: a viewer's own contracts never count towards what they are shown.
  const client = makeUser('client')
  await insertUser({ email: client.email, name: client.name, role: 'client', passwordHash })
  const clientEmail = client.email
  for (const amountMinor of input.amountsMinor) {
    const freelancer = makeUser('freelancer')
    await insertUser({ email: freelancer.email, name: freelancer.name, role: 'freelancer', passwordHash })
    await createFixedContract(clientEmail, freelancer.email, {
      title: 'Agreed earlier',
      milestones: [{ title: 'The work', amountMinor }],
      currency: input.currency,
      skills: [input.skill],
      experienceLevel: input.level,
      endedDaysAgo: 0,
    })
  }
}
