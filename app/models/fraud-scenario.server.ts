/**
 * Writes for `npm run fraud:eval` only: a labelled scenario's records stored in the tables the app
 * keeps them in (users and profiles, sign-in assessments, devices, security events, card attempts,
 * projects, proposals, contracts, milestones, disputes, reviews, payout methods, payouts,
 * conversations, messages and their flags), at the scenario's times, into a fresh temporary
 * database. Nothing here is used by the running app.
 */
import type { FraudAlertType } from '../domain/fraud-alerts'
import type { ContractFact, SignInFact } from '../domain/fraud-facts'
import { getDb } from './db.server'

const sqlite = () => getDb().$client

export async function insertScenarioAccount(input: {
  id: string
  email: string
  role: 'client' | 'freelancer'
  createdAt: number
  profileText: string
}): Promise<void> {
  const db = sqlite()
  db.transaction(() => {
    db.prepare(
      `insert into users (id, email, name, role, password_hash, created_at, updated_at) values (?, ?, ?, ?, 'scenario', ?, ?)`,
    ).run(input.id, input.email.toLowerCase(), input.id, input.role, input.createdAt, input.createdAt)
    if (input.role === 'client')
      db.prepare(`insert into client_profiles (user_id, company, created_at, updated_at) values (?, ?, ?, ?)`).run(
        input.id,
        input.profileText,
        input.createdAt,
        input.createdAt,
      )
    else
      db.prepare(
        `insert into freelancer_profiles (user_id, headline, bio, created_at, updated_at) values (?, ?, '', ?, ?)`,
      ).run(input.id, input.profileText, input.createdAt, input.createdAt)
  })()
}

/** A successful sign-in as the sign-in code leaves it: the assessment, the device seen, the security event. */
export async function insertScenarioSignIn(input: SignInFact): Promise<void> {
  const db = sqlite()
  const score = { low: 10, medium: 45, high: 80 }[input.risk]
  db.transaction(() => {
    const assessmentId = crypto.randomUUID()
    db.prepare(
      `insert into sign_in_assessments (id, user_id, ip, country, device_id, score, level, factors, outcome, completed_at, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, 'allowed', ?, ?)`,
    ).run(
      assessmentId,
      input.userId,
      input.ip,
      input.country,
      input.deviceId,
      score,
      input.risk,
      JSON.stringify(input.newDevice ? ['new_device'] : []),
      input.at,
      input.at,
    )
    insertSignInEvent(input.userId, input.ip, input.at, assessmentId)
    if (input.deviceId) seeDevice(input.userId, input.deviceId, input.at)
  })()
}

/** The first sign-in right after signing up: where and on which browser the account was made. */
export async function insertScenarioSignUp(input: {
  userId: string
  at: number
  ip: string | null
  deviceId: string | null
}): Promise<void> {
  const db = sqlite()
  db.transaction(() => {
    insertSignInEvent(input.userId, input.ip, input.at, null)
    if (input.deviceId) seeDevice(input.userId, input.deviceId, input.at)
  })()
}

function insertSignInEvent(userId: string, ip: string | null, at: number, assessmentId: string | null) {
  sqlite()
    .prepare(
      `insert into security_events (id, user_id, kind, severity, ip, assessment_id, created_at) values (?, ?, 'sign_in_succeeded', 'low', ?, ?, ?)`,
    )
    .run(crypto.randomUUID(), userId, ip, assessmentId, at)
}

function seeDevice(userId: string, deviceId: string, at: number) {
  const db = sqlite()
  const known = db.prepare(`select id from known_devices where user_id = ? and device_id = ?`).get(userId, deviceId) as
    { id: string } | undefined
  if (known) db.prepare(`update known_devices set last_seen_at = max(last_seen_at, ?) where id = ?`).run(at, known.id)
  else
    db.prepare(
      `insert into known_devices (id, user_id, device_id, user_agent, first_seen_at, last_seen_at) values (?, ?, ?, 'scenario', ?, ?)`,
    ).run(crypto.randomUUID(), userId, deviceId, at, at)
}

export async function insertScenarioSecurityChange(input: {
  userId: string
  at: number
  kind: 'password' | 'second_factor'
}): Promise<void> {
  sqlite()
    .prepare(`insert into security_events (id, user_id, kind, severity, created_at) values (?, ?, ?, 'medium', ?)`)
    .run(
      crypto.randomUUID(),
      input.userId,
      input.kind === 'password' ? 'password_changed' : 'second_factor_added',
      input.at,
    )
}

/** A project of `clientId` (who owns it does not matter to the detectors), made once per id. */
export async function ensureScenarioProject(projectId: string, clientId: string, at: number): Promise<void> {
  sqlite()
    .prepare(
      `insert or ignore into projects (id, client_id, title, description, budget_type, budget_min_minor, budget_max_minor,
         experience_level, created_at, updated_at)
       values (?, ?, ?, 'A scenario project.', 'fixed', 10000, 50000, 'intermediate', ?, ?)`,
    )
    .run(projectId, clientId, `Project ${projectId}`, at, at)
}

export async function insertScenarioProposal(input: {
  projectId: string
  freelancerId: string
  coverLetter: string
  at: number
  status: 'submitted' | 'accepted'
}): Promise<string> {
  const id = crypto.randomUUID()
  sqlite()
    .prepare(
      `insert into proposals (id, project_id, freelancer_id, cover_letter, bid_type, bid_amount_minor, currency, duration_days,
         status, decided_at, created_at, updated_at)
       values (?, ?, ?, ?, 'fixed', 20000, 'USD', 14, ?, ?, ?, ?)`,
    )
    .run(
      id,
      input.projectId,
      input.freelancerId,
      input.coverLetter,
      input.status,
      input.status === 'accepted' ? input.at : null,
      input.at,
      input.at,
    )
  return id
}

export async function insertScenarioContract(
  input: ContractFact & { projectId: string; proposalId: string },
): Promise<void> {
  sqlite()
    .prepare(
      `insert into contracts (id, project_id, proposal_id, client_id, freelancer_id, title, type, currency, status, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, 'fixed', 'USD', 'active', ?, ?)`,
    )
    .run(
      input.id,
      input.projectId,
      input.proposalId,
      input.clientId,
      input.freelancerId,
      `Contract ${input.id}`,
      input.at,
      input.at,
    )
}

/** A milestone funded into escrow and later released to the freelancer. */
export async function insertScenarioRelease(input: {
  contractId: string
  fundedAt: number
  releasedAt: number
  amountMinor: number
}): Promise<void> {
  insertMilestone(input.contractId, input.amountMinor, 'released', {
    funded: input.fundedAt,
    approved: input.releasedAt,
    released: input.releasedAt,
  })
}

/** A delivered milestone; when disputed, the client opened a dispute on it. */
export async function insertScenarioSubmission(input: {
  contractId: string
  clientId: string
  at: number
  disputed: boolean
}): Promise<void> {
  const db = sqlite()
  db.transaction(() => {
    const milestoneId = insertMilestone(input.contractId, 20_000, input.disputed ? 'disputed' : 'submitted', {
      funded: input.at,
      submitted: input.at,
    })
    if (input.disputed)
      db.prepare(
        `insert into disputes (id, contract_id, milestone_id, opened_by, amount_minor, reason, created_at, updated_at)
         values (?, ?, ?, ?, 20000, 'Not what was agreed.', ?, ?)`,
      ).run(crypto.randomUUID(), input.contractId, milestoneId, input.clientId, input.at, input.at)
  })()
}

function insertMilestone(
  contractId: string,
  amountMinor: number,
  status: string,
  times: { funded: number; submitted?: number; approved?: number; released?: number },
): string {
  const db = sqlite()
  const { n } = db.prepare(`select count(*) as n from milestones where contract_id = ?`).get(contractId) as {
    n: number
  }
  const id = crypto.randomUUID()
  db.prepare(
    `insert into milestones (id, contract_id, position, title, amount_minor, status, funded_at, submitted_at, approved_at,
       released_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    contractId,
    n + 1,
    `Milestone ${n + 1}`,
    amountMinor,
    status,
    times.funded,
    times.submitted ?? null,
    times.approved ?? null,
    times.released ?? null,
    times.funded,
    times.released ?? times.submitted ?? times.funded,
  )
  return id
}

export async function insertScenarioReview(input: {
  contractId: string
  reviewerId: string
  revieweeId: string
  rating: number
  at: number
  direction: 'client_to_freelancer' | 'freelancer_to_client'
}): Promise<void> {
  sqlite()
    .prepare(
      `insert into reviews (id, contract_id, reviewer_id, reviewee_id, direction, rating, sub_ratings, comment, created_at)
       values (?, ?, ?, ?, ?, ?, '{}', 'Scenario review.', ?)`,
    )
    .run(
      crypto.randomUUID(),
      input.contractId,
      input.reviewerId,
      input.revieweeId,
      input.direction,
      input.rating,
      input.at,
    )
}

/** A crypto payout method whose address is the destination; returns its id. */
export async function insertScenarioPayoutMethod(input: { userId: string; at: number; destination: string }) {
  const id = crypto.randomUUID()
  sqlite()
    .prepare(
      `insert into payout_methods (id, user_id, rail, status, provider, asset, network, address, created_at, updated_at)
       values (?, ?, 'crypto', 'active', 'sandbox', 'USDC', 'ethereum', ?, ?, ?)`,
    )
    .run(id, input.userId, input.destination, input.at, input.at)
  return id
}

export async function findScenarioPayoutMethod(userId: string, destination: string): Promise<string | undefined> {
  const row = sqlite()
    .prepare(`select id from payout_methods where user_id = ? and address = ? order by created_at limit 1`)
    .get(userId, destination) as { id: string } | undefined
  return row?.id
}

/** A payout request, kept as requested: the fraud hold may still act on it. */
export async function insertScenarioPayout(input: {
  id: string
  userId: string
  methodId: string
  at: number
  amountMinor: number
  destination: string
}): Promise<void> {
  sqlite()
    .prepare(
      `insert into payouts (id, user_id, method_id, idempotency_key, rail, speed, status, amount_minor, fee_minor, currency,
         destination, sandbox, expected_by, created_at, updated_at)
       values (?, ?, ?, ?, 'crypto', 'standard', 'requested', ?, 0, 'USD', ?, 1, ?, ?, ?)`,
    )
    .run(
      input.id,
      input.userId,
      input.methodId,
      input.id,
      input.amountMinor,
      input.destination,
      input.at,
      input.at,
      input.at,
    )
}

/** A conversation between a client and a freelancer, made once per id. */
export async function ensureScenarioConversation(input: {
  id: string
  clientId: string
  freelancerId: string
  at: number
}): Promise<void> {
  sqlite()
    .prepare(
      `insert or ignore into conversations (id, kind, client_id, freelancer_id, last_message_at, created_at) values (?, 'contract', ?, ?, ?, ?)`,
    )
    .run(input.id, input.clientId, input.freelancerId, input.at, input.at)
}

/** A message the off-platform check flagged, with the flag admins review. */
export async function insertScenarioFlaggedMessage(input: {
  conversationId: string
  senderId: string
  at: number
  reasons: string[]
}): Promise<void> {
  const db = sqlite()
  db.transaction(() => {
    const messageId = crypto.randomUUID()
    const reasons = JSON.stringify(input.reasons)
    db.prepare(
      `insert into messages (id, conversation_id, sender_id, body, off_platform_reasons, created_at) values (?, ?, ?, 'Let us talk elsewhere.', ?, ?)`,
    ).run(messageId, input.conversationId, input.senderId, reasons, input.at)
    db.prepare(
      `insert into fraud_signals (id, user_id, source, source_id, reasons, created_at) values (?, ?, 'message', ?, ?, ?)`,
    ).run(crypto.randomUUID(), input.senderId, messageId, reasons, input.at)
  })()
}

/** Every alert in the database with its accounts, for scoring against the labels. */
export async function listScenarioAlerts(): Promise<{ type: FraudAlertType; accounts: string[] }[]> {
  const rows = sqlite()
    .prepare(
      `select a.id, a.type, a.subject_id as subjectId, group_concat(x.user_id) as accounts
       from fraud_alerts a left join fraud_alert_accounts x on x.alert_id = a.id group by a.id`,
    )
    .all() as { type: FraudAlertType; subjectId: string; accounts: string | null }[]
  return rows.map((row) => ({ type: row.type, accounts: row.accounts ? row.accounts.split(',') : [row.subjectId] }))
}
