import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CardSection } from '~/components/ui/card-section'
import { IntentButtonForm } from '~/components/ui/intent-button-form'
import { TextareaField } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { findUserById } from '~/models/users.server'
import { blockAccount, endSessionsByAdmin, unblockAccount } from '~/services/accounts/accounts.server'
import { countActiveSessionsOf } from '~/services/accounts/sessions.server'
import { BlockUserSchema } from '~/services/admin/user-admin-schemas'
import { requireRole } from '~/http/auth.server'
import { requireAdminStepUp } from '~/http/step-up.server'
import { originOf } from '~/services/security/context'
import { recordAdminAction } from '~/services/security/events.server'
import { formatDateTime } from '~/utils/format'
import { redirectWithToast } from '~/http/toast.server'
import { readFormData } from '~/http/form-data.server'
import { requireRecord } from '~/http/not-found.server'
import { BlockUserConstraint } from '~/components/ui/form-constraints/block-user'
import { useZodForm } from '~/components/ui/use-zod-form'
import { AlertMessage } from '~/components/ui/alert-message'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.name ?? 'User'} · Admin · MegiLance` },
]

const loadUser = (userId: string | undefined) => requireRecord(userId, findUserById, 'No user has this id.')

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { passwordHash: _hidden, ...user } = await loadUser(params.userId)
  return json({ user, activeSessions: await countActiveSessionsOf(user.id) })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireAdminStepUp(request)
  const user = await loadUser(params.userId)
  const origin = originOf(request, context.clientIp)
  const who = `${user.name} (${user.email})`
  const submission = parseWithZod(await readFormData(request), { schema: BlockUserSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  if (submission.value.intent === 'block') {
    if (user.role === 'admin') {
      return json(submission.reply({ formErrors: ['Admins cannot be blocked. Change their role first.'] }), {
        status: 409,
      })
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
  const { user, activeSessions } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(BlockUserConstraint, {
    id: 'block-user',
    lastResult,
  })
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
          <Form method="post" {...getFormProps(form)} className="form-stack">
            <p className="muted">
              Blocking signs the user out everywhere. They see this reason when they try to sign in, and by email.
            </p>
            <TextareaField label="Reason for blocking" meta={fields.reason} rows={3} />
            <AlertMessage message={form.errors} />
            <button type="submit" name="intent" value="block" className="button button--danger">
              Block user
            </button>
          </Form>
        )}
      </CardSection>
      <CardSection id="sessions-heading" title="Sessions">
        <p>
          Signed in on {activeSessions} browser{activeSessions === 1 ? '' : 's'}.{' '}
          <Link to={`/admin/security-events?${new URLSearchParams({ email: user.email, match: 'exact' })}`}>
            Security events
          </Link>
        </p>
        {activeSessions ? <IntentButtonForm intent="end-sessions">Sign out of every session</IntentButtonForm> : null}
      </CardSection>
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
