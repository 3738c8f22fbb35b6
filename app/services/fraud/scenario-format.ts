import * as z from 'zod'
import { FRAUD_ALERT_TYPES } from '~/domain/fraud-alerts'

/**
 * The labelled scenario file `npm run fraud:scenarios` writes and `npm run fraud:eval` reads
 * (documented field by field in the README). Strict: an unknown field is refused, and a bad file
 * stops with the path of the first bad field.
 */
const id = z.string().min(1).max(100)
const at = z.iso.datetime()
const ip = z.string().min(1).max(64).nullable()

const Account = z.strictObject({
  id,
  email: z.email(),
  role: z.enum(['client', 'freelancer']),
  createdAt: at,
  profileText: z.string().max(5000),
  signUpIp: ip,
  signUpDevice: z.string().max(100).nullable(),
})
const SignIn = z.strictObject({
  userId: id,
  at,
  ip,
  deviceId: z.string().max(100).nullable(),
  country: z.string().length(2).nullable(),
  risk: z.enum(['low', 'medium', 'high']),
  newDevice: z.boolean(),
})
const CardAttempt = z.strictObject({
  userId: id,
  at,
  amountMinor: z.number().int().positive(),
  card: z.string().max(100).nullable(),
  ok: z.boolean(),
  ip,
  deviceId: z.string().max(100).nullable(),
})
const Payout = z.strictObject({
  id,
  userId: id,
  at,
  amountMinor: z.number().int().positive(),
  destination: z.string().min(1),
})
const PayoutMethod = z.strictObject({ userId: id, at, destination: z.string().min(1) })
const Contract = z.strictObject({ id, clientId: id, freelancerId: id, at })
const Release = z.strictObject({
  contractId: id,
  clientId: id,
  freelancerId: id,
  fundedAt: at,
  releasedAt: at,
  amountMinor: z.number().int().positive(),
})
const Review = z.strictObject({
  contractId: id,
  reviewerId: id,
  revieweeId: id,
  rating: z.number().int().min(1).max(5),
  at,
})
const Proposal = z.strictObject({ freelancerId: id, projectId: id, coverLetter: z.string().min(1).max(10_000), at })
const MessageFlag = z.strictObject({ userId: id, conversationId: id, at, reasons: z.array(z.string()).min(1) })
const Submission = z.strictObject({ clientId: id, freelancerId: id, at, disputed: z.boolean() })
const SecurityChange = z.strictObject({ userId: id, at, kind: z.enum(['email', 'password', 'second_factor']) })
const Label = z.strictObject({
  id,
  types: z.array(z.enum(FRAUD_ALERT_TYPES)).min(1),
  accounts: z.array(id).min(1),
  note: z.string().max(500),
})

export const ScenarioSchema = z.strictObject({
  version: z.literal(1),
  seed: z.number().int(),
  /** When the sweep runs: after the last record. */
  now: at,
  accounts: z.array(Account),
  signIns: z.array(SignIn),
  cardAttempts: z.array(CardAttempt),
  payouts: z.array(Payout),
  payoutMethods: z.array(PayoutMethod),
  contracts: z.array(Contract),
  releases: z.array(Release),
  reviews: z.array(Review),
  proposals: z.array(Proposal),
  messageFlags: z.array(MessageFlag),
  submissions: z.array(Submission),
  securityChanges: z.array(SecurityChange),
  /** The planted fraud: each case, the alert types it should raise and its accounts. */
  labels: z.array(Label),
})
export type Scenario = z.infer<typeof ScenarioSchema>

/** The first problem in a file, as "path.to.field: message", or null when it is valid. */
export function firstScenarioProblem(error: z.ZodError): string {
  const issue = error.issues[0]!
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')
  return `${path.replace(/^\./, '') || '(file)'}: ${issue.message}`
}
