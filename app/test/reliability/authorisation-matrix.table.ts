/**
 * What each role gets from each route module, checked by authorisation-matrix.test.ts.
 *
 * One row per file in app/routes: `'route-id': ['<loader>', '<action>']`. Each cell is six HTTP
 * statuses in this order: anonymous, client, freelancer, admin, stranger client, stranger freelancer
 * (`-` when the module has no loader or action). The client and freelancer are the two parties of
 * the test world's contract (its project, proposal, milestone, conversation, call, meeting, dispute;
 * the client owns the notification, the freelancer the portfolio item); the admin decides the dispute; the strangers are signed in but
 * party to none of it (see world.ts). The admin passed a second factor a minute ago, so pages that need a recent one are open to them. Loaders are a GET; actions an empty form POST, so a permitted
 * role usually gets 400 (the form is invalid) and a refused one 302 (to sign-in), 403 or 404.
 *
 * Adding a route: run `npx vitest run app/test/reliability/authorisation-matrix.test.ts`; the failure
 * prints the observed row for it. Check every status is what that role should get (a stranger must
 * never get 200 on someone's record), then paste the row here in alphabetical order, writing a cell
 * by its name below where one fits.
 */
export type Row = [loader: string, action: string]

// The cells that recur, named by who gets through.
const NONE = '-' // no loader, or no action, in the module
const ANYONE = '200 200 200 200 200 200' // a public page
const VISITORS = '200 302 302 302 302 302' // a signed-out page; signed-in people are sent on
const VISITORS_FORM = '400 302 302 302 302 302' // its form
const SIGNED_IN = '302 200 200 200 200 200' // any signed-in role; a visitor is sent to sign in
const SIGNED_IN_FORM = '302 400 400 400 400 400' // any signed-in role may post (the empty form is invalid)
const ADMINS = '302 403 403 200 403 403' // an admin page
const ADMINS_FORM = '302 403 403 400 403 403' // an admin form
const ADMINS_RECORD = '302 403 403 404 403 403' // an admin page of a record the test world does not hold
const REDIRECTED = '302 302 302 302 302 302' // everyone is sent elsewhere
const NOT_FOUND = '302 404 404 404 404 404' // signed in, but the test world holds no such record
const MEMBERS = '302 200 200 403 200 200' // clients and freelancers, not admins
const FREELANCERS = '302 403 200 403 403 200' // freelancers only
const PARTIES = '302 200 200 404 404 404' // the contract's two parties only
const PARTIES_AND_ADMIN = '302 200 200 200 404 404' // the two parties and the admin who decides the dispute

export const EXPECTED: Record<string, Row> = {
  // Any address no page answers.
  $: ['404 404 404 404 404 404', NONE],
  _auth: [NONE, NONE],
  '_auth.forgot-password': [VISITORS, VISITORS_FORM],
  '_auth.reset-password': [VISITORS, VISITORS_FORM],
  '_auth.sign-in': [VISITORS, VISITORS_FORM],
  '_auth.sign-in_.verify': [REDIRECTED, REDIRECTED],
  '_auth.sign-up': [VISITORS, VISITORS_FORM],
  '_auth.sign-up_.verify': [REDIRECTED, REDIRECTED],
  _index: [ANYONE, NONE],
  _portal: [NONE, NONE],
  '_portal.admin._index': [ADMINS, NONE],
  '_portal.admin.contact-requests.$requestId': [ADMINS_RECORD, ADMINS_RECORD],
  '_portal.admin.contact-requests._index': [ADMINS, NONE],
  '_portal.admin.crypto-payments': [ADMINS, ADMINS_FORM],
  '_portal.admin.disputes._index': [ADMINS, NONE],
  // The old signals page is folded into the fraud desk: every visit is sent there.
  '_portal.admin.fraud-signals': ['301 301 301 301 301 301', NONE],
  '_portal.admin.fraud._index': [ADMINS, NONE],
  '_portal.admin.fraud.$alertId': [ADMINS_RECORD, ADMINS_RECORD],
  '_portal.admin.fraud.events': [ADMINS, NONE],
  '_portal.admin.fraud.alerts[.]csv': [ADMINS, NONE],
  '_portal.admin.analytics': [ADMINS, ADMINS_FORM],
  // Without a ?table= naming one of the page's tables there is nothing to export.
  '_portal.admin.analytics[.]csv': [ADMINS_RECORD, NONE],
  '_portal.admin.analytics[.]pdf': [ADMINS, NONE],
  '_portal.admin.ai': [ADMINS, NONE],
  '_portal.admin.calls': [ADMINS, NONE],
  '_portal.admin.churn': [ADMINS, NONE],
  '_portal.admin.churn[.]csv': [ADMINS, NONE],
  // Personal analytics: clients and freelancers their own; admins have the business dashboard.
  '_portal.analytics': [MEMBERS, NONE],
  '_portal.analytics[.]csv': ['302 404 404 403 404 404', NONE],
  // Public discovery: Find work, open projects and profiles are readable without an account; only
  // the project owner's actions answer (a visitor is sent to sign in first).
  _browse: [NONE, NONE],
  // An unsubscribe link works for anyone holding it, signed in or not; without a valid signed link, 404.
  '_browse.email.unsubscribe': ['404 404 404 404 404 404', '404 404 404 404 404 404'],
  '_browse.freelancers.$userId': [ANYONE, NONE],
  '_browse.freelancers._index': [ANYONE, NONE],
  '_browse.help.matching': [ANYONE, NONE],
  '_browse.market': [ANYONE, NONE],
  '_browse.projects._index': [ANYONE, NONE],
  '_browse.projects_.$projectId._index': [ANYONE, '302 400 404 404 404 404'],
  '_browse.rank': [ANYONE, NONE],
  'robots[.]txt': [ANYONE, NONE],
  'sitemap[.]xml': [ANYONE, NONE],
  // The test world is far below 50,000 URLs, so there is no second sitemap file.
  'sitemaps.$page': ['404 404 404 404 404 404', NONE],
  // Recommendations and the visibility settings are the freelancer's own.
  '_portal.freelancer.recommended': [FREELANCERS, NONE],
  '_portal.settings.discovery': [FREELANCERS, '302 403 302 403 403 302'],
  '_portal.admin.ip-blocklist': [ADMINS, ADMINS_FORM],
  '_portal.admin.ledger': [ADMINS, NONE],
  '_portal.admin.outbox.$messageId': [ADMINS_RECORD, NONE],
  '_portal.admin.outbox.$messageId_.attachments.$index': [ADMINS_RECORD, NONE],
  '_portal.admin.outbox._index': [ADMINS, NONE],
  '_portal.admin.payouts': [ADMINS, ADMINS_FORM],
  '_portal.admin.projects': [ADMINS, ADMINS_FORM],
  '_portal.admin.security-events': [ADMINS, NONE],
  '_portal.admin.users.$userId': [ADMINS, ADMINS_FORM],
  '_portal.admin.users.$userId_.allowlist': [ADMINS, ADMINS_FORM],
  '_portal.admin.users.$userId_.payments': [ADMINS, NONE],
  '_portal.admin.users._index': [ADMINS, NONE],
  '_portal.calls.$callId._index': [PARTIES, '302 400 400 404 404 404'],
  '_portal.calls.$callId.admit': [NONE, PARTIES],
  '_portal.calls.$callId.recordings': [NONE, SIGNED_IN_FORM],
  '_portal.calls.$callId.recordings.$recordingId': [NOT_FOUND, NONE],
  '_portal.calls.$callId.recordings.$recordingId.chunks.$index': [NONE, NOT_FOUND],
  '_portal.calls.$callId.recordings.$recordingId.stop': [NONE, NOT_FOUND],
  '_portal.calls.$callId.room': [PARTIES, NONE],
  '_portal.calls.$callId.whiteboard': [NONE, '302 400 400 404 404 404'],
  '_portal.calls._index': [SIGNED_IN, NONE],
  '_portal.calls.start': [NONE, SIGNED_IN_FORM],
  '_portal.checkout.$paymentId': [NOT_FOUND, NOT_FOUND],
  '_portal.client._index': ['302 200 403 403 200 403', NONE],
  '_portal.client.projects': ['302 200 403 403 200 403', NONE],
  '_portal.clients.$userId': [SIGNED_IN, NONE],
  '_portal.contracts._index': [MEMBERS, NONE],
  '_portal.contracts_.$contractId._index': [PARTIES_AND_ADMIN, '302 400 400 403 404 404'],
  '_portal.contracts_.$contractId.hours': [NOT_FOUND, NOT_FOUND],
  '_portal.contracts_.$contractId.milestones.$milestoneId.crypto': [
    '302 200 403 403 404 404',
    '302 400 403 403 404 404',
  ],
  '_portal.contracts_.$contractId.milestones.$milestoneId.dispute': [PARTIES, '302 400 400 404 404 404'],
  '_portal.contracts_.$contractId.review': [PARTIES, '302 400 400 404 404 404'],
  '_portal.convert': [SIGNED_IN, SIGNED_IN_FORM],
  '_portal.crypto-payments.$requestId': [NOT_FOUND, NONE],
  '_portal.disputes.$disputeId': [PARTIES_AND_ADMIN, '302 400 400 400 404 404'],
  '_portal.disputes.$disputeId.files.$uploadId': [NOT_FOUND, NONE],
  '_portal.freelancer._index': [FREELANCERS, NONE],
  '_portal.freelancer.invitations': [FREELANCERS, '302 403 400 403 403 400'],
  '_portal.freelancer.proposals': [FREELANCERS, NONE],
  '_portal.meetings.$meetingId': ['302 200 200 403 404 404', '302 400 400 403 400 400'],
  '_portal.meetings.$meetingId[.]ics': [PARTIES, NONE],
  '_portal.meetings._index': [MEMBERS, NONE],
  '_portal.meetings.new': ['302 404 404 403 404 404', '302 400 400 403 400 400'],
  '_portal.messages.$conversationId': [PARTIES_AND_ADMIN, '302 400 400 403 404 404'],
  '_portal.messages.$conversationId.events': [PARTIES_AND_ADMIN, NONE],
  '_portal.messages.$conversationId.files.$uploadId': [NOT_FOUND, NONE],
  '_portal.messages._index': [SIGNED_IN, NONE],
  '_portal.messages.for.contract.$contractId': ['302 302 302 404 404 404', NONE],
  '_portal.messages.for.proposal.$proposalId': ['302 302 302 404 404 404', NONE],
  '_portal.notifications.$notificationId.open': ['302 302 404 404 404 404', NONE],
  '_portal.notifications._index': [SIGNED_IN, SIGNED_IN_FORM],
  '_portal.payments': [MEMBERS, NONE],
  '_portal.payouts._index': [FREELANCERS, '302 403 400 403 403 400'],
  '_portal.payouts.bank': ['302 403 302 403 403 302', '302 403 302 403 403 302'],
  '_portal.payouts.bank_.return': ['302 403 302 403 403 302', NONE],
  '_portal.payouts.methods': [FREELANCERS, '302 403 302 403 403 302'],
  // Portfolio images show on public profiles, so visitors may load them too; the world holds none.
  '_portal.portfolio.images.$imageId': ['404 404 404 404 404 404', NONE],
  '_portal.projects_.$projectId.edit': ['302 409 404 404 404 404', '302 400 404 404 404 404'],
  '_portal.projects_.$projectId.invite': ['302 409 404 404 404 404', '302 400 404 404 404 404'],
  '_portal.projects_.$projectId_.proposals': ['302 200 404 200 404 404', NONE],
  '_portal.projects_.$projectId_.propose': ['302 403 302 403 403 409', '302 403 302 403 403 409'],
  '_portal.projects_.new': ['302 200 403 403 200 403', '302 400 403 403 400 403'],
  '_portal.proposals.$proposalId': [PARTIES_AND_ADMIN, '302 400 400 400 404 404'],
  '_portal.proposals.$proposalId_.edit': ['302 404 409 404 404 404', '302 404 409 404 404 404'],
  // The test world's contract has no review; who may reply is in app/test/review-replies-routes.test.ts.
  '_portal.reviews.$reviewId.reply': [NOT_FOUND, NOT_FOUND],
  // Freelancers keep Find work searches, clients talent searches.
  '_portal.saved-searches': [MEMBERS, '302 400 400 403 400 400'],
  '_portal.settings': [SIGNED_IN, NONE],
  '_portal.settings._index': [SIGNED_IN, SIGNED_IN_FORM],
  // The theme posts to /theme; the display currency (approximate amounts) is a client's or freelancer's.
  '_portal.settings.appearance': [SIGNED_IN, '302 400 400 403 400 400'],
  '_portal.settings.availability': [MEMBERS, '302 400 400 403 400 400'],
  '_portal.settings.billing._index': [MEMBERS, '302 400 400 403 400 400'],
  '_portal.settings.billing.card': ['302 200 403 403 200 403', '302 400 403 403 400 403'],
  '_portal.settings.billing.statements.$file': [MEMBERS, NONE],
  '_portal.settings.billing.statements._index': [MEMBERS, NONE],
  '_portal.settings.email': [SIGNED_IN, SIGNED_IN_FORM],
  '_portal.settings.notifications': [SIGNED_IN, REDIRECTED],
  // A second factor from the last 10 minutes first: the admin has one; the members' sessions have none.
  '_portal.settings.password': ['302 302 302 200 302 302', '302 302 302 400 302 302'],
  '_portal.settings.portfolio': [FREELANCERS, '302 403 400 403 403 400'],
  '_portal.settings.portfolio_.$itemId': ['302 403 200 403 403 404', '302 403 400 403 403 404'],
  '_portal.settings.security._index': [SIGNED_IN, NONE],
  '_portal.settings.security.allowlist': [SIGNED_IN, '302 302 302 400 302 302'],
  '_portal.settings.security.authenticator': [SIGNED_IN, SIGNED_IN_FORM],
  '_portal.settings.security.backup-codes': [SIGNED_IN, SIGNED_IN_FORM],
  '_portal.settings.security.confirm-password': [SIGNED_IN, SIGNED_IN_FORM],
  '_portal.settings.security.email-codes': [SIGNED_IN, SIGNED_IN_FORM],
  '_portal.settings.security.log': [SIGNED_IN, NONE],
  '_portal.settings.security.passkeys': [SIGNED_IN, SIGNED_IN_FORM],
  '_portal.settings.security.phone': [SIGNED_IN, SIGNED_IN_FORM],
  '_portal.settings.security.security-keys': [SIGNED_IN, SIGNED_IN_FORM],
  '_portal.settings.security.verify': [SIGNED_IN, SIGNED_IN_FORM],
  '_portal.settings.sessions': [SIGNED_IN, SIGNED_IN_FORM],
  '_portal.wallet': [MEMBERS, NONE],
  'bench.floor': ['404 404 404 404 404 404', NONE],
  healthz: [ANYONE, NONE],
  'help.$topic': [ANYONE, NONE],
  'help._index': [ANYONE, NONE],
  'help.contact': [ANYONE, '400 400 400 400 400 400'],
  'help.tax': [ANYONE, NONE],
  'payments[.]csv': [MEMBERS, NONE],
  'sign-out': [REDIRECTED, REDIRECTED],
  theme: [REDIRECTED, REDIRECTED],
  'webhooks.crypto': ['405 405 405 405 405 405', '401 401 401 401 401 401'],
  'webhooks.stripe': ['405 405 405 405 405 405', '404 404 404 404 404 404'],
}
