import { findFreelancerProfile } from '~/models/profiles.server'
import { freelancerRecordOf } from './freelancer-records.server'
import { profileCompleteness } from './profile-completeness'
import { computeRank, type RankResult } from './rank'

/** A freelancer's rank with each factor's value and points. */
export async function rankOfFreelancer(userId: string, now = new Date()): Promise<RankResult> {
  const [profile, record] = await Promise.all([findFreelancerProfile(userId), freelancerRecordOf(userId, now)])
  const completeness = profileCompleteness({
    headline: profile?.headline ?? '',
    bio: profile?.bio ?? '',
    hourlyRateMinor: profile?.hourlyRateMinor ?? null,
    skillCount: profile?.skills.length ?? 0,
  })
  return computeRank({ ...record, profilePercent: completeness.percent }, now)
}
