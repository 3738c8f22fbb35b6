import type { z } from 'zod'
import { ensureSkills, findClientProfile, findFreelancerProfile, replaceFreelancerSkills, updateClientProfile, updateFreelancerProfile } from '~/models/profiles.server'
import { updateUserName, type SessionUser } from '~/models/users.server'
import { parseSkillList } from '~/services/marketplace/skills-taxonomy'
import { currencyDigits } from '~/utils/format'
import { minorToAmountText, parseAmountToMinor } from '~/utils/money'
import type { AdminProfileSchema, ClientProfileSchema, FreelancerProfileSchema } from './profile-schemas'

/** The values the profile form starts with. */
export async function loadProfileForm(user: SessionUser): Promise<Record<string, string>> {
  if (user.role === 'client') {
    const profile = await findClientProfile(user.id)
    return { name: user.name, company: profile?.company ?? '' }
  }
  if (user.role === 'freelancer') {
    const profile = await findFreelancerProfile(user.id)
    const currency = profile?.currency ?? 'USD'
    return {
      name: user.name,
      headline: profile?.headline ?? '',
      bio: profile?.bio ?? '',
      hourlyRate: profile?.hourlyRateMinor != null ? minorToAmountText(profile.hourlyRateMinor, currencyDigits(currency)) : '',
      currency,
      experienceLevel: profile?.experienceLevel ?? 'entry',
      skills: (profile?.skills ?? []).map((skill) => skill.name).join(', '),
    }
  }
  return { name: user.name }
}

export type ProfileSaveResult = { ok: true } | { ok: false; fieldErrors: Record<string, string[]> }

export async function saveClientProfile(user: SessionUser, value: z.infer<typeof ClientProfileSchema>): Promise<ProfileSaveResult> {
  await updateUserName(user.id, value.name)
  await updateClientProfile(user.id, { company: value.company })
  return { ok: true }
}

export async function saveAdminProfile(user: SessionUser, value: z.infer<typeof AdminProfileSchema>): Promise<ProfileSaveResult> {
  await updateUserName(user.id, value.name)
  return { ok: true }
}

export async function saveFreelancerProfile(
  user: SessionUser,
  value: z.infer<typeof FreelancerProfileSchema>,
): Promise<ProfileSaveResult> {
  const fieldErrors: Record<string, string[]> = {}
  const { skills, unknown } = parseSkillList(value.skills)
  if (unknown.length) fieldErrors.skills = [`Unknown skills: ${unknown.join(', ')}. Pick names from the list.`]
  if (skills.length > 15) fieldErrors.skills = ['Choose at most 15 skills']
  const digits = currencyDigits(value.currency)
  const hourlyRateMinor = value.hourlyRate ? parseAmountToMinor(value.hourlyRate, digits) : null
  if (value.hourlyRate && hourlyRateMinor === null) {
    fieldErrors.hourlyRate = [digits === 0 ? `${value.currency} amounts have no decimals` : 'Enter an amount like 45 or 45.50']
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
  })
  await replaceFreelancerSkills(user.id, [...skillIds.values()])
  return { ok: true }
}
