/**
 * The server modules the contract page's loader and action use, in one: each server module a route
 * imports leaves an empty stand-in chunk in the browser's bundle (about 110 bytes gzip and a request
 * each), and this page imported ten (see http/root-loader.server.ts for the root's).
 */
export { answerDomainErrors } from './outcome-response.server'
export { requireUser } from './auth.server'
export { parseIntent } from './intent.server'
export { json } from './json.server'
export { readFormData } from './form-data.server'
export { redirectWithToast } from './toast.server'
export { keepRetryAfter } from './retry-after-headers.server'
export { retryAfterHeaders } from './too-many-attempts.server'
export { Throttled } from '~/services/security/throttle.server'
export {
  addMilestone,
  endContract,
  loadContractPage,
  performMilestoneAction,
  requireContractParty,
} from '~/services/marketplace/contracts.server'
export { loadHourlyNextStep } from '~/services/marketplace/hourly.server'
export { fundingPaths } from '~/services/payments/cards/sandbox-money.server'
export { callGoingOn } from '~/services/video/calls.server'
export { approximatorFor } from './approximations.server'
export { contractMoneyFigures } from '~/services/marketplace/contract-money'
