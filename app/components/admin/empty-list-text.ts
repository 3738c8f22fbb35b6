/**
 * What an empty admin list says. "No … match these filters" only when the list is filtered: on a desk
 * that is simply empty it sent a first-day admin looking for filters they never set, so it says
 * instead what will show there and where it comes from.
 */
export function emptyListText(filtered: boolean, list: 'payouts' | 'fraud alerts'): string {
  if (filtered) return list === 'payouts' ? 'No payouts match these filters.' : 'No alerts match these filters.'
  return list === 'payouts'
    ? 'No payouts yet. When a freelancer asks for their wallet to be paid out, the payout shows here to hold, release or cancel.'
    : 'No alerts yet. When a detector (card testing, account takeover, off-platform contact and others) or a member’s report raises one, it shows here with its evidence.'
}
