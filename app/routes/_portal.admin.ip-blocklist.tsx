import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { IpRangeFields } from '~/components/security/ip-range-fields'
import { BlocklistFormSchema } from '~/services/security/ip-list-schemas'
import { addToBlocklist, blocklist, removeFromBlocklist } from '~/services/security/ip-lists.server'
import { requireRole } from '~/http/auth.server'
import { requireAdminStepUp, takeKeptAdminForm } from '~/http/step-up.server'
import { originOf } from '~/services/security/context'
import { formatDateTime } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { CardSection } from '~/components/ui/card-section'
import { PageHeader } from '~/components/ui/page-header'
import { RemovableList } from '~/components/ui/removable-entry'
import { useZodForm } from '~/components/ui/use-zod-form'
import { BlocklistFormConstraint } from '~/components/ui/form-constraints/blocklist-form'

export const meta: MetaFunction = () => [{ title: 'IP blocklist · Admin · MegiLance' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const entries = await blocklist()
  // A range sent before confirming a second factor comes back filled in (not sent) once.
  const kept = await takeKeptAdminForm(request, ({ intent }) => (intent === 'add' ? 'blocklist-add' : null))
  return json({ entries, yourIp: context.clientIp, kept })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  const admin = await requireAdminStepUp(request, { form: formData })
  const submission = parseWithZod(formData, { schema: BlocklistFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  if (submission.value.intent === 'remove') {
    if (!(await removeFromBlocklist(submission.value.entryId, admin, originOf(request, context.clientIp)))) {
      throw new Response('That range is no longer on the blocklist.', { status: 404 })
    }
    return redirectWithToast('/admin/ip-blocklist', {
      kind: 'success',
      message: 'The range is removed from the blocklist.',
    })
  }
  const { cidr, reason } = submission.value
  const result = await addToBlocklist({ cidr, reason, adminId: admin.id, adminIp: context.clientIp })
  if (!result.ok) return json(submission.reply({ fieldErrors: { cidr: [result.message] } }), { status: 400 })
  return redirectWithToast('/admin/ip-blocklist', {
    kind: 'success',
    message: `${result.cidr} is blocked: sign-ins from it are refused.`,
  })
}

export default function AdminIpBlocklist() {
  const { entries, yourIp, kept } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(BlocklistFormConstraint, {
    id: 'blocklist-add',
    lastResult,
    last: lastResult ? undefined : (kept ?? undefined),
  })
  return (
    <>
      <PageHeader title="IP blocklist">
        <p className="muted">
          Sign-ins from these addresses are refused for every account and logged as security events. Your own IP address
          now is {yourIp ?? 'unknown'}.
        </p>
      </PageHeader>
      <CardSection id="blocklist-add-heading" title="Block an address or range">
        <Form method="post" {...getFormProps(form)} className="form-stack">
          <input type="hidden" name="intent" value="add" />
          <IpRangeFields
            cidr={fields.cidr}
            cidrHint="A single address (203.0.113.7) or a range in CIDR form (203.0.113.0/24, 2001:db8::/32)."
            note={{ label: 'Reason', meta: fields.reason, hint: 'For other admins: why this range is blocked.' }}
          />
          <button type="submit" className="button button--danger">
            Block
          </button>
        </Form>
      </CardSection>
      <CardSection id="blocklist-heading" title="Blocked addresses">
        <RemovableList
          label="Blocked addresses"
          items={entries}
          empty="No address is blocked."
          entry={(entry) => ({
            className: 'ip-list__entry',
            title: (
              <>
                <code>{entry.cidr}</code> · {entry.reason}
              </>
            ),
            added: (
              <>
                {formatDateTime(entry.createdAt)} by{' '}
                {entry.addedBy ? entry.addedBy.name : 'an account that no longer exists'}
              </>
            ),
            remove: { name: 'entryId', value: entry.id, label: `Remove ${entry.cidr} from the blocklist` },
          })}
        />
      </CardSection>
    </>
  )
}
