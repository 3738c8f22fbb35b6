import { sql, type SQL } from 'drizzle-orm'
import type { FraudFacts, SecurityChangeFact } from '~/domain/fraud-facts'
import { getDb } from './db.server'

/** A fact as SQLite returns it: one column comes back as a number (a boolean) or may be null. */
type Stored<K extends keyof FraudFacts, C extends keyof FraudFacts[K][number], V> = Omit<FraudFacts[K][number], C> & {
  [P in C]: V
}

/**
 * The records the fraud detectors read, since a time: everyone's (the sweep) or one account's
 * (on an event, where every query goes through an index on the account). For one account the
 * records only the sweep's detectors read (accounts, devices, contracts, reviews, submissions)
 * are left out: the event path must stay within a few milliseconds.
 */
export async function loadFraudFacts(options: { since: Date; userId?: string }): Promise<FraudFacts> {
  const db = getDb()
  const since = options.since.getTime()
  const user = options.userId
  const own = (column: SQL) => (user ? sql`and ${column} = ${user}` : sql``)
  const either = (a: SQL, b: SQL) => (user ? sql`and (${a} = ${user} or ${b} = ${user})` : sql``)

  const accounts = user
    ? []
    : db
        .all<Stored<'accounts', 'profileText', string | null>>(
          sql`select u.id, u.email, u.role, u.created_at as createdAt,
        trim(coalesce(fp.headline || ' ' || fp.bio, cp.company, '')) as profileText,
        (select se.ip from security_events se where se.user_id = u.id and se.kind = 'sign_in_succeeded'
          order by se.created_at limit 1) as signUpIp,
        (select kd.device_id from known_devices kd where kd.user_id = u.id order by kd.first_seen_at limit 1) as signUpDevice
      from users u
      left join freelancer_profiles fp on fp.user_id = u.id
      left join client_profiles cp on cp.user_id = u.id
      where u.role != 'admin' ${own(sql`u.id`)}`,
        )
        .map((a) => ({ ...a, profileText: a.profileText ?? '' }))

  const signIns = db
    .all<Stored<'signIns', 'newDevice', number>>(
      sql`select user_id as userId, created_at as at, ip, device_id as deviceId, country, level as risk,
        instr(factors, '"new_device"') > 0 as newDevice
      from sign_in_assessments where created_at >= ${since} ${own(sql`user_id`)}`,
    )
    .map((s) => ({ ...s, newDevice: Boolean(s.newDevice) }))

  const devices = user
    ? []
    : db.all<FraudFacts['devices'][number]>(
        sql`select user_id as userId, device_id as deviceId from known_devices where last_seen_at >= ${since} ${own(sql`user_id`)}`,
      )

  const cardAttempts = db
    .all<Stored<'cardAttempts', 'ok', number>>(
      sql`select user_id as userId, created_at as at, amount_minor as amountMinor, card_fingerprint as card, ok,
        ip, device_id as deviceId
      from card_attempts where created_at >= ${since} ${own(sql`user_id`)}`,
    )
    .map((c) => ({ ...c, ok: Boolean(c.ok) }))

  const payouts = db.all<FraudFacts['payouts'][number]>(
    sql`select id, user_id as userId, created_at as at, amount_minor as amountMinor, destination
    from payouts where created_at >= ${since} ${own(sql`user_id`)}`,
  )

  const payoutMethods = db.all<FraudFacts['payoutMethods'][number]>(
    sql`select user_id as userId, created_at as at,
      coalesce(address, rail || ':' || coalesce(country, '') || ':' || coalesce(account_last4, '') || ':' || lower(coalesce(holder_name, ''))) as destination
    from payout_methods where 1 = 1 ${own(sql`user_id`)}`,
  )

  const contracts = user
    ? []
    : db.all<FraudFacts['contracts'][number]>(
        sql`select id, client_id as clientId, freelancer_id as freelancerId, created_at as at
    from contracts where created_at >= ${since} ${either(sql`client_id`, sql`freelancer_id`)}`,
      )

  const releases = db.all<FraudFacts['releases'][number]>(
    sql`select m.contract_id as contractId, c.client_id as clientId, c.freelancer_id as freelancerId,
      coalesce(m.funded_at, m.released_at) as fundedAt, m.released_at as releasedAt, m.amount_minor as amountMinor
    from milestones m join contracts c on c.id = m.contract_id
    where m.released_at is not null ${either(sql`c.client_id`, sql`c.freelancer_id`)}`,
  )

  const reviews = user
    ? []
    : db.all<FraudFacts['reviews'][number]>(
        sql`select contract_id as contractId, reviewer_id as reviewerId, reviewee_id as revieweeId, rating, created_at as at
    from reviews where created_at >= ${since} ${either(sql`reviewer_id`, sql`reviewee_id`)}`,
      )

  const proposals = db.all<FraudFacts['proposals'][number]>(
    sql`select freelancer_id as freelancerId, project_id as projectId, cover_letter as coverLetter, created_at as at
    from proposals where created_at >= ${since} ${own(sql`freelancer_id`)}`,
  )

  const messageFlags = db
    .all<{ userId: string; conversationId: string | null; at: number; reasons: string }>(
      sql`select f.user_id as userId, m.conversation_id as conversationId, f.created_at as at, f.reasons
      from fraud_signals f left join messages m on f.source = 'message' and m.id = f.source_id
      where f.created_at >= ${since} ${own(sql`f.user_id`)}`,
    )
    .map((f) => ({
      userId: f.userId,
      conversationId: f.conversationId ?? `gone:${f.at}`,
      at: f.at,
      reasons: parseList(f.reasons),
    }))

  const submissions = user
    ? []
    : db
        .all<Stored<'submissions', 'disputed', number>>(
          sql`select c.client_id as clientId, c.freelancer_id as freelancerId, m.submitted_at as at,
        exists (select 1 from disputes d where d.milestone_id = m.id and d.opened_by = c.client_id) as disputed
      from milestones m join contracts c on c.id = m.contract_id
      where m.submitted_at >= ${since} ${own(sql`c.client_id`)}`,
        )
        .map((s) => ({ ...s, disputed: Boolean(s.disputed) }))

  const securityChanges = db
    .all<{ userId: string; at: number; kind: string }>(
      sql`select user_id as userId, created_at as at, kind from security_events
      where created_at >= ${since} and user_id is not null
        and kind in ('password_changed', 'password_reset', 'second_factor_added', 'second_factor_removed')
        ${own(sql`user_id`)}`,
    )
    .map((e): SecurityChangeFact => ({
      userId: e.userId,
      at: e.at,
      kind: e.kind.startsWith('password') ? 'password' : 'second_factor',
    }))

  return {
    accounts,
    signIns,
    devices,
    cardAttempts,
    payouts,
    payoutMethods,
    contracts,
    releases,
    reviews,
    proposals,
    messageFlags,
    submissions,
    securityChanges,
  }
}

function parseList(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed) ? parsed.map(String) : []
  } catch {
    return []
  }
}
