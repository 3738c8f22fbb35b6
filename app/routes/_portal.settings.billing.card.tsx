import { bareIntents, parseIntent } from '~/http/intent.server'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'

import { CardCheckoutSchema } from '~/services/marketplace/contract-schemas'
import { SAVES_THEN_DECLINES } from '~/services/payments/cards/sandbox-saved-card'
import {
  describeCardOnFile,
  finishStripeCardSetup,
  forgetCard,
  saveSandboxCard,
  startStripeCardSetup,
} from '~/services/payments/cards/saved-cards.server'
import { requireRole } from '~/http/auth.server'
import { stripeOrSandbox } from '~/services/payments/cards/sandbox-money.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { refusalReply } from '~/http/form-error.server'
import { safeRedirect } from '~/utils/safe-redirect'
import { CardSection } from '~/components/ui/card-section'
import { FormAlert } from '~/components/ui/form-alert'
import { CardFields } from '~/components/payments/card-fields'
import { IntentButtonForm } from '~/components/ui/intent-button-form'
import { useZodForm } from '~/components/ui/use-zod-form'
import { CardCheckoutConstraint } from '~/components/ui/form-constraints/card-checkout'

export const meta: MetaFunction = () => [{ title: 'Card on file · Settings · MegiLance' }]

const PAGE = '/settings/billing/card'

/** Where the client came from (an invoice waiting for a card): they go back there once the card is saved. */
function returnPathOf(request: Request): string | null {
  const to = new URL(request.url).searchParams.get('redirectTo')
  return to ? safeRedirect(to, PAGE) : null
}

/** The card hourly invoices are charged to when the wallet balance does not cover them. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const url = new URL(request.url)
  const session = url.searchParams.get('session')
  if (url.searchParams.get('stripe') === 'saved' && session) {
    const outcome = await finishStripeCardSetup(user.id, session)
    return redirectWithToast(
      PAGE,
      outcome.ok ? { kind: 'success', message: 'Your card is saved.' } : { kind: 'error', message: outcome.message },
    )
  }
  return json({
    card: await describeCardOnFile(user.id),
    mode: stripeOrSandbox() ?? ('none' as const),
    returnTo: returnPathOf(request),
  })
}

const IntentSchema = /* @__PURE__ */ bareIntents('remove', 'stripe', 'save')

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const formData = await readFormData(request)
  const { intent } = parseIntent(formData, IntentSchema)
  if (intent === 'remove') {
    await forgetCard(user.id)
    return redirectWithToast(PAGE, {
      kind: 'success',
      message: 'The card is removed. Hourly invoices are now paid from your wallet only.',
    })
  }
  if (intent === 'stripe') {
    const started = await startStripeCardSetup(user)
    if (!started.ok) return redirectWithToast(PAGE, { kind: 'error', message: started.message })
    return redirect(started.redirectTo)
  }
  const submission = parseWithZod(formData, { schema: CardCheckoutSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await saveSandboxCard(user.id, submission.value)
  if (!outcome.ok) return json(refusalReply(submission, outcome), { status: outcome.field ? 400 : 409 })
  const returnTo = returnPathOf(request)
  return redirectWithToast(returnTo ?? PAGE, {
    kind: 'success',
    message: returnTo ? 'Your card is saved: your invoices can be paid with it now.' : 'Your card is saved.',
  })
}

export default function CardOnFile() {
  const { card, mode, returnTo } = useLoaderData<typeof loader>()
  return (
    <div className="page--narrow">
      {/* Inside the Settings layout, whose h1 is "Settings": this page's own title is an h2. */}
      <p>
        {returnTo ? (
          <Link to={returnTo}>← Back to your invoices</Link>
        ) : (
          <Link to="/settings/billing">← Billing &amp; tax</Link>
        )}
      </p>
      <h2>Card on file</h2>
      <p className="muted">
        Approved hourly invoices are paid from your wallet balance when it covers them, otherwise charged to this card.
        Only the last four digits are kept here.
      </p>
      <CardSection id="current-card-heading" title="Your card">
        {card ? (
          <Form method="post" className="form-stack">
            <p>
              {card.brand} ending {card.last4}, expires {card.expiry}
              {card.provider === 'sandbox' ? ' (test card)' : ''}.
            </p>
            <button type="submit" name="intent" value="remove" className="button button--secondary">
              Remove card
            </button>
          </Form>
        ) : (
          <p className="muted">No card saved.</p>
        )}
      </CardSection>
      {mode === 'stripe' ? (
        <CardSection id="stripe-card-heading" title={card ? 'Replace it' : 'Save a card'}>
          <p className="muted">
            You enter the card on Stripe’s page; Stripe keeps it and MegiLance can charge it for your invoices.
          </p>
          <IntentButtonForm intent="stripe" className="button button--primary">
            Save a card with Stripe
          </IntentButtonForm>
        </CardSection>
      ) : mode === 'sandbox' ? (
        <SandboxCardForm replacing={Boolean(card)} />
      ) : (
        <p className="muted">Cards cannot be saved here yet: invoices are paid from your wallet balance.</p>
      )}
    </div>
  )
}

function SandboxCardForm({ replacing }: { replacing: boolean }) {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(CardCheckoutConstraint, { id: 'save-card', lastResult })
  const declines = SAVES_THEN_DECLINES.replace(/(\d{4})(?=\d)/g, '$1 ')
  return (
    <section className="card" aria-labelledby="sandbox-card-heading">
      <h2 id="sandbox-card-heading">
        <span className="badge badge--blocked">Test mode</span> {replacing ? 'Replace it' : 'Save a card'}
      </h2>
      <p className="muted">
        No real card is charged: this site is in test mode and takes test cards only. 4242 4242 4242 4242 saves and is
        charged; {declines} saves but every charge to it is declined.
      </p>
      <Form method="post" {...getFormProps(form)} className="form-stack">
        <FormAlert errors={form.errors} />
        <CardFields fields={fields} />
        <button type="submit" name="intent" value="save" className="button button--primary">
          Save card
        </button>
      </Form>
    </section>
  )
}
