/**
 * The least a contract must have paid for work, in US dollars (converted to the contract's currency
 * at the day's rate), before its sides review each other and before it counts as paid in job
 * success. A review or a "paid" contract then costs a self-dealer at least the 10% platform fee on
 * it, where a contract that paid nothing, or a cent, cost nothing.
 */
export const REVIEW_MINIMUM_PAID_USD = 5

/**
 * The least a milestone, a fixed price or an hourly rate may be, in US dollars (the same value in
 * the contract's currency at the day's rate). Below 5 cents the 10% fee rounds to nothing; at US$5
 * every payment carries its fee, and a paid milestone is enough to open reviews.
 */
export const MILESTONE_MINIMUM_USD = 5
