import { NOTIFICATION_KINDS, type NotificationKind, type Role } from '~/domain/enums'

/** What each kind is called on the preferences page. A kind without a label still appears, named after itself. */
const KIND_LABELS: Partial<Record<NotificationKind, { label: string; description: string }>> = {
  project_invitation: { label: 'Invitations to projects', description: 'A client invites you to send a proposal.' },
  saved_search_match: {
    label: 'Saved search matches',
    description: 'New projects (or, for a client, new freelancers) match one of your saved searches.',
  },
  proposal_received: { label: 'New proposals', description: 'A freelancer sends a proposal to your project.' },
  proposal_update: {
    label: 'Proposal updates',
    description: 'A proposal is viewed, shortlisted, declined, accepted or withdrawn.',
  },
  contract_update: {
    label: 'Contract updates',
    description: 'A contract starts or ends, or an hourly invoice changes.',
  },
  milestone_update: {
    label: 'Milestone updates',
    description: 'A milestone is funded, submitted, approved, released or refunded.',
  },
  dispute_update: {
    label: 'Dispute updates',
    description: 'A dispute is opened, answered or decided, and 2 days before your time to respond ends.',
  },
  message_received: { label: 'New messages', description: 'Someone writes to you in a conversation.' },
  review_received: { label: 'Reviews', description: 'The other side of a contract reviews you.' },
  review_reminder: {
    label: 'Review reminders',
    description: 'The window to review an ended contract closes in 3 days and you have not reviewed yet.',
  },
  payout_update: { label: 'Payouts', description: 'A payout is sent, held, released, cancelled or fails.' },
  meeting_update: {
    label: 'Meeting invitations',
    description: 'A meeting is booked, moved or cancelled (with a calendar file).',
  },
  meeting_reminder: { label: 'Meeting reminders', description: 'A meeting starts in 15 minutes.' },
  call_invitation: {
    label: 'Call invitations',
    description: 'The other side starts a call with you, or someone invites you into a call that is going on.',
  },
  account: { label: 'Account and security', description: 'Changes to your account, such as a block being lifted.' },
}

/** Kinds only one side of the marketplace ever receives: a freelancer reviews no proposals, a client gets no payouts. */
const ONE_SIDE_ONLY: Partial<Record<NotificationKind, Role>> = {
  project_invitation: 'freelancer',
  payout_update: 'freelancer',
  proposal_received: 'client',
}

/** The kinds someone in `role` can receive (admins see every kind). */
export function notificationKindsFor(role: Role): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => {
    const only = ONE_SIDE_ONLY[kind]
    return !only || role === 'admin' || only === role
  })
}

function humanize(kind: string): string {
  const words = kind.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function notificationKindLabel(kind: NotificationKind): { label: string; description: string } {
  return KIND_LABELS[kind] ?? { label: humanize(kind), description: '' }
}

/** Whether a notification of `kind` also goes by email: never to a blocked account, and not when the user opted out. */
export function wantsEmail(kind: NotificationKind, optedOut: ReadonlySet<NotificationKind>, blocked: boolean): boolean {
  return !blocked && !optedOut.has(kind)
}

/**
 * The preferences a form post means: every kind the form showed (`shown`) that was ticked has email
 * on, every other shown kind off; a kind it did not show keeps its setting. Unknown values are ignored.
 */
export function emailPreferencesFromForm(
  ticked: readonly unknown[],
  shown: readonly NotificationKind[] = NOTIFICATION_KINDS,
  optedOut: ReadonlySet<NotificationKind> = new Set(),
): Record<NotificationKind, boolean> {
  const on = new Set(ticked.filter((value): value is string => typeof value === 'string'))
  const onForm = new Set(shown)
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, onForm.has(kind) ? on.has(kind) : !optedOut.has(kind)]),
  ) as Record<NotificationKind, boolean>
}

/** Rows of the preferences page: each kind `role` can receive, with its label and whether email is on. */
export function preferenceRows(optedOut: ReadonlySet<NotificationKind>, role: Role = 'admin') {
  return notificationKindsFor(role).map((kind) => ({
    kind,
    ...notificationKindLabel(kind),
    email: !optedOut.has(kind),
  }))
}
