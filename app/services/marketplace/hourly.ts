import { DAY_MS } from '~/domain/durations'
import { formatDate } from '~/utils/format'
import { exactMinor } from '~/services/domain-errors'
/**
 * Hourly contracts: time is logged per day and billed by the week (Monday to Sunday, UTC).
 * Pure functions, so the rules can be tested without a database or a clock.
 */

/** Days the client has to approve or dispute a weekly invoice before it counts as approved. */
export const INVOICE_REVIEW_DAYS = 5
/** How often the scheduled job invoices finished weeks (a week is invoiced within this of its end). */
export const HOURLY_INVOICING_EVERY_MS = 15 * 60_000
const DAY_MINUTES = 24 * 60

/** The most hours a week a client may allow on an hourly contract. */
export const MAX_WEEKLY_LIMIT_HOURS = 80

/** "YYYY-MM-DD" of a UTC date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function parseIsoDay(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null
  const date = new Date(`${day}T00:00:00.000Z`)
  return Number.isNaN(date.getTime()) || isoDay(date) !== day ? null : date
}

/** The Monday (UTC) of the week holding `day`. */
export function weekStartOf(day: string): string {
  const date = parseIsoDay(day)
  if (!date) throw new Error(`Not a day: ${day}`)
  const sinceMonday = (date.getUTCDay() + 6) % 7
  return isoDay(new Date(date.getTime() - sinceMonday * DAY_MS))
}

export function addDays(day: string, days: number): string {
  const date = parseIsoDay(day)
  if (!date) throw new Error(`Not a day: ${day}`)
  return isoDay(new Date(date.getTime() + days * DAY_MS))
}

/** A week can be invoiced once it is over: from the Monday after it. */
export function isWeekOver(weekStart: string, now: Date): boolean {
  return addDays(weekStart, 7) <= isoDay(now)
}

/**
 * Time may be logged for today and the 6 days before it, never for the future, never for a day
 * before the contract started (the client hired nobody then), and never into a week that is
 * already invoiced (checked by the caller, which knows the invoices).
 */
export function checkWorkDate(day: string, now: Date, startedAt?: Date): string | null {
  if (!parseIsoDay(day)) return 'Enter the day as a date.'
  const today = isoDay(now)
  if (day > today) return 'You cannot log time for a day that has not happened yet.'
  if (startedAt && day < isoDay(startedAt))
    return `The contract started on ${formatDate(startedAt)}; time can be logged from that day on.`
  if (day < addDays(today, -6)) return 'Time can be logged for the last 7 days only.'
  return null
}

/** The earliest day time may be logged on now: 6 days ago, or the contract's first day if later. */
export function earliestWorkDay(now: Date, startedAt: Date): string {
  const sixDaysAgo = addDays(isoDay(now), -6)
  const started = isoDay(startedAt)
  return started > sixDaysAgo ? started : sixDaysAgo
}

/** "1:30", "1.5", "90m", "2h", "2h 15m" → minutes; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const value = text.trim().toLowerCase()
  let minutes: number | null = null
  let match: RegExpExecArray | null
  if ((match = /^(\d{1,2}):([0-5]\d)$/.exec(value))) minutes = Number(match[1]) * 60 + Number(match[2])
  else if ((match = /^(\d{1,2})(?:\.(\d{1,2}))?\s*h?$/.exec(value)))
    minutes = Math.round((Number(match[1]) + Number(`0.${match[2] ?? '0'}`)) * 60)
  else if ((match = /^(\d{1,4})\s*m(?:in)?$/.exec(value))) minutes = Number(match[1])
  else if ((match = /^(\d{1,2})\s*h\s*(\d{1,2})\s*m(?:in)?$/.exec(value)))
    minutes = Number(match[1]) * 60 + Number(match[2])
  return minutes
}

export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (!hours) return `${rest} min`
  return rest ? `${hours} h ${rest} min` : `${hours} h`
}

/** Billed amount for the minutes at an hourly rate, in minor units, rounded half up. */
export function amountForMinutes(minutes: number, hourlyRateMinor: number): number {
  // BigInt, so a product past 2^53 is refused (AmountTooLarge) rather than silently rounded.
  return exactMinor((BigInt(minutes) * BigInt(hourlyRateMinor) + 30n) / 60n)
}

/** Refuses a day's entry that would take the week past the contract's weekly limit. */
export function checkWeeklyLimit(
  minutesAlreadyThisWeek: number,
  minutesToAdd: number,
  weeklyLimitHours: number | null,
): string | null {
  if (weeklyLimitHours === null) return null
  const total = minutesAlreadyThisWeek + minutesToAdd
  if (total <= weeklyLimitHours * 60) return null
  const left = Math.max(0, weeklyLimitHours * 60 - minutesAlreadyThisWeek)
  return `This contract allows ${weeklyLimitHours} h a week; ${formatDuration(left)} is left this week.`
}

/**
 * Nobody works more than 24 hours in a day: the freelancer's entries on one day, on all their
 * contracts, stay within it. `dayLabel` is the day as the message should name it.
 */
export function checkDayTotal(minutesAlreadyThatDay: number, minutesToAdd: number, dayLabel: string): string | null {
  if (minutesAlreadyThatDay + minutesToAdd <= DAY_MINUTES) return null
  const left = Math.max(0, DAY_MINUTES - minutesAlreadyThatDay)
  return `You have logged ${formatDuration(minutesAlreadyThatDay)} on ${dayLabel} already; a day has 24 hours, so ${formatDuration(left)} is left.`
}

export function invoiceReviewDueAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVOICE_REVIEW_DAYS * DAY_MS)
}

export type WeeklyLimitSettings = {
  weeklyLimitHours: number | null
  nextWeeklyLimitHours: number | null
  nextWeeklyLimitFrom: string | null
}

/** The limit that applies to a week: a change the client made applies from its Monday on. */
export function weeklyLimitFor(contract: WeeklyLimitSettings, weekStart: string): number | null {
  if (contract.nextWeeklyLimitFrom !== null && weekStart >= contract.nextWeeklyLimitFrom)
    return contract.nextWeeklyLimitHours
  return contract.weeklyLimitHours
}

/**
 * The settings after the client changes the limit: the week already running keeps the limit the
 * freelancer planned with; the new one applies from next Monday. An earlier change that has taken
 * effect by now becomes the current limit.
 */
export function changeWeeklyLimit(contract: WeeklyLimitSettings, hours: number, now: Date): WeeklyLimitSettings {
  const thisWeek = weekStartOf(isoDay(now))
  return {
    weeklyLimitHours: weeklyLimitFor(contract, thisWeek),
    nextWeeklyLimitHours: hours,
    nextWeeklyLimitFrom: addDays(thisWeek, 7),
  }
}

/** Minutes still allowed in a week (null: no limit). */
export function minutesLeft(limitHours: number | null, minutesLogged: number): number | null {
  return limitHours === null ? null : Math.max(0, limitHours * 60 - minutesLogged)
}

/**
 * This week against the limit, in words: "2 h logged of 20 h; 18 h left." A week with nothing logged
 * says so rather than "0 min logged of 20 h". It follows "This week: ".
 */
export function weekSoFarText(minutesLogged: number, limitHours: number | null): string {
  if (limitHours === null)
    return `${minutesLogged ? `${formatDuration(minutesLogged)} logged` : 'nothing logged yet'}; no limit is set.`
  if (!minutesLogged) return `nothing logged yet; the limit is ${limitHours} h.`
  return `${formatDuration(minutesLogged)} logged of ${limitHours} h; ${formatDuration(minutesLeft(limitHours, minutesLogged)!)} left.`
}

export function isMonday(day: string): boolean {
  return parseIsoDay(day) !== null && weekStartOf(day) === day
}
