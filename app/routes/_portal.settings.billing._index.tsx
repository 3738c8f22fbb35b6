import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, SelectField } from '~/components/ui/field'
import { loadBillingPage, saveBillingAndTax } from '~/services/payments/tax/billing-details.server'
import { BillingDetailsSchema } from '~/services/payments/tax/billing-schemas'
import { requireRole } from '~/http/auth.server'
import { formatDateTime } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { refusalReply } from '~/http/form-error.server'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { BillingDetailsConstraint } from '~/components/ui/form-constraints/billing-details'
import { FormAlert } from '~/components/ui/form-alert'

export const meta: MetaFunction = () => [{ title: 'Billing & tax · Settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  return json({ role: user.role, ...(await loadBillingPage(user.id)) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  const submission = parseWithZod(await readFormData(request), { schema: BillingDetailsSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await saveBillingAndTax(user.id, submission.value)
  if (!outcome.ok) return json(refusalReply(submission, outcome), { status: 400 })
  return redirectWithToast('/settings/billing', { kind: 'success', message: outcome.message })
}

export default function BillingSettings() {
  const { role, country, vatId, vatIdCheckedAt, saved, treatment, countries } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(BillingDetailsConstraint, {
    id: 'billing-details',
    lastResult,
    defaultValue: { country, vatId },
  })
  return (
    <>
      <h2>Billing &amp; tax</h2>
      <p className="muted">
        {role === 'client'
          ? 'The platform fee on your payments includes the VAT or GST of your billing country. EU businesses with a VAT ID are reverse charged.'
          : 'Your billing country appears on your yearly tax statement. The tax in platform fees follows each client’s country.'}{' '}
        <Link to="/help/tax">Rates by country</Link>
      </p>
      {saved ? (
        <p>
          {role === 'client' ? 'Tax on platform fees now: ' : 'Tax position: '}
          <strong>{treatment.label}</strong>
          {vatIdCheckedAt ? <span className="muted"> · VAT ID checked {formatDateTime(vatIdCheckedAt)}</span> : null}
        </p>
      ) : (
        <p className="muted">
          You have not saved billing details yet{country ? '; the country comes from your profile' : ''}.
        </p>
      )}
      <Form method="post" {...getFormProps(form)} className="form-stack">
        <FormAlert form={form} labels={{ country: 'Billing country', vatId: 'EU VAT ID' }} />
        <SelectField
          label="Billing country"
          meta={fields.country}
          placeholder="Choose your country"
          options={countries}
        />
        <Field
          label="EU VAT ID (optional)"
          meta={fields.vatId}
          autoComplete="off"
          spellCheck={false}
          hint="For EU businesses, e.g. DE136695976. We check its format and check digits; the country prefix may be left out."
        />
        <SubmitButton>Save billing details</SubmitButton>
      </Form>
      <section className="billing-statements" aria-labelledby="billing-statements-title">
        <h3 id="billing-statements-title">Tax statements</h3>
        <p>
          <Link to="/settings/billing/statements">Yearly tax statements (CSV and PDF)</Link>
        </p>
        {role === 'client' ? (
          <p>
            <Link to="/settings/billing/card">Card on file for hourly invoices</Link>
          </p>
        ) : null}
      </section>
    </>
  )
}
