import { getFormProps, type FormMetadata } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { SelectField, TextareaField } from '~/components/ui/field'
import { SubmitButton } from '~/components/ui/submit-button'
import { FRAUD_ALERT_MACHINE, type FraudAlertAction } from '~/domain/fraud-alerts'
import { AlertBlockConstraint } from '~/components/ui/form-constraints/alert-block'
import { AlertDisputeHoldConstraint } from '~/components/ui/form-constraints/alert-dispute-hold'
import { AlertPayoutConstraint } from '~/components/ui/form-constraints/alert-payout'
import { AlertWorkflowConstraint } from '~/components/ui/form-constraints/alert-workflow'
import { useZodForm, type FormReply } from '~/components/ui/use-zod-form'
import { FormAlert } from '~/components/ui/form-alert'

/** What the alert page's action answers when a form was refused: which form, and conform's reply. */
export type AlertFormResult = FormReply | undefined

/**
 * One of the alert page's post forms: its `intent`, the record it acts on as a hidden field, its
 * error summary with the form's own errors (`labels` names its fields there), its fields
 * (`children`), then its buttons (`actions`). The page is long (evidence, accounts, linked groups,
 * holds), so a refused form opens the page at its summary, JavaScript or not.
 */
function AlertForm<Schema extends Record<string, unknown>>({
  form,
  intent,
  record,
  labels,
  children,
  actions,
}: {
  form: FormMetadata<Schema, string[]>
  intent: string
  record?: { name: string; value: string }
  labels: Record<string, string>
  children: ReactNode
  actions: ReactNode
}) {
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <input type="hidden" name="intent" value={intent} />
      {record ? <input type="hidden" name={record.name} value={record.value} /> : null}
      <FormAlert errors={form.errors} form={form} labels={labels} long />
      {children}
      {actions}
    </Form>
  )
}

/** The workflow step: which move, who takes the alert, and the note that goes in the history. */
export function WorkflowForm({
  actions,
  admins,
  assigneeId,
  result,
}: {
  actions: FraudAlertAction[]
  admins: { id: string; name: string }[]
  assigneeId: string | null
  result: AlertFormResult
}) {
  const [form, fields] = useZodForm(AlertWorkflowConstraint, {
    id: 'workflow',
    last: result,
    defaultValue: { action: actions[0], assigneeId: assigneeId ?? undefined },
  })
  return (
    <AlertForm
      form={form}
      intent="workflow"
      labels={{ action: 'Step', assigneeId: 'Assignee', note: 'Note' }}
      actions={<SubmitButton>Save step</SubmitButton>}
    >
      <SelectField
        label="Step"
        meta={fields.action}
        options={actions.map((action) => ({ value: action, label: FRAUD_ALERT_MACHINE.transitions[action].label }))}
      />
      <SelectField
        label="Assignee"
        meta={fields.assigneeId}
        options={admins.map((admin) => ({ value: admin.id, label: admin.name }))}
      />
      <TextareaField label="Note" meta={fields.note} rows={3} hint="Goes in the alert's history with your name." />
    </AlertForm>
  )
}

/** Blocks one involved account with the reason the person is shown. */
export function BlockForm({ account, result }: { account: { id: string; name: string }; result: AlertFormResult }) {
  const [form, fields] = useZodForm(AlertBlockConstraint, { id: `block-${account.id}`, last: result })
  const block = (
    <button type="submit" className="button button--danger button--wrap">
      Block {account.name}
    </button>
  )
  return (
    <AlertForm
      form={form}
      intent="block"
      record={{ name: 'userId', value: account.id }}
      labels={{ reason: `Reason for blocking ${account.name}` }}
      actions={block}
    >
      <TextareaField label={`Reason for blocking ${account.name}`} meta={fields.reason} rows={2} />
    </AlertForm>
  )
}

/** Releases a held payout (sent now) or keeps it held, with a note. */
export function PayoutHoldForm({ payout, result }: { payout: { id: string; label: string }; result: AlertFormResult }) {
  const [form, fields] = useZodForm(AlertPayoutConstraint, { id: `payout-${payout.id}`, last: result })
  const decisions = (
    <div className="button-row">
      <button type="submit" name="decision" value="release" className="button button--primary">
        Release payout
      </button>
      <button type="submit" name="decision" value="keep" className="button button--secondary">
        Keep on hold
      </button>
    </div>
  )
  return (
    <AlertForm
      form={form}
      intent="payout"
      record={{ name: 'payoutId', value: payout.id }}
      labels={{ note: `Note on the payout of ${payout.label}`, decision: 'Decision' }}
      actions={decisions}
    >
      <TextareaField label={`Note on the payout of ${payout.label}`} meta={fields.note} rows={2} />
    </AlertForm>
  )
}

/** Opens a dispute hold on one milestone in escrow of an involved account's contract, with a required note. */
export function DisputeHoldForm({
  milestones,
  result,
}: {
  milestones: { id: string; label: string }[]
  result: AlertFormResult
}) {
  const [form, fields] = useZodForm(AlertDisputeHoldConstraint, {
    id: 'dispute-hold',
    last: result,
    defaultValue: { milestoneId: milestones[0]?.id },
  })
  const open = (
    <button type="submit" className="button button--secondary">
      Open dispute hold
    </button>
  )
  return (
    <AlertForm
      form={form}
      intent="dispute_hold"
      labels={{ milestoneId: 'Milestone in escrow', note: 'Reason for the hold' }}
      actions={open}
    >
      <SelectField
        label="Milestone in escrow"
        meta={fields.milestoneId}
        options={milestones.map((m) => ({ value: m.id, label: m.label }))}
      />
      <TextareaField
        label="Reason for the hold"
        meta={fields.note}
        rows={2}
        hint="Both sides see it as the dispute's reason; it also goes in the alert's history."
      />
    </AlertForm>
  )
}
