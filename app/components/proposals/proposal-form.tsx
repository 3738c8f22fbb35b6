import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { CheckPanel, type CheckedFormAnswer } from '~/components/quality/check-panel'
import { ErrorList, Field, TextareaField } from '~/components/ui/field'
import type { BudgetType } from '~/domain/enums'
import { MAX_PROPOSAL_MILESTONES, MILESTONE_ROWS_WITHOUT_JS } from '~/services/marketplace/proposal-form-options'
import { FormAlert } from '~/components/ui/form-alert'
import { ProposalConstraint } from '~/components/ui/form-constraints/proposal'
import { useZodForm } from '~/components/ui/use-zod-form'
import { SubmitButton } from '~/components/ui/submit-button'

export type ProposalFormDefaults = {
  coverLetter?: string
  amount?: string
  durationDays?: string
  milestones?: Array<{ title?: string; amount?: string; dueDate?: string }>
}

function padRows(rows: ProposalFormDefaults['milestones'] = []) {
  const padded = [...rows]
  while (padded.length < MILESTONE_ROWS_WITHOUT_JS) padded.push({ title: '', amount: '', dueDate: '' })
  return padded
}

/**
 * The proposal form, for a new proposal and for editing one. The bid follows the project's budget
 * type; a fixed price may be split into milestones (empty rows are ignored).
 */
export function ProposalForm({
  bidType,
  currency,
  answer,
  defaultValue,
  submitLabel,
  feePercent,
  feeTaxNote,
  minimumNote,
}: {
  feePercent: number
  /** The tax included in that fee for this client (e.g. "VAT 19% (DE)"), when there is any to mention. */
  feeTaxNote?: string | null
  /** The least the bid and each milestone may be, in the bid's currency ("The price and each milestone are at least $5."). */
  minimumNote: string
  bidType: BudgetType
  currency: string
  /** The action's answer; after the submit button (Enter still submits), the cover letter's Check (intent=check). */
  answer: CheckedFormAnswer | undefined
  defaultValue?: ProposalFormDefaults
  submitLabel: string
}) {
  const [form, fields] = useZodForm(ProposalConstraint, {
    id: 'proposal',
    lastResult: answer?.result,
    defaultValue: { ...defaultValue, milestones: bidType === 'fixed' ? padRows(defaultValue?.milestones) : [] },
  })
  const rows = fields.milestones.getFieldList()
  const amountLabel = bidType === 'fixed' ? `Your price (${currency})` : `Your hourly rate (${currency})`
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <FormAlert
        errors={form.errors}
        form={form}
        long
        labels={{ coverLetter: 'Cover letter', amount: amountLabel, durationDays: 'Duration in days' }}
      />
      <TextareaField
        label="Cover letter"
        meta={fields.coverLetter}
        rows={8}
        hint="How you would do the work, what you have done like it, and any questions for the client."
      />
      <div className="field-row">
        <Field
          label={amountLabel}
          meta={fields.amount}
          inputMode="decimal"
          hint={`${minimumNote} You receive each payment less MegiLance’s ${feePercent}% fee.${feeTaxNote ? ` ${feeTaxNote}` : ''}`}
        />
        <Field label="Duration in days" type="number" meta={fields.durationDays} min={1} max={365} />
      </div>
      {bidType === 'fixed' ? (
        <fieldset
          id={fields.milestones.id}
          className="field proposal-milestones"
          aria-describedby={`${fields.milestones.id}-hint ${fields.milestones.errorId}`}
        >
          <legend>Milestones (optional)</legend>
          <p id={`${fields.milestones.id}-hint`} className="field__hint">
            Split your price into parts the client funds and releases one by one. They must add up to your price. Leave
            them empty for one milestone covering the whole project.
          </p>
          <div role={fields.milestones.errors?.length ? 'alert' : undefined}>
            <ErrorList id={fields.milestones.errorId} errors={fields.milestones.errors} />
          </div>
          {rows.map((row, index) => {
            const milestone = row.getFieldset()
            return (
              <div className="milestone-row" key={row.key}>
                <Field label={`Milestone ${index + 1} title`} meta={milestone.title} />
                <Field label={`Milestone ${index + 1} amount`} meta={milestone.amount} inputMode="decimal" />
                <Field label={`Milestone ${index + 1} due date`} type="date" meta={milestone.dueDate} />
              </div>
            )
          })}
          {rows.length < MAX_PROPOSAL_MILESTONES ? (
            <button
              className="button button--secondary"
              {...form.insert.getButtonProps({
                name: fields.milestones.name,
                defaultValue: { title: '', amount: '', dueDate: '' },
              })}
            >
              Add another milestone
            </button>
          ) : null}
        </fieldset>
      ) : null}
      <SubmitButton>{submitLabel}</SubmitButton>
      <CheckPanel report={answer?.check ?? null} what="your cover letter" />
    </Form>
  )
}
