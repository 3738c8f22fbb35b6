import type { AlertDraft } from '../alert-draft'
import type { FraudFacts } from '~/domain/fraud-facts'
import { detectAccountTakeover } from './account-takeover'
import { detectCardTesting } from './card-testing'
import { detectDisputeAbuse } from './dispute-abuse'
import { detectFakeProfiles } from './fake-profiles'
import { detectLinkedAccounts } from './linked-accounts'
import { linkAccounts } from './linked-groups'
import { detectOffPlatform } from './off-platform'
import { detectPaymentVelocity } from './payment-velocity'
import { detectProposalSpam } from './proposal-spam'
import { detectReviewManipulation } from './review-manipulation'

/**
 * The detectors that look at one account's recent records: cheap enough to run on the event itself
 * (sign-in, card attempt, payout request, release, proposal, message flag).
 */
export function runAccountDetectors(facts: FraudFacts): AlertDraft[] {
  return [
    ...detectCardTesting(facts.cardAttempts),
    ...detectAccountTakeover(facts),
    ...detectPaymentVelocity(facts),
    ...detectProposalSpam(facts.proposals),
    ...detectOffPlatform(facts.messageFlags),
  ]
}

/** Every detector, including the graph and time-window ones: the scheduled sweep and the evaluation. */
export function runAllDetectors(facts: FraudFacts, now: number): AlertDraft[] {
  const groups = linkAccounts(facts)
  const accounts = new Map(facts.accounts.map((a) => [a.id, a]))
  return [
    ...runAccountDetectors(facts),
    ...detectLinkedAccounts(facts, groups),
    ...detectReviewManipulation(facts.reviews, accounts, groups),
    ...detectFakeProfiles(facts.accounts, now),
    ...detectDisputeAbuse(facts.submissions, now),
  ]
}
