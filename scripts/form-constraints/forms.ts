import type * as z from 'zod'
import * as accounts from '~/services/accounts/schemas'
import * as profiles from '~/services/accounts/profile-schemas'
import * as displayCurrency from '~/services/accounts/display-currency-schemas'
import * as adminUsers from '~/services/admin/user-admin-schemas'
import * as fraudDesk from '~/services/fraud/desk-schemas'
import * as contact from '~/services/help/contact-schemas'
import * as contracts from '~/services/marketplace/contract-schemas'
import * as disputes from '~/services/marketplace/dispute-schemas'
import * as hourly from '~/services/marketplace/hourly-schemas'
import * as portfolio from '~/services/marketplace/portfolio-schemas'
import * as projects from '~/services/marketplace/project-schemas'
import * as proposals from '~/services/marketplace/proposal-schemas'
import * as reviews from '~/services/marketplace/review-schemas'
import * as savedSearches from '~/services/marketplace/saved-search-schemas'
import * as meetings from '~/services/meetings/meeting-schemas'
import * as messages from '~/services/messaging/message-schemas'
import * as crypto from '~/services/payments/crypto/crypto-schemas'
import * as payouts from '~/services/payments/payouts/payout-schemas'
import * as billing from '~/services/payments/tax/billing-schemas'
import * as factors from '~/services/security/factor-schemas'
import * as ipLists from '~/services/security/ip-list-schemas'
import * as webauthn from '~/services/security/webauthn-kinds'
import * as calls from '~/services/video/call-schemas'

/**
 * A form whose HTML constraints the browser needs: `name` is its export in
 * app/components/ui/form-constraints.ts, `imported` the schema (or schema factory) it comes from,
 * `type` the schema's type when it is not `typeof imported`.
 */
export type FormEntry = { name: string; from: string; imported: string; type?: string } & (
  | { schema: z.ZodType }
  /** A form whose schema depends on a key (such as the review's direction): one constraint per key. */
  | { variants: Record<string, z.ZodType> }
)

function entries(from: string, module: Record<string, unknown>, names: string[]): FormEntry[] {
  return names.map((imported) => ({
    name: imported.replace(/Schema$/, ''),
    from,
    imported,
    schema: module[imported] as z.ZodType,
  }))
}

/** Every form a component renders with useZodForm, by the schema the server parses it with. */
export const FORMS: FormEntry[] = [
  ...entries('~/services/accounts/schemas', accounts, [
    'SignInSchema',
    'SignUpSchema',
    'ForgotPasswordSchema',
    'ResetPasswordSchema',
    'ChangePasswordSchema',
    'ChangeEmailSchema',
  ]),
  ...entries('~/services/accounts/profile-schemas', profiles, [
    'AdminProfileSchema',
    'ClientProfileSchema',
    'FreelancerProfileSchema',
  ]),
  ...entries('~/services/accounts/display-currency-schemas', displayCurrency, ['DisplayCurrencySchema']),
  ...entries('~/services/admin/user-admin-schemas', adminUsers, [
    'BlockUserSchema',
    'RestoreEmailSchema',
    'ClearAllowlistSchema',
  ]),
  ...entries('~/services/fraud/desk-schemas', fraudDesk, [
    'AlertWorkflowSchema',
    'AlertBlockSchema',
    'AlertPayoutSchema',
    'AlertDisputeHoldSchema',
  ]),
  ...entries('~/services/help/contact-schemas', contact, ['ContactSchema', 'ContactReplySchema']),
  ...entries('~/services/marketplace/contract-schemas', contracts, [
    'FundMilestoneSchema',
    'SubmitWorkSchema',
    'RequestChangesSchema',
    'AddMilestoneSchema',
    'EndContractSchema',
    'CardCheckoutSchema',
  ]),
  ...entries('~/services/marketplace/dispute-schemas', disputes, [
    'OpenDisputeSchema',
    'RespondDisputeSchema',
    'DecideDisputeSchema',
  ]),
  ...entries('~/services/marketplace/hourly-schemas', hourly, [
    'LogTimeSchema',
    'WeeklyLimitSchema',
    'DisputeInvoiceSchema',
  ]),
  ...entries('~/services/marketplace/portfolio-schemas', portfolio, ['PortfolioItemSchema']),
  ...entries('~/services/marketplace/project-schemas', projects, ['ProjectSchema', 'InviteSchema']),
  ...entries('~/services/marketplace/proposal-schemas', proposals, ['DeclineProposalSchema']),
  // Fixed-price and hourly bids differ only in refinements the server checks, so their HTML
  // constraints are the same (form-constraints.test.ts checks): one module for the proposal form.
  {
    name: 'Proposal',
    from: '~/services/marketplace/proposal-schemas',
    imported: 'proposalFieldsSchema',
    type: 'ReturnType<typeof proposalFieldsSchema>',
    schema: proposals.proposalFieldsSchema({ bidType: 'fixed' }),
  },
  {
    name: 'Review',
    from: '~/services/marketplace/review-schemas',
    imported: 'reviewSchema',
    type: 'ReturnType<typeof reviewSchema>',
    variants: {
      client_to_freelancer: reviews.reviewSchema('client_to_freelancer'),
      freelancer_to_client: reviews.reviewSchema('freelancer_to_client'),
    },
  },
  ...entries('~/services/marketplace/review-schemas', reviews, ['ReviewReplySchema']),
  ...entries('~/services/marketplace/saved-search-schemas', savedSearches, [
    'SaveSearchSchema',
    'RenameSavedSearchSchema',
  ]),
  ...entries('~/services/meetings/meeting-schemas', meetings, ['BookMeetingSchema', 'RescheduleMeetingSchema']),
  ...entries('~/services/messaging/message-schemas', messages, ['SendMessageSchema']),
  ...entries('~/services/payments/crypto/crypto-schemas', crypto, [
    'CryptoChoiceSchema',
    'ConfirmCryptoPaymentSchema',
    'RefundCryptoReceiptSchema',
  ]),
  ...entries('~/services/payments/payouts/payout-schemas', payouts, [
    'PayoutRequestSchema',
    'PayoutMethodFormSchema',
    'SandboxBankSchema',
  ]),
  ...entries('~/services/payments/tax/billing-schemas', billing, ['BillingDetailsSchema']),
  ...entries('~/services/security/factor-schemas', factors, [
    'PhoneNumberSchema',
    'ConfirmCodeSchema',
    'ConfirmPasswordSchema',
  ]),
  ...entries('~/services/security/ip-list-schemas', ipLists, ['AllowlistFormSchema', 'BlocklistFormSchema']),
  ...entries('~/services/security/webauthn-kinds', webauthn, ['AddCredentialSchema', 'RenameCredentialSchema']),
  ...entries('~/services/video/call-schemas', calls, ['InviteToCallSchema']),
]
