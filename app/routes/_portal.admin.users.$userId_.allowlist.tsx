import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AlertMessage } from '~/components/ui/alert-message'
import { CardSection } from '~/components/ui/card-section'
import { TextareaField } from '~/components/ui/field'
import { ClearAllowlistConstraint } from '~/components/ui/form-constraints/clear-allowlist'
import { PageHeader } from '~/components/ui/page-header'
import { useZodForm } from '~/components/ui/use-zod-form'
import { requireRole } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { json } from '~/http/json.server'
import { requireRecord } from '~/http/not-found.server'
import { requireAdminStepUp, takeKeptAdminForm } from '~/http/step-up.server'
import { redirectWithToast } from '~/http/toast.server'
import { findUserById } from '~/models/users.server'
import { ClearAllowlistSchema } from '~/services/admin/user-admin-schemas'
import { originOf } from '~/services/security/context'
import { allowlistOf, clearAllowlistByAdmin } from '~/services/security/ip-lists.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `IP allowlist of ${data?.user.name ?? 'a user'} · Admin · MegiLance` },
]

const FORM_ID = 'clear-allowlist'
const loadUser = (userId: string | undefined) => requireRecord(userId, findUserById, 'No user has this id.')

/** A member's IP allowlist, and support's way to turn it off when it shuts them out. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const user = await loadUser(params.userId)
  return json({
    user: { id: user.id, name: user.name, email: user.email },
    entries: (await allowlistOf(user.id)).map(({ id, cidr, label }) => ({ id, cidr, label })),
    kept: await takeKeptAdminForm(request, () => FORM_ID),
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  const admin = await requireAdminStepUp(request, { form: formData })
  const user = await loadUser(params.userId)
  const submission = parseWithZod(formData, { schema: ClearAllowlistSchema })
  if (submission.status !== 'success')
    return json({ form: { formId: FORM_ID, reply: submission.reply() } }, { status: 400 })
  const removed = await clearAllowlistByAdmin({
    userId: user.id,
    who: `${user.name} (${user.email})`,
    admin,
    reason: submission.value.reason,
    origin: originOf(request, context.clientIp),
  })
  return redirectWithToast(`/admin/users/${user.id}`, {
    kind: 'success',
    message: removed
      ? `${user.name}’s IP allowlist is off: they can sign in from anywhere, and are told by email.`
      : `${user.name} has no IP allowlist.`,
  })
}

export default function AdminUserAllowlist() {
  const { user, entries, kept } = useLoaderData<typeof loader>()
  const last = useActionData<typeof action>()?.form ?? kept ?? undefined
  const [form, fields] = useZodForm(ClearAllowlistConstraint, { id: FORM_ID, last })
  return (
    <>
      <p>
        <Link to={`/admin/users/${user.id}`}>← {user.name}</Link>
      </p>
      <PageHeader title={`IP allowlist of ${user.name}`}>
        <p className="muted">{user.email}</p>
      </PageHeader>
      <CardSection id="allowlist-heading" title="Allowed networks">
        {entries.length ? (
          <>
            <ul>
              {entries.map((entry) => (
                <li key={entry.id}>
                  <code>{entry.cidr}</code>
                  {entry.label ? ` — ${entry.label}` : null}
                </li>
              ))}
            </ul>
            <Form method="post" {...getFormProps(form)} className="form-stack">
              <p className="muted">
                When their network changed and the list shuts them out, turn it off once you are sure it is them (for
                example a reply from their account’s email address). They can sign in from anywhere again, and are
                emailed with this reason.
              </p>
              <TextareaField label="Reason they will see" meta={fields.reason} rows={3} />
              <AlertMessage message={form.errors} />
              <button type="submit" className="button button--danger">
                Turn off their IP allowlist
              </button>
            </Form>
          </>
        ) : (
          <p>No IP allowlist: they can sign in from any network.</p>
        )}
      </CardSection>
    </>
  )
}
