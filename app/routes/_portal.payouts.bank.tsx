import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Field, SelectField } from '~/components/ui/field'
import { countryOptions, type CountryOption } from '~/services/payments/tax/tax-rates'
import { addSandboxBankMethod, startBankOnboarding } from '~/services/payments/payouts/payout-methods.server'
import { SandboxBankSchema } from '~/services/payments/payouts/payout-schemas'
import { sandboxMoney } from '~/services/payments/cards/sandbox-money.server'
import { isStripeConfigured } from '~/services/payments/cards/stripe.server'
import { requireRole, requireSession } from '~/http/auth.server'
import { originOf } from '~/services/security/context'
import { readFormData } from '~/http/form-data.server'
import { requireStepUp } from '~/http/step-up.server'
import { redirectWithToast } from '~/http/toast.server'
import { PageHeader } from '~/components/ui/page-header'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { SandboxBankConstraint } from '~/components/ui/form-constraints/sandbox-bank'
import { FormAlert } from '~/components/ui/form-alert'

export const meta: MetaFunction = () => [{ title: 'Add a bank account · MegiLance' }]

async function requireFreelancerStepUp(request: Request) {
  await requireRole(request, 'freelancer')
  const session = await requireSession(request)
  requireStepUp(request, session, '/payouts/bank')
  return session.user
}

/** The sandbox stand-in exists only where sandbox money may move; elsewhere it answers 409 with why. */
function requireSandboxBanks() {
  const sandbox = sandboxMoney()
  if (!sandbox.available) throw new Response(`Test bank accounts cannot be added: ${sandbox.reason}`, { status: 409 })
}

/**
 * With Stripe this is the onboarding link's refresh URL: a button that asks for a fresh link (a GET
 * only shows the page; the Stripe account and link are made on the POST). Without Stripe it is the
 * sandbox stand-in for Stripe's onboarding.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireFreelancerStepUp(request)
  const stripe = isStripeConfigured()
  if (!stripe) requireSandboxBanks()
  return json({ stripe, countries: stripe ? [] : countryOptions() })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireFreelancerStepUp(request)
  if (isStripeConfigured()) {
    return redirect((await startBankOnboarding(user)).redirectTo)
  }
  requireSandboxBanks()
  const submission = parseWithZod(await readFormData(request), { schema: SandboxBankSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const added = await addSandboxBankMethod(user.id, submission.value, originOf(request, context.clientIp))
  if (!added.ok)
    return json(submission.reply({ fieldErrors: { [added.field ?? 'accountNumber']: [added.message] } }), {
      status: 400,
    })
  return redirectWithToast('/payouts/methods', {
    kind: 'success',
    message: `Bank account ending ${added.method.accountLast4} added (test account).`,
  })
}

export default function BankOnboarding() {
  const { stripe, countries } = useLoaderData<typeof loader>()
  return stripe ? <StripeOnboarding /> : <SandboxBankOnboarding countries={countries} />
}

function StripeOnboarding() {
  return (
    <div className="page--narrow">
      <PageHeader back={{ to: '/payouts/methods', label: 'Payout methods' }} title="Add a bank account" />
      <section className="card">
        <p className="muted">
          You give your bank details to Stripe on its own secure pages; MegiLance never sees the full account number. If
          you were already there, you continue where you left off.
        </p>
        <Form method="post">
          <SubmitButton>Continue to Stripe</SubmitButton>
        </Form>
      </section>
    </div>
  )
}

function SandboxBankOnboarding({ countries }: { countries: CountryOption[] }) {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(SandboxBankConstraint, { id: 'sandbox-bank', lastResult })
  return (
    <div className="page--narrow">
      <PageHeader
        back={{ to: '/payouts/methods', label: 'Payout methods (nothing is saved)' }}
        title="Add a bank account"
      />
      <section className="card" aria-labelledby="sandbox-heading">
        <h2 id="sandbox-heading">
          <span className="badge badge--blocked">Test mode</span> No real account is connected
        </h2>
        <p className="muted">
          This site is in test mode: bank accounts are not connected to a real bank, and payouts to them are marked
          “Sent (test mode)” without moving money. The account number is checked for its format (an IBAN’s check digits,
          or 4 to 17 digits) and only its last four characters are kept.
        </p>
        <Form method="post" {...getFormProps(form)} className="form-stack">
          <FormAlert
            form={form}
            labels={{ holderName: 'Account holder name', accountNumber: 'IBAN or account number' }}
          />
          <Field label="Account holder name" meta={fields.holderName} autoComplete="name" />
          <SelectField
            label="Country of the bank"
            meta={fields.country}
            placeholder="Choose the country"
            options={countries}
          />
          <Field
            label="IBAN or account number"
            meta={fields.accountNumber}
            autoComplete="off"
            spellCheck={false}
            inputMode="text"
          />
          <SubmitButton>Add bank account</SubmitButton>
        </Form>
      </section>
    </div>
  )
}
