import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { CardSection } from '~/components/ui/card-section'
import { IntentButtonForm } from '~/components/ui/intent-button-form'
import { PageHeader } from '~/components/ui/page-header'
import { findUserById } from '~/models/users.server'
import { blockAccount, endSessionsByAdmin, unblockAccount } from '~/services/accounts/accounts.server'
import { countActiveSessionsOf } from '~/services/accounts/sessions.server'
import { BlockUserSchema, RestoreEmailSchema } from '~/services/admin/user-admin-schemas'
import {
  restoreAuditLine,
  restoreEmailAddress,
  restorePreviews,
  restoreToastTail,
} from '~/services/accounts/email-restore.server'
import { listEmailChangesOf } from '~/models/email-changes.server'
import { BlockUserForm } from '~/components/admin/block-user-form'
import { EmailHistorySection } from '~/components/admin/email-history-section'
import { bareIntents, parseIntent } from '~/http/intent.server'
import { requireRole } from '~/http/auth.server'
import { requireAdminStepUp, takeKeptAdminForm } from '~/http/step-up.server'
import { originOf } from '~/services/security/context'
import { recordAdminAction } from '~/services/security/events.server'
import { formatDateTime } from '~/utils/format'
import { redirectWithToast } from '~/http/toast.server'
import { readFormData } from '~/http/form-data.server'
import { requireRecord } from '~/http/not-found.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.name ?? 'User'} · Admin · MegiLance` },
]

const loadUser = (userId: string | undefined) => requireRecord(userId, findUserById, 'No user has this id.')

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { passwordHash: _hidden, ...user } = await loadUser(params.userId)
  const emailChanges = await listEmailChangesOf(user.id)
  return json({
    user,
    activeSessions: await countActiveSessionsOf(user.id),
    emailChanges,
    // What each restore would remove, as of now: the restore refuses anything added after `listedAt`.
    restorePreviews: await restorePreviews(emailChanges, user.email),
    listedAt: Date.now(),
    // A form sent before confirming a second factor comes back filled in (not sent) once.
    kept: await takeKeptAdminForm(request, ({ intent }) =>
      intent === 'block' || intent === 'restore-email' ? formIdOf(intent) : null,
    ),
  })
}

const formIdOf = (intent: 'block' | 'restore-email') => (intent === 'block' ? 'block-user' : 'restore-email')

/** The answer to one of the page's forms, addressed to it so only that form shows it. */
const formReply = (intent: 'block' | 'restore-email', reply: SubmissionResult<string[]>, status: number) =>
  json({ form: { formId: formIdOf(intent), reply } }, { status })

const IntentSchema = /* @__PURE__ */ bareIntents('block', 'unblock', 'end-sessions', 'restore-email')

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  const admin = await requireAdminStepUp(request, { form: formData })
  const user = await loadUser(params.userId)
  const origin = originOf(request, context.clientIp)
  const who = `${user.name} (${user.email})`
  const { intent } = parseIntent(formData, IntentSchema)
  if (intent === 'restore-email') {
    const submission = parseWithZod(formData, { schema: RestoreEmailSchema })
    if (submission.status !== 'success') return formReply(intent, submission.reply(), 400)
    const { changeId, reason, listedAt } = submission.value
    const outcome = await restoreEmailAddress(
      { userId: user.id, changeId, reason, adminId: admin.id, listedAt: new Date(listedAt) },
      origin,
    )
    if (!outcome.ok && outcome.reason === 'not_found') {
      const message = 'That address is not in this account’s history. Reload the page and choose again.'
      return formReply(intent, submission.reply({ fieldErrors: { changeId: [message] } }), 400)
    }
    if (!outcome.ok) return formReply(intent, submission.reply({ formErrors: [outcome.message] }), 409)
    await recordAdminAction(admin, origin, restoreAuditLine(user.name, outcome, reason))
    return redirectWithToast(`/admin/users/${user.id}`, {
      kind: 'success',
      message: `${user.name}’s address is ${outcome.restored} again; they are signed out everywhere and told by email.${restoreToastTail(outcome)}`,
    })
  }
  const submission = parseWithZod(formData, { schema: BlockUserSchema })
  if (submission.status !== 'success') return formReply('block', submission.reply(), 400)
  if (submission.value.intent === 'block') {
    if (user.role === 'admin') {
      return formReply(
        'block',
        submission.reply({ formErrors: ['Admins cannot be blocked. Change their role first.'] }),
        409,
      )
    }
    await blockAccount(user.id, submission.value.reason)
    await recordAdminAction(admin, origin, `Blocked ${who}: ${submission.value.reason}`)
    return redirectWithToast(`/admin/users/${user.id}`, {
      kind: 'success',
      message: `${user.name} is blocked and signed out.`,
    })
  }
  if (submission.value.intent === 'end-sessions') {
    const ended = await endSessionsByAdmin(user.id)
    await recordAdminAction(admin, origin, `Signed ${who} out of ${ended} session${ended === 1 ? '' : 's'}`)
    return redirectWithToast(`/admin/users/${user.id}`, {
      kind: 'success',
      message: `${user.name} is signed out of ${ended} session${ended === 1 ? '' : 's'}.`,
    })
  }
  if (await unblockAccount(user.id)) await recordAdminAction(admin, origin, `Unblocked ${who}`)
  return redirectWithToast(`/admin/users/${user.id}`, { kind: 'success', message: `${user.name} can sign in again.` })
}

export default function AdminUser() {
  const { user, activeSessions, emailChanges, restorePreviews, listedAt, kept } = useLoaderData<typeof loader>()
  const last = useActionData<typeof action>()?.form ?? kept ?? undefined
  return (
    <>
      <p>
        <Link to="/admin/users">← All users</Link>
      </p>
      <PageHeader title={user.name}>
        <p className="muted">
          {user.email} · <span className="capitalize">{user.role}</span> · joined {formatDateTime(user.createdAt)}
        </p>
      </PageHeader>
      <CardSection id="access-heading" title="Access">
        {user.blockedAt ? (
          <>
            <p>
              <span className="badge badge--blocked">Blocked</span> since {formatDateTime(user.blockedAt)}.
            </p>
            <p>
              Reason shown to the user: <q>{user.blockedReason}</q>
            </p>
            <IntentButtonForm intent="unblock">Unblock user</IntentButtonForm>
          </>
        ) : user.role === 'admin' ? (
          <p className="muted">Admins cannot be blocked.</p>
        ) : (
          <BlockUserForm last={last} />
        )}
      </CardSection>
      <CardSection id="sessions-heading" title="Sessions">
        <p>
          Signed in on {activeSessions} browser{activeSessions === 1 ? '' : 's'}.{' '}
          <Link to={`/admin/security-events?${new URLSearchParams({ email: user.email, match: 'exact' })}`}>
            Security events
          </Link>{' '}
          · <Link to={`/admin/users/${user.id}/allowlist`}>IP allowlist</Link>
        </p>
        {activeSessions ? <IntentButtonForm intent="end-sessions">Sign out of every session</IntentButtonForm> : null}
      </CardSection>
      <EmailHistorySection
        changes={emailChanges}
        currentEmail={user.email}
        previews={restorePreviews}
        listedAt={listedAt}
        last={last}
      />
      {user.role === 'admin' ? null : (
        <CardSection id="money-heading" title="Money">
          <p>
            <Link to={`/admin/users/${user.id}/payments`}>Payment history</Link>: their wallet, escrow, card payments
            (declined ones too) and payouts, as they see them.
          </p>
        </CardSection>
      )}
    </>
  )
}
