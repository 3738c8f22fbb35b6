import type { Role } from '~/domain/enums'

export type MenuItem = { to: `/${string}`; label: string; end?: boolean }

/** What both sides of a contract use, in the same place in both sidebars. */
const CONTRACT_WORK: MenuItem[] = [
  { to: '/contracts', label: 'Contracts' },
  { to: '/messages', label: 'Messages' },
  { to: '/meetings', label: 'Meetings' },
  { to: '/calls', label: 'Calls' },
  { to: '/notifications', label: 'Notifications' },
  { to: '/wallet', label: 'Wallet' },
]

/** Each portal's sidebar. An item is listed only once its page works. */
export const PORTAL_MENUS: Record<Role, MenuItem[]> = {
  client: [
    { to: '/client', label: 'Dashboard', end: true },
    { to: '/client/projects', label: 'Projects' },
    { to: '/freelancers', label: 'Find talent', end: true },
    { to: '/saved-searches', label: 'Saved searches' },
    ...CONTRACT_WORK,
    { to: '/payments', label: 'Payments' },
    { to: '/analytics', label: 'Analytics' },
    { to: '/convert', label: 'Convert' },
    { to: '/settings', label: 'Settings' },
  ],
  freelancer: [
    { to: '/freelancer', label: 'Dashboard', end: true },
    { to: '/projects', label: 'Find work', end: true },
    { to: '/saved-searches', label: 'Saved searches' },
    { to: '/freelancer/proposals', label: 'Proposals' },
    { to: '/freelancer/invitations', label: 'Invitations' },
    { to: '/freelancer/recommended', label: 'Recommended' },
    ...CONTRACT_WORK,
    { to: '/payouts', label: 'Payouts' },
    { to: '/payments', label: 'Payments' },
    { to: '/analytics', label: 'Analytics' },
    { to: '/convert', label: 'Convert' },
    { to: '/rank', label: 'Rank' },
    { to: '/market', label: 'Market' },
    { to: '/settings', label: 'Settings' },
  ],
  admin: [
    { to: '/admin', label: 'Dashboard', end: true },
    { to: '/admin/users', label: 'Users' },
    { to: '/admin/projects', label: 'Projects' },
    { to: '/admin/disputes', label: 'Disputes' },
    { to: '/admin/calls', label: 'Calls' },
    { to: '/admin/crypto-payments', label: 'Crypto payments' },
    { to: '/admin/payouts', label: 'Payouts' },
    { to: '/admin/analytics', label: 'Analytics' },
    { to: '/admin/churn', label: 'Churn risk' },
    { to: '/admin/ai', label: 'AI monitoring' },
    { to: '/admin/ledger', label: 'Ledger health' },
    { to: '/admin/fraud', label: 'Fraud desk' },
    { to: '/admin/security-events', label: 'Security events' },
    { to: '/admin/ip-blocklist', label: 'IP blocklist' },
    { to: '/admin/outbox', label: 'Outbox' },
    { to: '/admin/contact-requests', label: 'Contact requests' },
    { to: '/notifications', label: 'Notifications' },
    { to: '/settings', label: 'Settings' },
  ],
}

export const PORTAL_NAMES: Record<Role, string> = {
  client: 'Client portal',
  freelancer: 'Freelancer portal',
  admin: 'Admin portal',
}
