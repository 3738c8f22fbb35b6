import { findAvailability, findProfileTimeZone, saveAvailability } from '~/models/availability.server'
import type { AvailabilityWindow } from '~/models/schema'
import { formValuesOf, parseAvailability, typedAvailability, type AvailabilityErrors } from './availability-form'
import { currentTimeZoneName } from '~/services/accounts/profile-fields'
import { isTimeZone } from './time-zones'

/**
 * The zone a person's times are shown in: the one they set with their availability, else their
 * freelancer profile's, else UTC.
 */
export async function timeZoneOf(userId: string): Promise<string> {
  const availability = await findAvailability(userId)
  if (availability) return availability.timeZone
  const profileZone = await findProfileTimeZone(userId)
  return profileZone && isTimeZone(profileZone) ? profileZone : 'UTC'
}

/**
 * The availability form's values, and whether the person has chosen a time zone yet (with their
 * availability or on their freelancer profile): until then their times are in UTC.
 */
export async function loadAvailabilityForm(userId: string) {
  const availability = await findAvailability(userId)
  const profileZone = availability ? null : await findProfileTimeZone(userId)
  const chosen = availability?.timeZone ?? (profileZone && isTimeZone(profileZone) ? profileZone : null)
  // A zone saved under an older name shows as its current one, which the list holds.
  const values = formValuesOf(currentTimeZoneName(chosen ?? 'UTC'), availability?.windows ?? [])
  return { values, zoneChosen: chosen !== null }
}

/** The person's weekly availability, or undefined when they have not set any hours. */
export async function weeklyAvailabilityOf(
  userId: string,
): Promise<{ timeZone: string; windows: AvailabilityWindow[] } | undefined> {
  const availability = await findAvailability(userId)
  return availability?.windows.length ? availability : undefined
}

export type SaveAvailabilityOutcome =
  | { ok: true; windows: number }
  | { ok: false; errors: AvailabilityErrors; values: ReturnType<typeof typedAvailability> }

export async function saveAvailabilityFromForm(
  userId: string,
  formData: FormData,
  now = new Date(),
): Promise<SaveAvailabilityOutcome> {
  const values = typedAvailability(formData)
  const parsed = parseAvailability(values, isTimeZone)
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values }
  await saveAvailability({ userId, timeZone: parsed.timeZone, windows: parsed.windows, now })
  return { ok: true, windows: parsed.windows.length }
}
