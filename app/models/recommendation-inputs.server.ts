import { DAY_MS } from '~/domain/durations'
import { preparedStatement } from './prepared-query.server'
import { REVIEW_WINDOW_DAYS } from './reviews.server'

// One statement a dashboard load: whether the freelancer left recommendations, and the counters of
// the writes their recommendations depend on (migrations 0023 and 0025).
const inputsOf = preparedStatement<{ off: number; search: number; shared: number; own: number }>(`
  select coalesce((select recommendations_off from discovery_preferences where user_id = @userId), 0) as off,
    coalesce((select n from search_generation where id = 1), 0) as search,
    coalesce((select n from recommendation_inputs where user_id = '*'), 0) as shared,
    coalesce((select n from recommendation_inputs where user_id = @userId), 0) as own`)

/**
 * Whether the freelancer left recommendations, and a version of everything stored that their
 * recommended projects are computed from: it changes with every write to projects, project skills
 * and skill names, to the freelancer's profile, skills, preferences, portfolio, proposals, contract
 * activity, reviews and contracts (milestones, invoices, disputes), and to clients' blocks and time zones.
 */
export async function readRecommendationInputs(userId: string): Promise<{ off: boolean; version: string }> {
  const row = inputsOf().get({ userId })!
  return { off: row.off === 1, version: `${row.search}.${row.shared}.${row.own}` }
}

// The freelancer's record counts some things only from a moment on: a review once its contract's
// review window closes, a milestone once its due day is over (app/models/freelancer-records.server.ts).
const nextRecordChange = preparedStatement<{ at: number | null }>(`
  select min(at) as at from (
    select ended_at + @window as at from contracts
     where freelancer_id = @userId and ended_at is not null and ended_at + @window > @now
    union all
    select m.due_date + @day from contracts c join milestones m on m.contract_id = c.id
     where c.freelancer_id = @userId and m.due_date is not null and m.funded_at is not null
       and m.submitted_at is null and m.due_date + @day > @now)`)

/** The next moment the passing of time alone changes what the freelancer's record counts, if any. */
export async function nextRecordChangeAt(userId: string, now: Date): Promise<number | null> {
  return (
    nextRecordChange().get({ userId, now: now.getTime(), window: REVIEW_WINDOW_DAYS * DAY_MS, day: DAY_MS })?.at ?? null
  )
}
