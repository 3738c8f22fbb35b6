/**
 * What the detectors look at: plain records read from the database (or a scenario file), times in
 * epoch milliseconds. Detectors are pure functions of these, so the same code runs on one event,
 * in the sweep and in the evaluation.
 */
export type AccountFact = {
  id: string
  email: string
  role: 'client' | 'freelancer' | 'admin'
  createdAt: number
  /** Headline and bio (freelancers) or company description (clients); empty when none. */
  profileText: string
  /** Where the account was created from, when known. */
  signUpIp: string | null
  signUpDevice: string | null
}

/** A browser (device cookie) an account has used, whether or not a risk check saw it. */
type DeviceFact = { userId: string; deviceId: string }

export type SignInFact = {
  userId: string
  at: number
  ip: string | null
  deviceId: string | null
  country: string | null
  risk: 'low' | 'medium' | 'high'
  newDevice: boolean
}

export type CardAttemptFact = {
  userId: string
  at: number
  amountMinor: number
  /** The card as far as we know it (a fingerprint or brand and last four); null when unknown. */
  card: string | null
  ok: boolean
  /** The payer's IP and browser cookie id; null when unknown. */
  ip: string | null
  deviceId: string | null
}

type PayoutFact = { id: string; userId: string; at: number; amountMinor: number; destination: string }

type PayoutMethodFact = { userId: string; at: number; destination: string }

export type ContractFact = { id: string; clientId: string; freelancerId: string; at: number }

export type ReleaseFact = {
  contractId: string
  clientId: string
  freelancerId: string
  fundedAt: number
  releasedAt: number
  amountMinor: number
}

export type ReviewFact = { contractId: string; reviewerId: string; revieweeId: string; rating: number; at: number }

export type ProposalFact = { freelancerId: string; projectId: string; coverLetter: string; at: number }

export type MessageFlagFact = { userId: string; conversationId: string; at: number; reasons: string[] }

/** A milestone the freelancer submitted, and whether the client disputed it. */
export type SubmissionFact = { clientId: string; freelancerId: string; at: number; disputed: boolean }

export type SecurityChangeFact = { userId: string; at: number; kind: 'email' | 'password' | 'second_factor' }

export type FraudFacts = {
  accounts: AccountFact[]
  signIns: SignInFact[]
  devices: DeviceFact[]
  cardAttempts: CardAttemptFact[]
  payouts: PayoutFact[]
  payoutMethods: PayoutMethodFact[]
  contracts: ContractFact[]
  releases: ReleaseFact[]
  reviews: ReviewFact[]
  proposals: ProposalFact[]
  messageFlags: MessageFlagFact[]
  submissions: SubmissionFact[]
  securityChanges: SecurityChangeFact[]
}

export function emptyFacts(): FraudFacts {
  return {
    accounts: [],
    signIns: [],
    devices: [],
    cardAttempts: [],
    payouts: [],
    payoutMethods: [],
    contracts: [],
    releases: [],
    reviews: [],
    proposals: [],
    messageFlags: [],
    submissions: [],
    securityChanges: [],
  }
}
