import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { SelectField, TextareaField } from '~/components/ui/field'
import { SubmitButton } from '~/components/ui/submit-button'
import { FRAUD_ALERT_MACHINE, type FraudAlertAction } from '~/domain/fraud-alerts'
import { AlertBlockConstraint } from '~/components/ui/form-constraints/alert-block'
import { AlertDisputeHoldConstraint } from '~/components/ui/form-constraints/alert-dispute-hold'
import { AlertPayoutConstraint } from '~/components/ui/form-constraints/alert-payout'
import { AlertWorkflowConstraint } from '~/components/ui/form-constraints/alert-workflow'
import { useZodForm } from '~/components/ui/use-zod-form'

/** What the alert page's action answers when a form was refused: which form, and conform's reply. */
export type AlertFormResult = { formId: string; reply: SubmissionResult<string[]> } | undefined

function FormErrors({ errors }: { errors?: string[] }) {
  return errors?.length ? (
    <p role="alert" className="form-alert">
      {errors.join(' ')}
    </p>
  ) : null
}

const replyFor = (result: AlertFormResult, formId: string) => (result?.formId === formId ? result.reply : undefined)

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
    lastResult: replyFor(result, 'workflow'),
    defaultValue: { action: actions[0], assigneeId: assigneeId ?? undefined },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <input type="hidden" name="intent" value="workflow" />
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
      <FormErrors errors={form.errors} />
      <SubmitButton>Save step</SubmitButton>
    </Form>
  )
}

/** Blocks one involved account with the reason the person is shown. */
export function BlockForm({ account, result }: { account: { id: string; name: string }; result: AlertFormResult }) {
  const formId = `block-${account.id}`
  const [form, fields] = useZodForm(AlertBlockConstraint, {
    id: formId,
    lastResult: replyFor(result, formId),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <input type="hidden" name="intent" value="block" />
      <input type="hidden" name="userId" value={account.id} />
      <TextareaField label={`Reason for blocking ${account.name}`} meta={fields.reason} rows={2} />
      <FormErrors errors={form.errors} />
      <button type="submit" className="button button--danger">
        Block {account.name}
      </button>
    </Form>
  )
}

/** Releases a held payout (sent now) or keeps it held, with a note. */
export function PayoutHoldForm({ payout, result }: { payout: { id: string; label: string }; result: AlertFormResult }) {
  const formId = `payout-${payout.id}`
  const [form, fields] = useZodForm(AlertPayoutConstraint, {
    id: formId,
    lastResult: replyFor(result, formId),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <input type="hidden" name="intent" value="payout" />
      <input type="hidden" name="payoutId" value={payout.id} />
      <TextareaField label={`Note on the payout of ${payout.label}`} meta={fields.note} rows={2} />
      <FormErrors errors={form.errors} />
      <div className="button-row">
        <button type="submit" name="decision" value="release" className="button button--primary">
          Release payout
        </button>
        <button type="submit" name="decision" value="keep" className="button button--secondary">
          Keep on hold
        </button>
      </div>
    </Form>
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
    lastResult: replyFor(result, 'dispute-hold'),
    defaultValue: { milestoneId: milestones[0]?.id },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <input type="hidden" name="intent" value="dispute_hold" />
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
      <FormErrors errors={form.errors} />
      <button type="submit" className="button button--secondary">
        Open dispute hold
      </button>
    </Form>
  )
}
