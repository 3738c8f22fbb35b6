import crypto from 'node:crypto'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { figureInBalances, minimumsInBalances, PayoutFeeTable } from '~/components/payouts/payout-fee-table'
import { PayoutReview } from '~/components/payouts/payout-review'
import { PayoutTable } from '~/components/payouts/payout-table'
import { CardSection } from '~/components/ui/card-section'
import { ApproximationNote } from '~/components/ui/stat'
import { Field, RadioGroup, SelectField } from '~/components/ui/field'
import { balancesOf } from '~/models/ledger.server'
import { listPayoutsOf } from '~/models/payouts.server'
import { payoutMethodsOf } from '~/services/payments/payouts/payout-methods.server'
import { PAYOUT_TABLE } from '~/services/payments/payouts/payout-fees'
import { payoutReviewOf, payoutRowOf } from '~/services/payments/payouts/payout-views'
import { PayoutRequestSchema } from '~/services/payments/payouts/payout-schemas'
import {
  payoutMinimumsIn,
  quoteForUser,
  requestPayout,
  type PayoutMinimums,
} from '~/services/payments/payouts/payouts.server'
import { payoutMethodUsable, sandboxMoney } from '~/services/payments/cards/sandbox-money.server'
import { requireRole, requireSession } from '~/http/auth.server'
import { approximatorFor } from '~/http/approximations.server'
import { currencyDigits, formatMoney } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { amountProblemMessage, readAmount } from '~/utils/money'
import { requireStepUp, stepUpState } from '~/http/step-up.server'
import { redirectWithToast } from '~/http/toast.server'
import { FormAlert } from '~/components/ui/form-alert'
import { PageHeader } from '~/components/ui/page-header'
import { useZodForm } from '~/components/ui/use-zod-form'
import { PayoutRequestConstraint } from '~/components/ui/form-constraints/payout-request'

export const meta: MetaFunction = () => [{ title: 'Payouts · MegiLance' }]

async function requireFreelancer(request: Request) {
  await requireRole(request, 'freelancer')
  return requireSession(request)
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireFreelancer(request)
  const userId = session.user.id
  const [methods, balances, payouts] = await Promise.all([
    payoutMethodsOf(userId),
    balancesOf('wallet', userId),
    listPayoutsOf(userId),
  ])
  // Back from confirming a second factor for a large payout, the form is filled in again.
  const query = new URL(request.url).searchParams
  const active = methods.filter((method) => method.status === 'active')
  const usable = active.filter((method) => payoutMethodUsable(method))
  const sandbox = sandboxMoney()
  const positive = balances.filter((balance) => balance.balanceMinor > 0)
  const approx = await approximatorFor(
    request,
    [...positive, ...payouts].map((row) => row.currency),
  )
  return json({
    methods: usable.map((method) => ({ id: method.id, label: method.label, rail: method.rail })),
    // Sandbox methods are not offered where sandbox money may not move; the page says why.
    methodsNote:
      usable.length < active.length && !sandbox.available
        ? `Not offered: ${active
            .filter((method) => !usable.includes(method))
            .map((method) => method.label)
            .join('; ')}. ${sandbox.reason}`
        : null,
    balances: positive.map((balance) => ({
      ...balance,
      approx: approx.of({ minor: balance.balanceMinor, currency: balance.currency }),
    })),
    minimums: await payoutMinimumsIn(positive.map((balance) => balance.currency)),
    prefill: {
      methodId: query.get('methodId') ?? undefined,
      currency: query.get('currency') ?? undefined,
      amount: query.get('amount') ?? undefined,
      speed: query.get('speed') ?? 'standard',
    },
    idempotencyKey: crypto.randomUUID(),
    payouts: payouts.map((payout) => ({
      ...payoutRowOf(payout),
      approx: approx.of({ minor: payout.amountMinor, currency: payout.currency }),
    })),
    approxNote: approx.note(),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireFreelancer(request)
  const submission = parseWithZod(await readFormData(request), { schema: PayoutRequestSchema })
  if (submission.status !== 'success') return json({ result: submission.reply(), review: null }, { status: 400 })
  const values = submission.value
  const reading = readAmount(values.amount, currencyDigits(values.currency))
  const fail = (field: string | null, message: string, status = 400) =>
    json(
      {
        result: field
          ? submission.reply({ fieldErrors: { [field]: [message] } })
          : submission.reply({ formErrors: [message] }),
        review: null,
      },
      { status },
    )
  if (!reading.ok) {
    const format = `Enter an amount in ${values.currency} with at most ${currencyDigits(values.currency)} decimals`
    return fail('amount', `${amountProblemMessage(reading.problem, values.currency, format)}.`)
  }
  const amountMinor = reading.minor
  const form = { methodId: values.methodId, currency: values.currency, amountMinor, speed: values.speed }
  const again = `/payouts?${new URLSearchParams({ methodId: values.methodId, currency: values.currency, amount: values.amount, speed: values.speed })}`

  if (values.intent === 'review') {
    const quoted = await quoteForUser(session.user.id, form)
    if (!quoted.ok) return fail(quoted.field, quoted.message)
    const { quote, method, crypto: inAsset } = quoted
    // Large payouts need a recent second factor; ask before the confirm button, not after it.
    const { confirmed, confirmHref } = stepUpState(session, again)
    const stepUpHref = quote.needsStepUp && !confirmed ? confirmHref : null
    const { intent: _intent, ...kept } = values
    return json({
      result: submission.reply(),
      review: payoutReviewOf({ quote, method, inAsset, values: kept, stepUpHref }),
    })
  }
  const quoted = await quoteForUser(session.user.id, form)
  if (quoted.ok && quoted.quote.needsStepUp) requireStepUp(request, session, again)
  const outcome = await requestPayout(session.user, { ...form, idempotencyKey: values.idempotencyKey })
  // The form's key was used for another payout (e.g. Back and a new amount): 409, nothing done.
  if (!outcome.ok)
    return outcome.reason === 'key-reused' ? fail(null, outcome.message, 409) : fail(outcome.field, outcome.message)
  const { payout } = outcome
  const receive = formatMoney(payout.amountMinor - payout.feeMinor, payout.currency)
  const message =
    payout.status === 'sent'
      ? `Payout sent${payout.sandbox ? ' (test mode)' : ''}: ${receive} to ${payout.destination}.`
      : payout.status === 'held'
        ? `Payout requested: ${receive} to ${payout.destination}. ${payout.statusReason} Our team looks at it before it leaves.`
        : `Payout requested: ${receive} to ${payout.destination}. It arrives ${PAYOUT_TABLE[payout.rail][payout.speed].arrival}.`
  return redirectWithToast('/payouts', { kind: payout.status === 'held' ? 'info' : 'success', message })
}

/** The speeds, with the instant fee's dollar minimum also in each other balance's currency at today's rate. */
function speedOptions(minimums: PayoutMinimums[]) {
  const inBalances = minimums.length ? ` (${figureInBalances(minimums, (minimum) => minimum.instantFeeMinor)})` : ''
  return (['standard', 'instant'] as const).map((speed) => ({
    value: speed,
    label: speed === 'standard' ? 'Standard — free' : `Instant — ${PAYOUT_TABLE.bank.instant.feePercent}% fee`,
    description:
      speed === 'standard'
        ? `Bank ${PAYOUT_TABLE.bank.standard.arrival}; crypto ${PAYOUT_TABLE.crypto.standard.arrival}.`
        : `At least $${PAYOUT_TABLE.bank.instant.minimumFeeMajor}${inBalances}. Bank ${PAYOUT_TABLE.bank.instant.arrival} where the bank supports it; crypto ${PAYOUT_TABLE.crypto.instant.arrival}.`,
  }))
}

export default function PayoutsPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const review = actionData?.review ?? null
  const [form, fields] = useZodForm(PayoutRequestConstraint, {
    id: 'payout-request',
    lastResult: actionData?.result,
    defaultValue: { ...data.prefill, currency: data.prefill.currency ?? data.balances[0]?.currency },
  })
  const canRequest = data.methods.length > 0 && data.balances.length > 0
  return (
    <>
      <PageHeader title="Payouts">
        <p className="muted">
          Move money from your <Link to="/wallet">wallet</Link> to your bank or a crypto wallet. You see the fee, what
          arrives and when before you confirm. <Link to="/payouts/methods">Manage payout methods</Link>
        </p>
      </PageHeader>
      <CardSection id="request-heading" title="Request a payout">
        {!data.methods.length ? (
          <p>
            First <Link to="/payouts/methods">add a payout method</Link>: a bank account or a crypto wallet.
          </p>
        ) : !data.balances.length ? (
          <p className="empty">
            Your wallet is empty. Released milestone payments arrive there. <Link to="/projects">Find work</Link>
          </p>
        ) : null}
        {data.methodsNote ? <p className="muted">{data.methodsNote}</p> : null}
        {canRequest ? (
          <Form method="post" {...getFormProps(form)} className="form-stack">
            <FormAlert errors={form.errors} />
            <input type="hidden" name="idempotencyKey" value={review?.values.idempotencyKey ?? data.idempotencyKey} />
            <SelectField
              label="Pay out to"
              meta={fields.methodId}
              options={data.methods.map((method) => ({ value: method.id, label: method.label }))}
            />
            <SelectField
              label="From balance"
              meta={fields.currency}
              options={data.balances.map((balance) => ({
                value: balance.currency,
                label: `${balance.currency} — ${formatMoney(balance.balanceMinor, balance.currency)} available${
                  balance.approx ? ` (${balance.approx.text})` : ''
                }`,
              }))}
            />
            <Field
              label="Amount"
              meta={fields.amount}
              inputMode="decimal"
              hint={`In the balance’s currency. Minimum $10 to a bank, $20 to a crypto wallet${
                data.minimums.length ? `; ${minimumsInBalances(data.minimums)}` : ''
              }.`}
            />
            <RadioGroup legend="Speed" meta={fields.speed} options={speedOptions(data.minimums)} />
            <button type="submit" name="intent" value="review" className="button button--secondary">
              Review payout
            </button>
          </Form>
        ) : null}
      </CardSection>
      {review ? <PayoutReview review={review} /> : null}
      <CardSection id="history-heading" title="Your payouts">
        <PayoutTable rows={data.payouts} />
        <ApproximationNote note={data.approxNote} />
      </CardSection>
      <CardSection id="fees-heading" title="Fees and timing">
        <PayoutFeeTable minimums={data.minimums} />
        <p className="muted">
          Standard payouts wait up to 10 minutes before they leave, so our team can stop one that looks wrong. Payouts
          of $1,000 or more
          {data.minimums.length ? ` (${figureInBalances(data.minimums, (minimum) => minimum.largeMinor)})` : ''} ask you
          to confirm it is you first. Payouts to a method added within a day after a change to your second factors wait
          for our team to review them. A payout that fails or is cancelled comes back to your wallet in full, fee
          included.
        </p>
      </CardSection>
    </>
  )
}
