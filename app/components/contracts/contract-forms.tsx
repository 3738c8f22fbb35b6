import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { CardSection } from '~/components/ui/card-section'
import { Field, TextareaField } from '~/components/ui/field'
import { useZodForm, type FormReply } from '~/components/ui/use-zod-form'
import { AddMilestoneConstraint } from '~/components/ui/form-constraints/add-milestone'
import { EndContractConstraint } from '~/components/ui/form-constraints/end-contract'
import { FormAlert } from '~/components/ui/form-alert'

/**
 * The contract page's own forms. The page runs to several screens on a phone (milestones, calls,
 * activity), so a refused field opens the page at the form's error summary (`long`).
 */
export function AddMilestoneForm({
  currency,
  feePercent,
  last,
}: {
  currency: string
  feePercent: number
  last?: FormReply
}) {
  const [form, fields] = useZodForm(AddMilestoneConstraint, { id: 'add-milestone', last })
  return (
    <CardSection id="add-milestone-heading" title="Add a milestone">
      <Form method="post" {...getFormProps(form)} className="form-stack">
        <FormAlert
          errors={form.errors}
          form={form}
          long
          labels={{ amount: `Amount (${currency})`, dueDate: 'Due date' }}
        />
        <Field label="Title" meta={fields.title} />
        <div className="field-row">
          <Field
            label={`Amount (${currency})`}
            meta={fields.amount}
            inputMode="decimal"
            hint={`The freelancer receives it less the ${feePercent}% platform fee.`}
          />
          <Field label="Due date (optional)" type="date" meta={fields.dueDate} />
        </div>
        <button type="submit" name="intent" value="add-milestone" className="button button--secondary">
          Add milestone
        </button>
      </Form>
    </CardSection>
  )
}

/**
 * Ending the contract. When every milestone is paid it is the next step, so it comes first and
 * says so (`allPaid`), with the client's other choice: more work on a new milestone.
 */
export function EndContractForm({
  refundNote,
  last,
  allPaid,
  side,
}: {
  refundNote: string | null
  last?: FormReply
  allPaid: boolean
  side: 'client' | 'freelancer'
}) {
  const [form, fields] = useZodForm(EndContractConstraint, {
    id: 'end-contract',
    last,
    defaultValue: allPaid ? { reason: 'All milestones are paid.' } : undefined,
  })
  return (
    <section className={allPaid ? 'card callout' : 'card'} aria-labelledby="end-contract-heading">
      <h2 id="end-contract-heading">
        {allPaid ? 'All milestones are paid — end the contract to leave reviews' : 'End the contract'}
      </h2>
      <p className="muted">
        {allPaid
          ? `Reviews open when one of you ends the contract; you then both have 14 days to review each other.${side === 'client' ? ' More work to do? ' : ''}`
          : `Either side can end it. ${refundNote ?? ''} After it ends you both have 14 days to review each other.`}
        {allPaid && side === 'client' ? <a href="#add-milestone-heading">Add a milestone</a> : null}
      </p>
      <Form method="post" {...getFormProps(form)} className="form-stack">
        <FormAlert form={form} long labels={{ reason: 'Why the contract ends' }} />
        <TextareaField
          label="Why the contract ends"
          meta={fields.reason}
          rows={2}
          hint="Both sides see this in the activity log."
        />
        <button type="submit" name="intent" value="end-contract" className="button button--danger">
          End contract
        </button>
      </Form>
    </section>
  )
}
