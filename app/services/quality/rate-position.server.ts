import { acceptedBidAmounts } from '~/models/price-data.server'
import { findFreelancerProfile } from '~/models/profiles.server'
import { ratePosition, type RatePosition } from './rate-position'

export type RatePositionView = RatePosition & { skills: string[]; level: string }

/** The freelancer's saved rate among accepted hourly rates in its currency for their saved skills and level. */
export async function ratePositionOf(freelancerId: string): Promise<RatePositionView> {
  const profile = await findFreelancerProfile(freelancerId)
  const skills = (profile?.skills ?? []).map((skill) => skill.name)
  const level = profile?.experienceLevel ?? 'entry'
  const currency = profile?.currency ?? 'USD'
  // The freelancer's own contracts are left out: they know those rates, and counting them would
  // let a freelancer with most of the matching contracts work out the others'.
  const accepted = skills.length
    ? await acceptedBidAmounts({ skills, level, currency, bidType: 'hourly', viewerId: freelancerId })
    : { amounts: [], people: 0, otherCurrencyCount: 0 }
  const position = ratePosition({
    rateMinor: profile?.hourlyRateMinor ?? null,
    currency,
    skills,
    acceptedRates: accepted.amounts,
    freelancers: accepted.people,
  })
  return { ...position, skills, level }
}
