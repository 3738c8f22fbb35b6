// Every server function this page's loader and action use comes from one module (see there why).
import {
  addMilestone,
  answerDomainErrors,
  approximatorFor,
  callGoingOn,
  contractMoneyFigures,
  endContract,
  fundingPaths,
  json,
  keepRetryAfter,
  loadContractPage,
  loadHourlyNextStep,
  parseIntent,
  performMilestoneAction,
  readFormData,
  redirectWithToast,
  requireContractParty,
  requireUser,
  retryAfterHeaders,
  Throttled,
} from '~/http/contract-page.server'
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { StartCallForm } from '~/components/call/start-call-form'
import { ActivityLog } from '~/components/contracts/activity-log'
import { ContractCalls } from '~/components/call/contract-calls'
import { AddMilestoneForm, EndContractForm } from '~/components/contracts/contract-forms'
import { MilestoneCard } from '~/components/contracts/milestone-card'
import type { FormReply } from '~/components/ui/use-zod-form'
import { CardSection } from '~/components/ui/card-section'
import { PageHeader } from '~/components/ui/page-header'
import { BlockedPartyNotice } from '~/components/contracts/blocked-party-notice'
import { ApproximationNote, Stat } from '~/components/ui/stat'
import {
  AddMilestoneSchema,
  EndContractSchema,
  FundMilestoneSchema,
  RequestChangesSchema,
  SubmitWorkSchema,
  ContractPageIntentSchema,
} from '~/services/marketplace/contract-schemas'
import { formatDate, formatMoney } from '~/utils/format'
import { HourlyNextStepCard } from '~/components/hourly/next-step'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.contract.title ?? 'Contract'} · MegiLance` },
]

export const headers = keepRetryAfter

export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const { contract, side } = await requireContractParty(user, params.contractId)
  const page = await loadContractPage(contract, side)
  const approx = await approximatorFor(request, [contract.currency])
  const moneyStats = contractMoneyFigures(contract.currency, page, approx)
  return json({
    side,
    contract: {
      id: contract.id,
      projectId: contract.projectId,
      title: contract.title,
      type: contract.type,
      status: contract.status,
      currency: contract.currency,
      hourlyRateMinor: contract.hourlyRateMinor,
      createdAt: contract.createdAt,
      endedAt: contract.endedAt,
      endReason: contract.endReason,
    },
    ...page,
    moneyStats,
    approxNote: approx.note(),
    hourlyNext: await loadHourlyNextStep(contract, side),
    paths: fundingPaths(),
    callOngoing: side === 'admin' ? false : await callGoingOn({ contractId: contract.id }),
  })
})

const MILESTONE_FORMS = {
  fund: { schema: FundMilestoneSchema, formId: 'fund' },
  submit: { schema: SubmitWorkSchema, formId: 'submit' },
  request_changes: { schema: RequestChangesSchema, formId: 'changes' },
  approve: { schema: null, formId: 'approve' },
} as const

export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request)
  const { contract, side } = await requireContractParty(user, params.contractId)
  if (side === 'admin') throw new Response('Admins read contracts; only its two sides act on it.', { status: 403 })
  const formData = await readFormData(request)
  const { intent } = parseIntent(formData, ContractPageIntentSchema)
  const back = `/contracts/${contract.id}`
  const conflict = (message: string) => json({ conflict: message }, { status: 409 })

  if (intent in MILESTONE_FORMS) {
    const action = intent as keyof typeof MILESTONE_FORMS
    const milestoneId = String(formData.get('milestoneId') ?? '')
    const { schema, formId } = MILESTONE_FORMS[action]
    let input = {}
    if (schema) {
      const submission = parseWithZod(formData, { schema })
      if (submission.status !== 'success')
        return json({ form: { formId: `${formId}-${milestoneId}`, reply: submission.reply() } }, { status: 400 })
      input = submission.value
    }
    const outcome = await performMilestoneAction(user, contract, side, milestoneId, action, input)
    // 502: the card provider (Stripe) could not start the payment; anything else is a conflict.
    if (!outcome.ok)
      return json({ conflict: outcome.message }, { status: outcome.reason === 'provider-failed' ? 502 : 409 })
    if (outcome.redirectTo) return redirect(outcome.redirectTo)
    return redirectWithToast(back, { kind: 'success', message: outcome.message })
  }

  if (intent === 'add-milestone') {
    if (side !== 'client') throw new Response('Only the client adds milestones.', { status: 403 })
    const submission = parseWithZod(formData, { schema: AddMilestoneSchema })
    if (submission.status !== 'success')
      return json({ form: { formId: 'add-milestone', reply: submission.reply() } }, { status: 400 })
    let outcome: Awaited<ReturnType<typeof addMilestone>>
    try {
      outcome = await addMilestone(user, contract, submission.value)
    } catch (error) {
      if (!(error instanceof Throttled)) throw error
      const reply = submission.reply({ formErrors: [error.message] })
      return json({ form: { formId: 'add-milestone', reply } }, { status: 429, headers: retryAfterHeaders(error) })
    }
    if (!outcome.ok && outcome.reason === 'invalid') {
      const reply = submission.reply({ fieldErrors: { [outcome.field ?? 'amount']: [outcome.message] } })
      return json({ form: { formId: 'add-milestone', reply } }, { status: 400 })
    }
    if (!outcome.ok) return conflict(outcome.message)
    return redirectWithToast(back, { kind: 'success', message: outcome.message })
  }

  if (intent === 'end-contract') {
    const submission = parseWithZod(formData, { schema: EndContractSchema })
    if (submission.status !== 'success')
      return json({ form: { formId: 'end-contract', reply: submission.reply() } }, { status: 400 })
    const outcome = await endContract(user, contract, submission.value.reason)
    if (!outcome.ok) return conflict(outcome.message)
    return redirectWithToast(back, { kind: 'success', message: outcome.message })
  }
})

export default function ContractPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const last = actionData && 'form' in actionData ? (actionData.form as FormReply) : undefined
  const { contract } = data
  const money = (minor: number) => formatMoney(minor, contract.currency)
  const active = contract.status === 'active'
  const refundable = data.milestones
    .filter((milestone) => milestone.status === 'funded')
    .reduce((sum, milestone) => sum + milestone.amountMinor, 0)
  return (
    <>
      <PageHeader
        // An admin has no contract list of their own: they arrive from the ledger, payments or a dispute.
        back={data.side === 'admin' ? { to: '/admin', label: 'Admin home' } : { to: '/contracts', label: 'Contracts' }}
        title={contract.title}
      >
        <p className="muted">
          {contract.type === 'fixed' ? 'Fixed price' : `Hourly, ${money(contract.hourlyRateMinor ?? 0)} an hour`} ·
          client <Link to={`/clients/${data.client.id}`}>{data.client.name}</Link> · freelancer{' '}
          <Link to={`/freelancers/${data.freelancer.id}`}>{data.freelancer.name}</Link> · started{' '}
          {formatDate(contract.createdAt)}
        </p>
        <p>
          <span className={`badge ${active ? 'badge--open' : 'badge--stored'}`}>{active ? 'Active' : 'Ended'}</span>
          {contract.endedAt ? (
            <span className="muted">
              {' '}
              on {formatDate(contract.endedAt)}: {contract.endReason}
            </span>
          ) : null}
        </p>
        <nav aria-label="Contract" className="page-links">
          {data.side !== 'admin' ? <Link to={`/messages/for/contract/${contract.id}`}>Messages</Link> : null}
          {data.side !== 'admin' && active ? (
            <Link to={`/meetings/new?contract=${contract.id}`}>Schedule a meeting</Link>
          ) : null}
          {contract.type === 'hourly' ? <Link to={`/contracts/${contract.id}/hours`}>Hours and invoices</Link> : null}
          {data.side !== 'admin' ? (
            <Link to={`/contracts/${contract.id}/review`}>{reviewsLinkText(data.reviews)}</Link>
          ) : null}
          <Link to={`/projects/${contract.projectId}`}>Project</Link>
        </nav>
        {data.side !== 'admin' && (active || data.callOngoing) ? (
          <StartCallForm field="contractId" value={contract.id} ongoing={data.callOngoing} />
        ) : null}
      </PageHeader>

      {data.blockedNotice ? <BlockedPartyNotice notice={data.blockedNotice} /> : null}

      {data.hourlyNext ? (
        <HourlyNextStepCard step={data.hourlyNext} contractId={contract.id} currency={contract.currency} />
      ) : null}

      {data.allPaid && data.side !== 'admin' ? (
        <EndContractForm last={last} refundNote={null} allPaid side={data.side} />
      ) : null}

      {actionData && 'conflict' in actionData ? (
        <p className="form-alert" role="alert">
          {String(actionData.conflict)}
        </p>
      ) : null}

      {contract.type === 'fixed' ? (
        <>
          <section aria-label="Money on this contract">
            <dl className="stats">
              {data.moneyStats.map((stat) => (
                <Stat key={stat.label} {...stat} />
              ))}
            </dl>
            <ApproximationNote note={data.approxNote} />
          </section>
          <section aria-labelledby="milestones-heading">
            <h2 id="milestones-heading">Milestones</h2>
            {data.milestones.length ? (
              data.milestones.map((milestone) => (
                <MilestoneCard
                  key={milestone.id}
                  milestone={milestone}
                  contractId={contract.id}
                  currency={contract.currency}
                  walletMinor={data.walletMinor}
                  paths={data.paths}
                  last={last}
                />
              ))
            ) : (
              <p className="muted">
                No milestones yet.{data.side === 'client' ? ' Add the first one below.' : ' The client adds them.'}
              </p>
            )}
          </section>
          {active && data.side === 'client' ? (
            <AddMilestoneForm currency={contract.currency} feePercent={data.feePercent} last={last} />
          ) : null}
        </>
      ) : null}

      {active && !data.allPaid && data.side !== 'admin' ? (
        <EndContractForm
          allPaid={false}
          side={data.side}
          last={last}
          refundNote={
            refundable > 0
              ? `${money(refundable)} in escrow for milestones without submitted work goes back to the client’s wallet.`
              : null
          }
        />
      ) : null}

      {data.side !== 'admin' ? (
        <CardSection id="calls-heading" title="Calls">
          <ContractCalls calls={data.calls} />
        </CardSection>
      ) : null}

      <CardSection id="activity-heading" title="Activity">
        <ActivityLog activity={data.activity} />
      </CardSection>
    </>
  )
}

/** The menu says when reviews can be written, so nobody waits for a window that is not open. */
function reviewsLinkText(reviews: { window: 'not_ended' | 'open' | 'closed'; closesAt: string | null }): string {
  if (reviews.window === 'not_ended') return 'Reviews (open when the contract ends)'
  if (reviews.window === 'open') return `Reviews (open until ${formatDate(reviews.closesAt ?? new Date())})`
  return 'Reviews (closed)'
}
