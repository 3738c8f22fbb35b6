import { parseWithZod } from '@conform-to/zod/v4'
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import type * as z from 'zod'
import { AddMilestoneForm, EndContractForm } from '~/components/contracts/contract-forms'
import { MilestoneCard, type MilestoneView } from '~/components/contracts/milestone-card'
import { InvoiceTable, type InvoiceRow } from '~/components/hourly/invoice-table'
import { BlockForm, DisputeHoldForm, PayoutHoldForm, WorkflowForm } from '~/components/fraud/alert-forms'
import type { FormReply } from '~/components/ui/use-zod-form'
import DisputePage from '~/routes/_portal.disputes.$disputeId'
import OpenDispute from '~/routes/_portal.contracts_.$contractId.milestones.$milestoneId.dispute'
import ReviewPage from '~/routes/_portal.contracts_.$contractId.review'
import { reviewSchema } from '~/services/marketplace/review-schemas'
import {
  AlertBlockSchema,
  AlertDisputeHoldSchema,
  AlertPayoutSchema,
  AlertWorkflowSchema,
} from '~/services/fraud/desk-schemas'
import {
  AddMilestoneSchema,
  EndContractSchema,
  FundMilestoneSchema,
  RequestChangesSchema,
  SubmitWorkSchema,
} from '~/services/marketplace/contract-schemas'
import { DecideDisputeSchema, OpenDisputeSchema, RespondDisputeSchema } from '~/services/marketplace/dispute-schemas'
import { DisputeInvoiceSchema } from '~/services/marketplace/hourly-schemas'

/**
 * The forms wired to the error summary last (GOV.UK pattern, components/ui/form-alert.tsx): a
 * contract's milestone cards and own forms, the dispute pages and the fraud desk's alert forms. Each
 * sits a screen or more down its page, so one refused field opens the page at the form's summary:
 * "There is a problem", a link per refused field to that field, focused on load (autofocus) — and
 * the value typed stays in the field. Rendered as the server renders them, from the action's real
 * reply (conform's submission.reply() of the same schema).
 */

let loaderData: unknown
let actionData: unknown
vi.mock('@remix-run/react', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  Form: ({ children, ...props }: { children?: ReactNode }) => <form {...props}>{children}</form>,
  Link: ({ to, children }: { to: string; children?: ReactNode }) => <a href={to}>{children}</a>,
  useLoaderData: () => loaderData,
  useActionData: () => actionData,
}))

function refusal(schema: z.ZodType, fields: Record<string, string>, fieldErrors?: Record<string, string[]>) {
  const formData = new FormData()
  for (const [name, value] of Object.entries(fields)) formData.set(name, value)
  const submission = parseWithZod(formData, { schema })
  if (fieldErrors) return submission.reply({ fieldErrors })
  expect(submission.status).toBe('error')
  return submission.reply()
}

/** The summary's links as [href, text], or null when the form shows none. */
function summaryOf(html: string): { links: string[][]; autofocus: boolean } | null {
  const summary = /<div role="alert" class="form-alert form-alert--summary"[^>]*>(.*?)<\/div>/s.exec(html)
  if (!summary) return null
  expect(summary[1]).toContain('There is a problem')
  return {
    links: [...summary[1]!.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map(([, href, text]) => [href!, text!]),
    autofocus: /autofocus=""/.test(summary[0]),
  }
}

/** Each link's target is an element of the page: the field it names. */
function expectTargets(html: string, links: string[][]) {
  for (const [href] of links) expect(html).toContain(`id="${decodeURIComponent(href!.slice(1))}"`)
}

const milestone: MilestoneView = {
  id: 'm1',
  position: 1,
  title: 'Design',
  amountMinor: 50_000,
  fee: { percent: 10, feeMinor: 5_000, netMinor: 45_000 },
  paid: null,
  dueDate: null,
  status: 'funded',
  statusLabel: 'Funded — in escrow',
  submissionNote: null,
  changesRequest: null,
  autoApprovesAt: null,
  inDispute: false,
  dispute: null,
  actions: [],
  canDispute: false,
}

function card(actions: MilestoneView['actions'], last: FormReply) {
  return renderToStaticMarkup(
    <MilestoneCard
      milestone={{ ...milestone, actions }}
      contractId="c1"
      currency="USD"
      walletMinor={0}
      paths={{ card: 'sandbox', cryptoChoices: [], note: null }}
      last={last}
    />,
  )
}

describe('a contract page’s forms', () => {
  it('a refused delivery note opens at the milestone’s summary, which links to the note as typed', () => {
    const reply = refusal(SubmitWorkSchema, { note: 'Done' })
    const html = card(['submit'], { formId: 'submit-m1', reply })
    const summary = summaryOf(html)
    expect(summary?.autofocus).toBe(true)
    expect(summary?.links).toEqual([
      ['#submit-m1-note', expect.stringMatching(/^What you deliver: Say what you are delivering/)],
    ])
    expectTargets(html, summary!.links)
    expect(html).toMatch(/<textarea[^>]*id="submit-m1-note"[^>]*>Done<\/textarea>/)
  })

  it('a refused change request and a refused payment method each open at their own summary', () => {
    const changes = card(['request_changes'], {
      formId: 'changes-m1',
      reply: refusal(RequestChangesSchema, { changes: 'No' }),
    })
    expect(summaryOf(changes)?.links).toEqual([['#changes-m1-changes', expect.stringMatching(/^What should change: /)]])
    expectTargets(changes, summaryOf(changes)!.links)
    expect(changes).toMatch(/<textarea[^>]*>No<\/textarea>/)

    const fund = card(['fund'], { formId: 'fund-m1', reply: refusal(FundMilestoneSchema, { method: 'cash' }) })
    expect(summaryOf(fund)?.links).toEqual([['#fund-m1-method', 'Pay with: Choose how to pay.']])
    expectTargets(fund, summaryOf(fund)!.links)
  })

  it('another form’s reply leaves a card as it was', () => {
    const reply = refusal(SubmitWorkSchema, { note: '' })
    expect(summaryOf(card(['submit'], { formId: 'submit-m2', reply }))).toBeNull()
  })

  it('ending the contract and adding a milestone open at their summaries', () => {
    const end = renderToStaticMarkup(
      <EndContractForm
        refundNote={null}
        allPaid={false}
        side="client"
        last={{ formId: 'end-contract', reply: refusal(EndContractSchema, { reason: 'x' }) }}
      />,
    )
    expect(summaryOf(end)?.links).toEqual([['#end-contract-reason', expect.stringMatching(/^Why the contract ends: /)]])
    expect(end).toMatch(/<textarea[^>]*>x<\/textarea>/)
    const add = renderToStaticMarkup(
      <AddMilestoneForm
        currency="USD"
        feePercent={10}
        last={{ formId: 'add-milestone', reply: refusal(AddMilestoneSchema, { title: 'Build', amount: 'lots' }) }}
      />,
    )
    const links = summaryOf(add)?.links ?? []
    expect(links.map(([href, text]) => [href, text!.split(':')[0]])).toEqual([
      ['#add-milestone-amount', 'Amount (USD)'],
    ])
    expectTargets(add, links)
    expect(add).toContain('value="lots"')
  })
})

const dispute = {
  id: 'd1',
  status: 'open',
  subject: 'Milestone “Design”',
  amountMinor: 50_000,
  currency: 'USD',
  openedByName: 'Clara',
  respondentName: 'Felix',
  reason: 'The design was never delivered.',
  evidence: '',
  evidenceFile: null,
  response: null,
  responseFile: null,
  respondedAt: null,
  responseDueAt: '2026-11-27T12:00:00.000Z',
  responseOverdue: false,
  payment: null,
  aboutInvoice: false,
  decisionLabel: null,
  freelancerShareMinor: null,
  decisionReason: null,
  decidedAt: null,
  createdAt: '2026-11-20T12:00:00.000Z',
}

describe('a contract page’s own refusals', () => {
  it('a milestone refused by the daily quota opens the page at the add-milestone form, the values kept', () => {
    const formData = new FormData()
    formData.set('title', 'Extra round')
    formData.set('amount', '250')
    const reply = parseWithZod(formData, { schema: AddMilestoneSchema }).reply({
      formErrors: ['You have added 100 milestones or weekly limits within 24 hours, the most one account may.'],
    })
    const html = renderToStaticMarkup(
      <AddMilestoneForm currency="USD" feePercent={10} last={{ formId: 'add-milestone', reply }} />,
    )
    expect(summaryOf(html)).toEqual({ links: [], autofocus: true })
    expect(html).toContain(
      '<li>You have added 100 milestones or weekly limits within 24 hours, the most one account may.</li>',
    )
    expect(html).toContain('value="Extra round"')
  })
})

describe('the dispute pages’ forms', () => {
  it('a refused response opens at its summary, with a link to the response as typed and to the file', () => {
    loaderData = { dispute, contract: { id: 'c1', title: 'Shop' }, canRespond: true, canDecide: false }
    actionData = refusal(RespondDisputeSchema, { response: 'It was.' })
    let html = renderToStaticMarkup(<DisputePage />)
    let summary = summaryOf(html)
    expect(summary?.autofocus).toBe(true)
    expect(summary?.links).toEqual([
      ['#respond-response', 'What happened, from your side: Give your side of what happened (at least 20 characters)'],
    ])
    expectTargets(html, summary!.links)
    expect(html).toMatch(/<textarea[^>]*>It was.<\/textarea>/)

    // A file too large is refused beside the file field, which the summary's link reaches.
    actionData = refusal(
      RespondDisputeSchema,
      { response: 'The design was delivered on time, see the file.' },
      { file: ['The file is larger than 10 MB.'] },
    )
    html = renderToStaticMarkup(<DisputePage />)
    summary = summaryOf(html)
    expect(summary?.links).toEqual([['#respond-file', 'Evidence file: The file is larger than 10 MB.']])
    expectTargets(html, summary!.links)
    expect(html).toMatch(/<input id="respond-file" type="file" name="file" aria-invalid="true"/)
  })

  it('an admin’s refused decision opens at its summary with each refused field', () => {
    loaderData = { dispute, contract: { id: 'c1', title: 'Shop' }, canRespond: false, canDecide: true }
    actionData = refusal(DecideDisputeSchema, { reason: 'Split it.' })
    const html = renderToStaticMarkup(<DisputePage />)
    const summary = summaryOf(html)
    expect(summary?.links.map(([href, text]) => [href, text!.split(':')[0]])).toEqual([
      ['#decide-decision', 'Decision'],
      ['#decide-reason', 'Reason both sides will read'],
    ])
    expectTargets(html, summary!.links)
    // Felix has not responded: the admin is told when his response is due and that a decision now hears one side only.
    expect(html).toContain(
      'Felix has until 27 Nov 2026 to give their side: deciding now settles the dispute on the claim alone.',
    )
    loaderData = { ...(loaderData as object), dispute: { ...dispute, responseOverdue: true } }
    expect(renderToStaticMarkup(<DisputePage />)).toContain(
      'Felix did not give their side by 27 Nov 2026: the claim and its evidence are all there is to decide on.',
    )
    loaderData = { ...(loaderData as object), dispute: { ...dispute, status: 'responded', response: 'It was done.' } }
    expect(renderToStaticMarkup(<DisputePage />)).not.toContain('to give their side')
  })

  it('opening a dispute: the file’s summary link reaches the file field', () => {
    loaderData = {
      contract: { id: 'c1', title: 'Shop' },
      milestone: { title: 'Design', amountMinor: 50_000, currency: 'USD' },
    }
    actionData = refusal(
      OpenDisputeSchema,
      { reason: 'short' },
      { reason: ['Say what went wrong (at least 20 characters)'], file: ['The file is larger than 10 MB.'] },
    )
    const html = renderToStaticMarkup(<OpenDispute />)
    const summary = summaryOf(html)
    expect(summary?.links.map(([href]) => href)).toEqual(['#open-dispute-reason', '#open-dispute-file'])
    expectTargets(html, summary!.links)
  })
})

describe('the fraud desk’s alert forms', () => {
  it('each refused form opens at its own summary, linking to the field as typed', () => {
    const workflow = renderToStaticMarkup(
      <WorkflowForm
        actions={['investigate']}
        admins={[{ id: 'a1', name: 'Ada' }]}
        assigneeId={null}
        result={{
          formId: 'workflow',
          reply: refusal(AlertWorkflowSchema, { intent: 'workflow', action: 'investigate', note: 'Hm' }),
        }}
      />,
    )
    expect(summaryOf(workflow)?.links).toEqual([['#workflow-note', 'Note: Write a note of at least 5 characters']])
    expectTargets(workflow, summaryOf(workflow)!.links)
    expect(workflow).toMatch(/<textarea[^>]*>Hm<\/textarea>/)

    const block = renderToStaticMarkup(
      <BlockForm
        account={{ id: 'u1', name: 'Tess' }}
        result={{ formId: 'block-u1', reply: refusal(AlertBlockSchema, { intent: 'block', userId: 'u1' }) }}
      />,
    )
    expect(summaryOf(block)?.links.map(([href, text]) => [href, text!.split(':')[0]])).toEqual([
      ['#block-u1-reason', 'Reason for blocking Tess'],
    ])
    expectTargets(block, summaryOf(block)!.links)

    const payout = renderToStaticMarkup(
      <PayoutHoldForm
        payout={{ id: 'p1', label: '$120' }}
        result={{
          formId: 'payout-p1',
          reply: refusal(AlertPayoutSchema, { intent: 'payout', payoutId: 'p1', decision: 'keep', note: '' }),
        }}
      />,
    )
    expect(summaryOf(payout)?.links.map(([href]) => href)).toEqual(['#payout-p1-note'])
    expectTargets(payout, summaryOf(payout)!.links)

    const hold = renderToStaticMarkup(
      <DisputeHoldForm
        milestones={[{ id: 'm1', label: 'Shop: Design, $500 (funded)' }]}
        result={{
          formId: 'dispute-hold',
          reply: refusal(AlertDisputeHoldSchema, { intent: 'dispute_hold', milestoneId: 'm1', note: 'Why' }),
        }}
      />,
    )
    expect(summaryOf(hold)?.links).toEqual([
      ['#dispute-hold-note', 'Reason for the hold: Write a note of at least 5 characters'],
    ])
    expectTargets(hold, summaryOf(hold)!.links)
    expect(hold).toMatch(/<textarea[^>]*>Why<\/textarea>/)
  })

  it('a refusal of the alert form itself (the alert moved on) opens the page at that form’s summary', () => {
    const formData = new FormData()
    formData.set('intent', 'block')
    formData.set('userId', 'u1')
    formData.set('reason', 'Card testing with stolen cards.')
    const reply = parseWithZod(formData, { schema: AlertBlockSchema }).reply({
      formErrors: ['Tess is already blocked.'],
    })
    const html = renderToStaticMarkup(
      <BlockForm account={{ id: 'u1', name: 'Tess' }} result={{ formId: 'block-u1', reply }} />,
    )
    expect(summaryOf(html)).toEqual({ links: [], autofocus: true })
    expect(html).toContain('<li>Tess is already blocked.</li>')
    expect(html.match(/Tess is already blocked\./g)).toHaveLength(1)
  })

  it('a reply to another alert form leaves this one without a summary', () => {
    const block = renderToStaticMarkup(
      <BlockForm
        account={{ id: 'u2', name: 'Tom' }}
        result={{ formId: 'block-u1', reply: refusal(AlertBlockSchema, { intent: 'block', userId: 'u1' }) }}
      />,
    )
    expect(summaryOf(block)).toBeNull()
  })
})

describe('an hourly contract’s invoice dispute', () => {
  const invoice = (id: string): InvoiceRow => ({
    id,
    weekStart: '2026-03-02',
    minutes: 600,
    amountMinor: 50_000,
    status: 'pending',
    reviewDueAt: '2026-03-16T00:00:00.000Z',
    disputeId: null,
    payableMinor: null,
    charge: null,
    chargeError: null,
  })
  const table = (last: FormReply) =>
    renderToStaticMarkup(
      <InvoiceTable
        invoices={[invoice('i1'), invoice('i2')]}
        currency="USD"
        canReview
        payment={{ walletMinor: 0, card: 'Visa ending 4242' }}
        last={last}
        emptyText="No invoices yet."
      />,
    )

  it('a refused reason opens the page at that invoice’s summary, which links to the reason as typed', () => {
    const html = table({
      formId: 'dispute-i2',
      reply: refusal(DisputeInvoiceSchema, { invoiceId: 'i2', reason: 'Too much' }),
    })
    const summary = summaryOf(html)
    expect(summary?.autofocus).toBe(true)
    expect(summary?.links).toEqual([
      [
        '#dispute-i2-reason',
        expect.stringMatching(/^What is wrong \(week of .+\): Say what is wrong with this invoice/),
      ],
    ])
    expectTargets(html, summary!.links)
    expect(html).toMatch(/<textarea[^>]*id="dispute-i2-reason"[^>]*>Too much<\/textarea>/)
    // Only the refused invoice's form has a summary.
    expect(html.match(/There is a problem/g)).toHaveLength(1)
  })
})

describe('the review form', () => {
  it('names each refused sub-rating by its label in the summary, as the field shows it', () => {
    loaderData = {
      contract: { id: 'c1', title: 'Landing page' },
      otherName: 'Felix Freelancer',
      direction: 'client_to_freelancer',
      window: 'open',
      closesAt: new Date('2026-12-20T00:00:00Z').toISOString(),
      canReview: true,
      mine: null,
      theirs: { state: 'none' },
    }
    actionData = refusal(reviewSchema('client_to_freelancer'), {
      rating: '5',
      comment: 'Delivered early and explained every step clearly.',
    })
    const html = renderToStaticMarkup(<ReviewPage />)
    const summary = summaryOf(html)
    expect(summary?.links).toEqual([
      ['#review-subRatings.quality', 'Quality of work: Choose a rating from 1 to 5'],
      ['#review-subRatings.communication', 'Communication: Choose a rating from 1 to 5'],
      ['#review-subRatings.deadlines', 'Meeting deadlines: Choose a rating from 1 to 5'],
    ])
    expectTargets(html, summary!.links)
  })
})
