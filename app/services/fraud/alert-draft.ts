import { severityOf, type FraudAlertType, type FraudSeverity } from '~/domain/fraud-alerts'
import { FRAUD_CONFIG } from './fraud-config'
import { MINUTE_MS as MINUTE } from '~/domain/durations'

/** What a detector produces: the alert as it should stand after this evidence. `accounts` are the suspects (whose payouts a hold stops), never the victims. */
export type AlertDraft = {
  type: FraudAlertType
  /** Names the evidence: the same key never raises a second alert, it updates the first. */
  key: string
  score: number
  severity: FraudSeverity
  /** The account the alert is mainly about first, then the others involved. */
  accounts: string[]
  words: string[]
  data: Record<string, unknown>
}

/** A draft from summed points (capped at 100), or null when they stay below the alerting score. */
export function draftFrom(
  fields: Omit<AlertDraft, 'score' | 'severity'>,
  points: number,
  minScore: number = FRAUD_CONFIG.minAlertScore,
): AlertDraft | null {
  const score = Math.max(0, Math.min(100, Math.round(points)))
  if (score < minScore) return null
  return { ...fields, score, severity: severityOf(score) }
}

export function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`
}

export function minutes(ms: number) {
  const m = Math.max(1, Math.round(ms / MINUTE))
  return plural(m, 'minute')
}

/** Groups items by a key, skipping null keys. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    if (key === null) continue
    const list = groups.get(key)
    if (list) list.push(item)
    else groups.set(key, [item])
  }
  return groups
}

/**
 * Splits time-ordered items wherever two neighbours are more than `gapMs` apart. A burst keeps the
 * time of its first item as it grows, which makes that time a stable part of an alert's key.
 */
export function burstsOf<T>(items: readonly T[], atOf: (item: T) => number, gapMs: number): T[][] {
  const sorted = [...items].sort((a, b) => atOf(a) - atOf(b))
  const bursts: T[][] = []
  for (const item of sorted) {
    const last = bursts.at(-1)
    if (last && atOf(item) - atOf(last.at(-1)!) <= gapMs) last.push(item)
    else bursts.push([item])
  }
  return bursts
}
