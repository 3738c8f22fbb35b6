import { bareIntents, parseIntent } from '~/http/intent.server'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { InvoiceTable, SaveCardLink } from '~/components/hourly/invoice-table'
import { TimeEntryList } from '~/components/hourly/time-entry-list'
import { CardSection } from '~/components/ui/card-section'
import { Field, TextareaField } from '~/components/ui/field'
import {
  formatDuration,
  INVOICE_REVIEW_DAYS,
  MAX_WEEKLY_LIMIT_HOURS,
  parseDuration,
  weekSoFarText,
} from '~/services/marketplace/hourly'
import {
  DisputeInvoiceSchema,
  LogTimeSchema,
  SendInvoiceSchema,
  WeeklyLimitSchema,
} from '~/services/marketplace/hourly-schemas'
import { noInvoicesYetText, whoInvoicesWeeks } from '~/services/marketplace/hourly-invoicing-words'
import {
  checkWeekToInvoice,
  clientWalletBalance,
  deleteTimeEntry,
  findContract,
  loadHoursPage,
  logTime,
  payInvoiceNow,
  reviewInvoice,
  sendWeeklyInvoice,
  setWeeklyLimit,
} from '~/services/marketplace/hourly.server'
import type { ChargeOutcome } from '~/services/payments/cards/invoice-charges.server'
import { requireUser } from '~/http/auth.server'
import { formatDate, formatMoney } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { refusalReply } from '~/http/form-error.server'
import { FormAlert } from '~/components/ui/form-alert'
import { refusalResponse, statusOf, answerDomainErrors } from '~/http/outcome-response.server'
import { PageHeader } from '~/components/ui/page-header'
import { useZodForm, type FormReply } from '~/components/ui/use-zod-form'
import { LogTimeConstraint } from '~/components/ui/form-constraints/log-time'
import { WeeklyLimitConstraint } from '~/components/ui/form-constraints/weekly-limit'
import { keepRetryAfter } from '~/http/retry-after-headers.server'
import { retryAfterHeaders } from '~/http/too-many-attempts.server'
import { Throttled } from '~/services/security/throttle.server'

export const meta: MetaFunction = () => [{ title: 'Hours and invoices · MegiLance' }]

export const headers = keepRetryAfter

/** The contract, when this user is on it (or an admin) and it is hourly; otherwise 404. */
async function requireHourlyContract(request: Request, contractId: string | undefined) {
  const user = await requireUser(request)
  const contract = contractId ? await findContract(contractId) : undefined
  const onIt = contract && (contract.clientId === user.id || contract.freelancerId === user.id || user.role === 'admin')
  if (!contract || !onIt || contract.type !== 'hourly') throw new Response('Not found', { status: 404 })
  return { user, contract }
}

export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const { user, contract } = await requireHourlyContract(request, params.contractId)
  return json({
    contract: {
      id: contract.id,
      title: contract.title,
      status: contract.status,
      currency: contract.currency,
      hourlyRateMinor: contract.hourlyRateMinor ?? 0,
      weeklyLimitHours: contract.weeklyLimitHours,
    },
    isFreelancer: user.id === contract.freelancerId,
    isClient: user.id === contract.clientId,
    ...(await loadHoursPage(contract)),
    // What an approval would be paid with: the client's own wallet, shown to the client only.
    clientWalletMinor: user.id === contract.clientId ? await clientWalletBalance(contract) : 0,
  })
})

/** The toast after an approval or "Pay now": what the charge did. */
function chargeToast(charge: ChargeOutcome | null, before: string, currency: string) {
  if (charge?.kind === 'paid') {
    const from = charge.source === 'card' ? 'charged to your card' : 'paid from your wallet'
    return { kind: 'success' as const, message: `${before} ${formatMoney(charge.grossMinor, currency)} ${from}.` }
  }
  if (charge?.kind === 'declined') {
    return {
      kind: 'error' as const,
      message: `${before} The payment failed: ${charge.message} Save ${charge.cardTried ? 'another' : 'a'} card, then press “Pay now”.`,
    }
  }
  return { kind: 'success' as const, message: `${before} The payment is being processed.` }
}

/** A refused form's answer, addressed to that form: the page has several. */
function formReply(formId: string, reply: FormReply['reply'], status: number) {
  return json({ form: { formId, reply } satisfies FormReply }, { status })
}

const IntentSchema = /* @__PURE__ */ bareIntents(
  'log-time',
  'delete-entry',
  'send-invoice',
  'approve-invoice',
  'dispute-invoice',
  'pay-invoice',
  'set-limit',
)

export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const { user, contract } = await requireHourlyContract(request, params.contractId)
  const formData = await readFormData(request)
  const { intent } = parseIntent(formData, IntentSchema)
  const back = `/contracts/${contract.id}/hours`
  const asFreelancer = ['log-time', 'delete-entry', 'send-invoice'].includes(intent)
  if ((asFreelancer && user.id !== contract.freelancerId) || (!asFreelancer && user.id !== contract.clientId)) {
    throw new Response('Only the other side of this contract can do that.', { status: 403 })
  }

  if (intent === 'log-time') {
    const submission = parseWithZod(formData, { schema: LogTimeSchema })
    if (submission.status !== 'success') return formReply('log-time', submission.reply(), 400)
    const outcome = await logTime(contract, submission.value)
    if (!outcome.ok) return formReply('log-time', refusalReply(submission, outcome), statusOf(outcome))
    return redirectWithToast(back, {
      kind: 'success',
      message: `Logged ${formatDuration(parseDuration(submission.value.duration) ?? 0)} on ${formatDate(submission.value.workDate)}.`,
    })
  }
  if (intent === 'delete-entry') {
    const outcome = await deleteTimeEntry(contract, user.id, String(formData.get('entryId') ?? ''))
    if (!outcome.ok) throw refusalResponse(outcome)
    return redirectWithToast(back, { kind: 'success', message: 'The entry is deleted.' })
  }
  if (intent === 'send-invoice') {
    const submission = parseWithZod(formData, { schema: SendInvoiceSchema })
    if (submission.status !== 'success')
      throw new Response(submission.error?.weekStart?.[0] ?? 'Choose the week to invoice.', { status: 400 })
    const notOver = checkWeekToInvoice(submission.value.weekStart)
    if (notOver) throw new Response(notOver, { status: 400 })
    const invoice = await sendWeeklyInvoice(contract, submission.value.weekStart, user.id)
    if (!invoice) throw new Response('That week has no unbilled time or is already invoiced.', { status: 409 })
    return redirectWithToast(back, {
      kind: 'success',
      message: `Invoice sent: ${formatMoney(invoice.amountMinor, contract.currency)}.`,
    })
  }
  if (intent === 'approve-invoice' || intent === 'dispute-invoice') {
    const invoiceId = String(formData.get('invoiceId') ?? '')
    let decision: { kind: 'approve' } | { kind: 'dispute'; reason: string } = { kind: 'approve' }
    if (intent === 'dispute-invoice') {
      const submission = parseWithZod(formData, { schema: DisputeInvoiceSchema })
      // The form again with its message and the reason as typed: nothing typed is lost.
      if (submission.status !== 'success') return formReply(`dispute-${invoiceId}`, submission.reply(), 400)
      decision = { kind: 'dispute', reason: submission.value.reason }
    }
    const outcome = await reviewInvoice(contract, invoiceId, user.id, decision)
    if (!outcome.ok) throw refusalResponse(outcome)
    if (decision.kind === 'approve')
      return redirectWithToast(back, chargeToast(outcome.charge, 'Invoice approved:', contract.currency))
    return redirectWithToast(back, {
      kind: 'success',
      message: 'Invoice disputed. An admin will look at it and decide; you will both see the decision.',
    })
  }
  if (intent === 'pay-invoice') {
    const outcome = await payInvoiceNow(contract, String(formData.get('invoiceId') ?? ''))
    if (!outcome.ok) throw refusalResponse(outcome)
    return redirectWithToast(back, chargeToast(outcome.charge, 'Invoice:', contract.currency))
  }
  if (intent === 'set-limit') {
    const submission = parseWithZod(formData, { schema: WeeklyLimitSchema })
    if (submission.status !== 'success') return formReply('weekly-limit', submission.reply(), 400)
    let outcome: Awaited<ReturnType<typeof setWeeklyLimit>>
    try {
      outcome = await setWeeklyLimit(contract, user.id, submission.value.hours)
    } catch (error) {
      if (!(error instanceof Throttled)) throw error
      // The form shows its messages at the hours field.
      const reply = submission.reply({ fieldErrors: { hours: [error.message] } })
      return json(
        { form: { formId: 'weekly-limit', reply } satisfies FormReply },
        {
          status: 429,
          headers: retryAfterHeaders(error),
        },
      )
    }
    if (!outcome.ok) throw refusalResponse(outcome)
    return redirectWithToast(back, {
      kind: 'success',
      message: `Weekly limit set to ${submission.value.hours} h from the week of ${formatDate(outcome.from ?? '')}.`,
    })
  }
})

export default function ContractHours() {
  const data = useLoaderData<typeof loader>()
  const { contract } = data
  const last = useActionData<typeof action>()?.form
  // Errors stay until the next submit (the server validates): the button stays under the next click.
  const [form, fields] = useZodForm(LogTimeConstraint, {
    id: 'log-time',
    last,
    defaultValue: { workDate: data.today },
  })
  const { limit } = data
  const reader = data.isFreelancer ? 'freelancer' : data.isClient ? 'client' : 'admin'
  const limitSection = (
    <CardSection id="limit-heading" title="Weekly limit">
      <p>
        This week: {weekSoFarText(data.loggedThisWeek, limit.thisWeek)}
        {limit.change ? ` From the week of ${formatDate(limit.change.from)}: ${limit.change.hours} h a week.` : ''}
      </p>
      {data.isClient && contract.status === 'active' ? (
        <WeeklyLimitForm current={limit.change?.hours ?? limit.thisWeek} last={last} />
      ) : null}
      {data.isClient ? (
        <p className="muted">
          {data.cardOnFile ? (
            <>
              Card on file: {data.cardOnFile} (<SaveCardLink>change</SaveCardLink>).
            </>
          ) : (
            <>
              Card on file: none. <SaveCardLink /> so that approved invoices can be paid when your wallet does not cover
              them.
            </>
          )}
        </p>
      ) : null}
    </CardSection>
  )
  const logTimeSection =
    data.isFreelancer && contract.status === 'active' && !data.pause ? (
      <CardSection id="log-time-heading" title="Log time">
        <Form method="post" {...getFormProps(form)} className="form-stack">
          <FormAlert errors={form.errors} />
          <div className="field-row">
            <Field label="Day" type="date" meta={fields.workDate} min={data.earliestDay} max={data.today} />
            <Field label="Time worked" meta={fields.duration} hint="For example 1:30, 1.5 or 45m" />
          </div>
          <TextareaField label="Memo" meta={fields.memo} rows={2} hint="What you worked on; the client sees it." />
          <button type="submit" name="intent" value="log-time" className="button button--primary">
            Log time
          </button>
        </Form>
        {data.weeksToInvoice.length ? (
          <div className="form-stack" id="weeks-to-invoice">
            {data.weeksToInvoice.map((week) => (
              <Form method="post" key={week}>
                <input type="hidden" name="weekStart" value={week} />
                <button
                  type="submit"
                  name="intent"
                  value="send-invoice"
                  className="button button--secondary button--wrap"
                >
                  Send invoice for week of {formatDate(week)}
                </button>
              </Form>
            ))}
          </div>
        ) : null}
      </CardSection>
    ) : null
  const invoicesSection = (
    <CardSection id="invoices-heading" title="Invoices">
      <InvoiceTable
        invoices={data.invoices}
        currency={contract.currency}
        canReview={data.isClient}
        payment={{ walletMinor: data.clientWalletMinor, card: data.cardOnFile }}
        last={last}
        emptyText={noInvoicesYetText(data.autoInvoicing, reader)}
      />
    </CardSection>
  )
  return (
    <>
      <PageHeader back={{ to: `/contracts/${contract.id}`, label: contract.title }} title="Hours and invoices">
        <p className="muted">
          {formatMoney(contract.hourlyRateMinor, contract.currency)} an hour.{' '}
          {whoInvoicesWeeks(data.autoInvoicing, reader)}; {data.isClient ? 'you have' : 'the client has'}{' '}
          {INVOICE_REVIEW_DAYS} days to approve or dispute, then {data.isClient ? 'are' : 'is'} charged (wallet first,
          then the card on file). The freelancer receives the amount less the {data.feePercent}% platform fee.
        </p>
      </PageHeader>
      {data.pause ? (
        <p className="form-alert" role="alert">
          This contract is paused: {data.pause.reason}
        </p>
      ) : null}
      {/* What this person does here comes first: the freelancer logs time, the client reviews invoices. */}
      {logTimeSection}
      {data.isClient ? invoicesSection : null}
      {limitSection}
      {data.isClient ? null : invoicesSection}
      <CardSection id="entries-heading" title="Logged time">
        <TimeEntryList entries={data.entries} canEdit={data.isFreelancer && contract.status === 'active'} />
      </CardSection>
    </>
  )
}

function WeeklyLimitForm({ current, last }: { current: number | null; last?: FormReply }) {
  const [form, fields] = useZodForm(WeeklyLimitConstraint, {
    id: 'weekly-limit',
    last,
    defaultValue: { hours: current === null ? '' : String(current) },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <Field
        label="Hours a week"
        meta={fields.hours}
        type="number"
        min={1}
        max={MAX_WEEKLY_LIMIT_HOURS}
        hint="Applies from next Monday; this week keeps its limit."
      />
      <button type="submit" name="intent" value="set-limit" className="button button--secondary">
        Set weekly limit
      </button>
    </Form>
  )
}
