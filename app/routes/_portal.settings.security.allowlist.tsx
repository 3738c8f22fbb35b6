import { getFormProps } from '@conform-to/react'
import { refuseSignInChangeOnDemoAccount } from '~/http/demo-account.server'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ConfirmItIsYouFirst } from '~/components/security/confirm-first'
import { SecuritySubpageHeading } from '~/components/security/security-subpage-heading'
import { ErrorList } from '~/components/ui/field'
import { IpRangeFields } from '~/components/security/ip-range-fields'
import { originOf } from '~/services/security/context'
import { AllowlistFormSchema } from '~/services/security/ip-list-schemas'
import { addToAllowlist, allowlistOf, removeFromAllowlist } from '~/services/security/ip-lists.server'
import { requireSession } from '~/http/auth.server'
import { formatDateTime } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { requireStepUp, stepUpState } from '~/http/step-up.server'
import { redirectWithToast } from '~/http/toast.server'
import { RemovableList } from '~/components/ui/removable-entry'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { AllowlistFormConstraint } from '~/components/ui/form-constraints/allowlist-form'

export const meta: MetaFunction = () => [{ title: 'IP allowlist · Settings · MegiLance' }]

const PATH = '/settings/security/allowlist'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requireSession(request)
  const entries = await allowlistOf(session.user.id)
  return json({
    entries,
    yourIp: context.clientIp,
    ...stepUpState(session, PATH),
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request)
  await refuseSignInChangeOnDemoAccount(session.user.id)
  requireStepUp(request, session, PATH)
  const submission = parseWithZod(await readFormData(request), { schema: AllowlistFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const origin = originOf(request, context.clientIp)
  const userId = session.user.id
  if (submission.value.intent === 'remove') {
    const result = await removeFromAllowlist({ userId, entryId: submission.value.entryId, origin })
    if (!result.ok) return json(submission.reply({ formErrors: [result.message] }), { status: 409 })
    return redirectWithToast(PATH, { kind: 'success', message: `${result.cidr} is removed from your allowlist.` })
  }
  const { cidr, label } = submission.value
  const result = await addToAllowlist({ userId, cidr, label, origin })
  if (!result.ok) return json(submission.reply({ fieldErrors: { cidr: [result.message] } }), { status: 400 })
  return redirectWithToast(PATH, { kind: 'success', message: `${result.cidr} is on your allowlist.` })
}

export default function AllowlistSettings() {
  const { entries, yourIp, confirmed, confirmHref } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(AllowlistFormConstraint, { id: 'allowlist-add', lastResult })
  return (
    <>
      <SecuritySubpageHeading title="IP allowlist" />
      <p className="muted">
        When this list has at least one address, your account can only be signed in to from the addresses on it — useful
        when you always work from an office network or a company VPN.
      </p>
      <p className="callout allowlist-warning">
        <strong>Before you add one:</strong> home broadband and mobile data change their address from time to time, and
        so does travel. Add only addresses that stay the same, such as your office’s fixed address or your company VPN.
        If a change shuts you out, sign in from an allowed network and fix the list, or write to us through{' '}
        <Link to="/help/contact">Contact us</Link> from your account’s email address: we turn the list off once we know
        it is you.
      </p>
      <p>
        The IP address you are using now: <strong>{yourIp ?? 'unknown'}</strong>
      </p>
      {form.errors?.length ? (
        <div role="alert" className="form-alert">
          <ErrorList errors={form.errors} />
        </div>
      ) : null}
      <RemovableList
        label="Allowed addresses"
        items={entries}
        empty="Your allowlist is empty, so you can sign in from anywhere."
        entry={(entry) => ({
          className: 'ip-list__entry',
          title: (
            <>
              <code>{entry.cidr}</code>
              {entry.label ? <> · {entry.label}</> : null}
            </>
          ),
          added: formatDateTime(entry.createdAt),
          remove: confirmed ? { name: 'entryId', value: entry.id, label: `Remove ${entry.cidr}` } : undefined,
        })}
      />
      {confirmed ? (
        <Form method="post" {...getFormProps(form)} className="form-stack ip-list__add">
          <h3>Add an address or range</h3>
          <input type="hidden" name="intent" value="add" />
          <IpRangeFields
            cidr={fields.cidr}
            cidrHint={
              'A single address (203.0.113.7) or a range in CIDR form (203.0.113.0/24). ' +
              'The list must include the address you are using now.'
            }
            note={{ label: 'Label (optional)', meta: fields.label, hint: 'For example “Office” or “Home VPN”.' }}
          />
          <SubmitButton>Add to allowlist</SubmitButton>
        </Form>
      ) : (
        <ConfirmItIsYouFirst href={confirmHref}>
          To change this list, first confirm it is you with your second factor (or, if you have none yet, a code we
          email you).
        </ConfirmItIsYouFirst>
      )}
    </>
  )
}
