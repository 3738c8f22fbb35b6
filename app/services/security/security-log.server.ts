import * as z from 'zod'
import { listSecurityEvents, type SecurityEventFilter, type SecurityEventRow } from '~/models/security-events.server'
import { SEVERITIES } from '~/models/schema'
import { findAssessment } from '~/models/sign-in-assessments.server'
import { deviceWords } from '~/services/accounts/devices'
import { SECURITY_EVENT_KINDS, isSecurityEventKind } from './event-kinds'
import { describeLocation } from './geo.server'
import { DAY_MS } from '~/domain/durations'
import { optionalDay, optionalText, pageParam } from '~/domain/query-params'

export const SECURITY_LOG_PAGE_SIZE = 25

/** The admin filter form (a GET form, so every field is optional and bad values are ignored). */
export const SecurityEventSearchSchema = z.object({
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  kind: z.string().refine(isSecurityEventKind).optional().catch(undefined),
  email: optionalText(254),
  match: z.enum(['exact', 'contains']).catch('contains'),
  ip: optionalText(45),
  from: optionalDay,
  to: optionalDay,
  page: pageParam,
})
export type SecurityEventSearch = z.infer<typeof SecurityEventSearchSchema>

/** Dates are whole UTC days: "to" includes that day. */
export function filterFromSearch(search: SecurityEventSearch): SecurityEventFilter {
  return {
    severity: search.severity,
    kind: search.kind,
    ip: search.ip,
    email: search.email ? { text: search.email, match: search.match } : undefined,
    since: search.from ? new Date(`${search.from}T00:00:00Z`) : undefined,
    until: search.to ? new Date(Date.parse(`${search.to}T00:00:00Z`) + DAY_MS) : undefined,
    page: search.page,
    pageSize: SECURITY_LOG_PAGE_SIZE,
  }
}

export type RiskSummary = {
  score: number
  level: 'low' | 'medium' | 'high'
  outcome: 'allowed' | 'second_factor' | 'refused'
  factors: { name: string; points: number; detail: string }[]
}

/** One log line as the pages show it (dates as ISO strings, ready for JSON). */
export type SecurityLogEntry = {
  id: string
  at: string
  kind: string
  label: string
  severity: SecurityEventRow['severity']
  ip: string | null
  location: string | null
  device: string | null
  detail: string
  account: { id: string; email: string } | null
  risk: RiskSummary | null
}

function labelOf(kind: string): string {
  return isSecurityEventKind(kind) ? SECURITY_EVENT_KINDS[kind].label : kind.replace(/_/g, ' ')
}

/** The sign-in assessment behind an event; only when it belongs to the same account (never leak another's). */
async function riskOf(event: SecurityEventRow): Promise<RiskSummary | null> {
  if (!event.assessmentId) return null
  const assessment = await findAssessment(event.assessmentId)
  if (!assessment || assessment.userId !== event.userId) return null
  const { score, level, outcome, factors } = assessment
  return { score, level, outcome, factors }
}

async function toEntry(row: { event: SecurityEventRow; email: string | null }): Promise<SecurityLogEntry> {
  const { event } = row
  return {
    id: event.id,
    at: event.createdAt.toISOString(),
    kind: event.kind,
    label: labelOf(event.kind),
    severity: event.severity,
    ip: event.ip,
    location: describeLocation(event.ip),
    device: deviceWords(event.userAgent),
    detail: event.detail,
    account: event.userId && row.email ? { id: event.userId, email: row.email } : null,
    risk: await riskOf(event),
  }
}

/** Admins: everyone's events, newest first. */
export async function searchSecurityLog(filter: SecurityEventFilter) {
  const { rows, total } = await listSecurityEvents(filter)
  return { entries: await Promise.all(rows.map(toEntry)), total }
}

/** A user's own log, newest first. */
export async function securityLogOf(userId: string, page: number) {
  return searchSecurityLog({ userId, page, pageSize: SECURITY_LOG_PAGE_SIZE, oneLinePerSignIn: true })
}
