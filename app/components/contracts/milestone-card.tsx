import { getFormProps } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { CryptoChoiceForm, type CryptoChoiceOption } from '~/components/payments/crypto-choice-form'
import { RadioGroup, TextareaField } from '~/components/ui/field'
import type { MilestoneStatus } from '~/domain/enums'
import type { MilestoneAction } from '~/services/marketplace/milestone-rules'
import { formatDate, formatDateTime, formatMoney } from '~/utils/format'
import { useZodForm, type FormReply } from '~/components/ui/use-zod-form'
import { FundMilestoneConstraint } from '~/components/ui/form-constraints/fund-milestone'
import { RequestChangesConstraint } from '~/components/ui/form-constraints/request-changes'
import { SubmitWorkConstraint } from '~/components/ui/form-constraints/submit-work'
import { FormAlert } from '~/components/ui/form-alert'
import { PaidBreakdown, type PaidMilestone } from './paid-breakdown'

export type MilestoneView = {
  id: string
  position: number
  title: string
  amountMinor: number
  fee: {
    percent: number
    feeMinor: number
    netMinor: number
    tax?: { kind: string; label: string; taxMinor: number; revenueMinor: number } | null
  }
  /** Set once the milestone is released: the ledger's split of it. */
  paid: PaidMilestone | null
  dueDate: string | null
  status: MilestoneStatus
  statusLabel: string
  submissionNote: string | null
  changesRequest: string | null
  autoApprovesAt: string | null
  inDispute: boolean
  /** The milestone's latest dispute, running or decided: its card links to the case. */
  dispute: { id: string; decided: boolean } | null
  actions: MilestoneAction[]
  canDispute: boolean
}

// Tones: not funded yet is neutral, money held or work under way is info, paid out is success.
const STATUS_BADGES: Partial<Record<MilestoneStatus, string>> = {
  funded: ' badge--stored',
  submitted: ' badge--stored',
  approved: ' badge--stored',
  released: ' badge--sent',
  refunded: ' badge--failed',
  changes_requested: ' badge--blocked',
}

/** Who takes card payments: the built-in sandbox, or Stripe's hosted Checkout page. */
type CardProvider = 'sandbox' | 'stripe'

/** How a milestone can be paid here: `card` null means no card path; `note` says why something is not offered. */
export type FundingPaths = { card: CardProvider | null; cryptoChoices: CryptoChoiceOption[]; note: string | null }

/**
 * One milestone of a contract page, with the forms its reader may send now. A contract page runs to
 * several screens on a phone, so each form's refusal opens the page at its error summary (`long`).
 */
export function MilestoneCard({
  milestone,
  contractId,
  currency,
  walletMinor,
  paths,
  last,
}: {
  milestone: MilestoneView
  contractId: string
  currency: string
  walletMinor: number
  paths: FundingPaths
  last?: FormReply
}) {
  const money = (minor: number) => formatMoney(minor, currency)
  const headingId = `milestone-${milestone.id}-heading`
  return (
    <article className="card milestone" aria-labelledby={headingId}>
      <header className="milestone__header">
        <h3 id={headingId}>
          {milestone.position}. {milestone.title}
        </h3>
        <p className="milestone__amount">{money(milestone.amountMinor)}</p>
        <p>
          <span className={`badge badge--plain${STATUS_BADGES[milestone.status] ?? ''}`}>{milestone.statusLabel}</span>
          {milestone.inDispute ? <span className="badge badge--blocked">In dispute</span> : null}
          {milestone.dueDate ? <span className="muted"> · due {formatDate(milestone.dueDate)}</span> : null}
        </p>
      </header>
      {milestone.submissionNote &&
      ['submitted', 'changes_requested', 'approved', 'released'].includes(milestone.status) ? (
        <p>
          <strong>Delivered:</strong> {milestone.submissionNote}
        </p>
      ) : null}
      {milestone.paid ? <PaidBreakdown paid={milestone.paid} currency={currency} title={milestone.title} /> : null}
      {milestone.inDispute && milestone.dispute ? (
        <p>
          In dispute: the money stays in escrow and nothing is approved or paid automatically until an admin decides.{' '}
          <Link to={`/disputes/${milestone.dispute.id}`}>See the dispute and its deadline</Link>
        </p>
      ) : milestone.dispute?.decided ? (
        <p>
          <Link to={`/disputes/${milestone.dispute.id}`}>Read the dispute decision</Link>
        </p>
      ) : null}
      {milestone.changesRequest ? (
        <p>
          <strong>Changes asked for:</strong> {milestone.changesRequest}
        </p>
      ) : null}
      {milestone.autoApprovesAt ? (
        <p className="muted">
          Approved and paid automatically on {formatDateTime(milestone.autoApprovesAt)} unless the client asks for
          changes first.
        </p>
      ) : null}
      {milestone.status === 'funded' && !milestone.actions.length && milestone.canDispute ? (
        // The client who just funded (only they, on a live contract, neither submit nor are in a dispute here)
        // had only "Open a dispute" here: say what happens next instead.
        <p className="muted">
          Waiting for the freelancer to deliver. Once they submit the work, you approve it or ask for changes.
        </p>
      ) : null}
      <div className="milestone__actions">
        {milestone.actions.includes('fund') ? (
          <FundForm
            milestone={milestone}
            currency={currency}
            walletMinor={walletMinor}
            cardProvider={paths.card}
            last={last}
          />
        ) : null}
        {milestone.actions.includes('fund') && paths.cryptoChoices.length ? (
          <section aria-label={`Pay for “${milestone.title}” with crypto`}>
            <p className="muted">Or pay in crypto: the amount is locked at today’s rate for 30 minutes.</p>
            <CryptoChoiceForm
              action={`/contracts/${contractId}/milestones/${milestone.id}/crypto`}
              formId={`crypto-${milestone.id}`}
              choices={paths.cryptoChoices}
            />
          </section>
        ) : null}
        {milestone.actions.includes('fund') && paths.note ? <p className="muted">{paths.note}</p> : null}
        {milestone.actions.includes('submit') ? (
          <SubmitForm milestone={milestone} currency={currency} last={last} />
        ) : null}
        {milestone.actions.includes('approve') ? (
          <Form method="post" className="form-stack">
            <input type="hidden" name="milestoneId" value={milestone.id} />
            <p className="muted">
              Approving releases {money(milestone.amountMinor)} from escrow: the freelancer receives{' '}
              {money(milestone.fee.netMinor)} after the {milestone.fee.percent}% platform fee.
              <FeeTaxNote tax={milestone.fee.tax} currency={currency} />
            </p>
            <button type="submit" name="intent" value="approve" className="button button--primary">
              Approve and release {money(milestone.amountMinor)}
            </button>
          </Form>
        ) : null}
        {milestone.actions.includes('request_changes') ? (
          <RequestChangesForm milestone={milestone} last={last} />
        ) : null}
        {milestone.canDispute ? (
          <p>
            <Link to={`/contracts/${contractId}/milestones/${milestone.id}/dispute`}>
              Open a dispute about this milestone
            </Link>
          </p>
        ) : null}
      </div>
    </article>
  )
}

function FundForm({
  milestone,
  currency,
  walletMinor,
  cardProvider,
  last,
}: {
  milestone: MilestoneView
  currency: string
  walletMinor: number
  cardProvider: CardProvider | null
  last?: FormReply
}) {
  const money = (minor: number) => formatMoney(minor, currency)
  const [form, fields] = useZodForm(FundMilestoneConstraint, {
    id: `fund-${milestone.id}`,
    last,
    defaultValue: { method: cardProvider ? 'card' : 'wallet' },
  })
  const card = cardProvider
    ? [
        {
          value: 'card',
          label: 'Card',
          description:
            cardProvider === 'stripe'
              ? 'You will pay on Stripe’s secure page.'
              : 'On the next page (test mode: use 4242 4242 4242 4242).',
        },
      ]
    : []
  const options = [
    ...card,
    {
      value: 'wallet',
      label: 'Wallet balance',
      description:
        walletMinor >= milestone.amountMinor
          ? `You have ${money(walletMinor)}.`
          : `You have ${money(walletMinor)}, which is not enough.`,
    },
  ]
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <FormAlert form={form} long labels={{ method: 'Pay with' }} />
      <p className="muted">
        You pay {money(milestone.amountMinor)} into escrow now. It is released when you approve the work: the freelancer
        receives {money(milestone.fee.netMinor)} and MegiLance keeps the {milestone.fee.percent}% fee (
        {money(milestone.fee.feeMinor)}).
        <FeeTaxNote tax={milestone.fee.tax} currency={currency} />
      </p>
      <RadioGroup legend={`Pay for “${milestone.title}” with`} meta={fields.method} options={options} />
      <button type="submit" name="intent" value="fund" className="button button--primary">
        Fund {money(milestone.amountMinor)}
      </button>
    </Form>
  )
}

function SubmitForm({ milestone, currency, last }: { milestone: MilestoneView; currency: string; last?: FormReply }) {
  const [form, fields] = useZodForm(SubmitWorkConstraint, { id: `submit-${milestone.id}`, last })
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <FormAlert form={form} long labels={{ note: 'What you deliver' }} />
      <TextareaField
        label={`What you deliver for “${milestone.title}”`}
        meta={fields.note}
        rows={3}
        hint={`On approval you receive ${formatMoney(milestone.fee.netMinor, currency)} (${formatMoney(milestone.amountMinor, currency)} less the ${milestone.fee.percent}% fee).`}
      />
      <button type="submit" name="intent" value="submit" className="button button--primary">
        Submit work
      </button>
    </Form>
  )
}

function RequestChangesForm({ milestone, last }: { milestone: MilestoneView; last?: FormReply }) {
  const [form, fields] = useZodForm(RequestChangesConstraint, { id: `changes-${milestone.id}`, last })
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <FormAlert form={form} long labels={{ changes: 'What should change' }} />
      <TextareaField label={`What should change in “${milestone.title}”`} meta={fields.changes} rows={3} />
      <button type="submit" name="intent" value="request_changes" className="button button--secondary">
        Request changes
      </button>
    </Form>
  )
}

/** The tax inside the fee, added after the fee sentence: the fee itself never changes. */
function FeeTaxNote({ tax, currency }: { tax: MilestoneView['fee']['tax']; currency: string }) {
  if (!tax) return null
  if (tax.taxMinor > 0)
    return (
      <>
        {' '}
        The fee includes {formatMoney(tax.taxMinor, currency)} {tax.label}.
      </>
    )
  if (tax.kind === 'reverse_charge') return <> No VAT on the fee: {tax.label}.</>
  return null
}
