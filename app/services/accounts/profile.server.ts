import type { z } from 'zod'
import {
  ensureSkills,
  findClientProfile,
  findFreelancerProfile,
  replaceFreelancerSkills,
  updateClientProfile,
  updateFreelancerProfile,
} from '~/models/profiles.server'
import { updateUserName, type SessionUser } from '~/models/users.server'
import { parseSkillList } from '~/services/marketplace/skills-taxonomy'
import { currencyDigits } from '~/utils/format'
import { amountProblemMessage, MAX_HOURLY_RATE_MAJOR, minorToAmountText, readAmount } from '~/utils/money'
import { currentTimeZoneName, isTimeZone, parseLanguages } from './profile-fields'
import type { AdminProfileSchema, ClientProfileSchema, FreelancerProfileSchema } from './profile-schemas'

/** The values the profile form starts with. */
export async function loadProfileForm(user: SessionUser): Promise<Record<string, string>> {
  if (user.role === 'client') {
    const profile = await findClientProfile(user.id)
    return { name: user.name, company: profile?.company ?? '', country: profile?.country ?? '' }
  }
  if (user.role === 'freelancer') {
    const profile = await findFreelancerProfile(user.id)
    const currency = profile?.currency ?? 'USD'
    return {
      name: user.name,
      headline: profile?.headline ?? '',
      bio: profile?.bio ?? '',
      hourlyRate:
        profile?.hourlyRateMinor != null ? minorToAmountText(profile.hourlyRateMinor, currencyDigits(currency)) : '',
      currency,
      experienceLevel: profile?.experienceLevel ?? 'entry',
      skills: (profile?.skills ?? []).map((skill) => skill.name).join(', '),
      country: profile?.country ?? '',
      timeZone: profile?.timeZone ? currentTimeZoneName(profile.timeZone) : '',
      languages: (profile?.languages ?? []).join(', '),
      availability: profile?.availability ?? 'full_time',
    }
  }
  return { name: user.name }
}

export type ProfileSaveResult = { ok: true } | { ok: false; fieldErrors: Record<string, string[]> }

export async function saveClientProfile(
  user: SessionUser,
  value: z.infer<typeof ClientProfileSchema>,
): Promise<ProfileSaveResult> {
  await updateUserName(user.id, value.name)
  await updateClientProfile(user.id, { company: value.company, country: value.country || null })
  return { ok: true }
}

export async function saveAdminProfile(
  user: SessionUser,
  value: z.infer<typeof AdminProfileSchema>,
): Promise<ProfileSaveResult> {
  await updateUserName(user.id, value.name)
  return { ok: true }
}

export async function saveFreelancerProfile(
  user: SessionUser,
  value: z.infer<typeof FreelancerProfileSchema>,
): Promise<ProfileSaveResult> {
  const fieldErrors: Record<string, string[]> = {}
  const { skills, unknown } = parseSkillList(value.skills)
  if (unknown.length) {
    fieldErrors.skills = [`Unknown skills: ${unknown.join(', ')}. Pick names from the list.`]
    if (skills.length) fieldErrors.skills.push(`Understood so far: ${skills.join(', ')}.`)
  }
  if (skills.length > 15) fieldErrors.skills = ['Choose at most 15 skills']
  if (value.timeZone && !isTimeZone(value.timeZone)) fieldErrors.timeZone = ['Choose a time zone from the list']
  const languages = parseLanguages(value.languages)
  if (languages.errors.length) fieldErrors.languages = languages.errors
  const digits = currencyDigits(value.currency)
  const rate = value.hourlyRate ? readAmount(value.hourlyRate, digits, MAX_HOURLY_RATE_MAJOR) : null
  const hourlyRateMinor = rate?.ok ? rate.minor : null
  if (rate && !rate.ok) {
    fieldErrors.hourlyRate = [
      amountProblemMessage(rate.problem, value.currency, 'Enter an amount like 45 or 45.50', MAX_HOURLY_RATE_MAJOR),
    ]
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors }

  const skillIds = await ensureSkills(skills)
  await updateUserName(user.id, value.name)
  await updateFreelancerProfile(user.id, {
    headline: value.headline,
    bio: value.bio,
    hourlyRateMinor,
    currency: value.currency,
    experienceLevel: value.experienceLevel,
    country: value.country || null,
    timeZone: value.timeZone || null,
    languages: languages.languages,
    ...(value.availability ? { availability: value.availability } : {}),
  })
  await replaceFreelancerSkills(user.id, [...skillIds.values()])
  return { ok: true }
}
