import { acceptedBidAmounts, freelancerHourlyRates } from '~/models/price-data.server'
import type { BudgetType, ExperienceLevel } from '~/domain/enums'
import { suggestPrice, type PriceQueryValue, type PriceSuggestion } from './price-suggestion'
import { parseSkillList } from './skills-taxonomy'

export type PriceSuggestionView = PriceSuggestion & { skills: string[]; level: ExperienceLevel }

/**
 * What similar work costs for these skills and level, from same-currency platform data only, as
 * `viewerId` may see it: accepted bids of contracts they are a side of are left out (and not counted
 * towards the floor of different freelancers).
 */
export async function suggestPriceFor(query: {
  skills: string[]
  level: ExperienceLevel
  currency: string
  budgetType: BudgetType
  viewerId: string
}): Promise<PriceSuggestionView> {
  const base = { skills: query.skills, level: query.level, currency: query.currency }
  const [bids, rates] = await Promise.all([
    acceptedBidAmounts({ ...base, bidType: query.budgetType, viewerId: query.viewerId }),
    query.budgetType === 'hourly'
      ? freelancerHourlyRates(base)
      : Promise.resolve({ amounts: [], people: 0, otherCurrencyCount: 0 }),
  ])
  const suggestion = suggestPrice({
    budgetType: query.budgetType,
    currency: query.currency,
    acceptedBids: bids.amounts,
    bidders: bids.people,
    freelancerRates: rates.amounts,
    otherCurrencyCount: bids.otherCurrencyCount + rates.otherCurrencyCount,
  })
  return { ...suggestion, skills: query.skills, level: query.level }
}

/** The suggestion for what the project form holds so far; null until it names a known skill. */
export async function suggestPriceForForm(
  value: PriceQueryValue,
  viewerId: string,
): Promise<PriceSuggestionView | null> {
  const { skills } = parseSkillList(value.skills ?? '')
  if (!skills.length) return null
  return suggestPriceFor({
    viewerId,
    skills,
    level: value.experienceLevel,
    currency: value.currency,
    budgetType: value.budgetType,
  })
}
