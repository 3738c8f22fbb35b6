import { findMilestone } from '~/models/contracts.server'
import { fixedContractBetweenNewUsers } from './escrow-fixtures'

/** An active fixed-price USD contract (“Landing page” unless titled) with one pending milestone “Design”. */
export async function createFixedContract(amountMinor = 50_000, title?: string) {
  const { client, freelancer, contract, milestoneIds } = await fixedContractBetweenNewUsers([amountMinor], {
    title,
    milestoneTitles: ['Design'],
  })
  const milestone = (await findMilestone(contract.id, milestoneIds[0]!))!
  return { client, freelancer, contract, milestone }
}
