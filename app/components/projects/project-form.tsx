import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Field, RadioGroup, SelectField, TextareaField } from '~/components/ui/field'
import { CheckPanel, type CheckedFormAnswer } from '~/components/quality/check-panel'
import type { ProjectFormValue } from '~/services/marketplace/project-schemas'
import { PROJECT_CURRENCIES, isoToday } from '~/services/marketplace/project-form-options'
import { FormAlert } from '~/components/ui/form-alert'
import { ProjectConstraint } from '~/components/ui/form-constraints/project'
import { useZodForm } from '~/components/ui/use-zod-form'
import { SubmitButton } from '~/components/ui/submit-button'

const LEVELS = [
  { value: 'entry', label: 'Entry', description: 'New to this kind of work; a good price matters most.' },
  { value: 'intermediate', label: 'Intermediate', description: 'Solid experience with similar projects.' },
  { value: 'expert', label: 'Expert', description: 'Deep expertise for demanding work.' },
]
const BUDGET_TYPES = [
  { value: 'fixed', label: 'Fixed price', description: 'One price for the whole project, paid by milestones.' },
  { value: 'hourly', label: 'Hourly', description: 'Pay for the hours worked, within a rate range.' },
]
const VISIBILITIES = [
  { value: 'public', label: 'Public', description: 'Any freelancer can find it and send a proposal.' },
  { value: 'invite_only', label: 'Invite only', description: 'Only the freelancers you invite can see it.' },
]

/** The error summary's names for the fields whose label is not their name in words. */
const PROJECT_FIELD_LABELS = {
  amount: 'Fixed budget',
  rateMin: 'Lowest hourly rate',
  rateMax: 'Highest hourly rate',
  visibility: 'Who can see it',
}

/** The post-a-project and edit-project form; plain HTML fields, so it works without JavaScript. */
export function ProjectForm({
  id,
  answer,
  defaultValue,
  submitLabel,
  pricePanel,
  skillsPanel,
}: {
  id: string
  /** The action's answer; after the submit button (Enter still submits), the Check of the title and description. */
  answer: CheckedFormAnswer | undefined
  defaultValue?: Partial<ProjectFormValue>
  submitLabel: string
  /** Shown after the experience level; its "Suggest a budget" button (intent=suggest) skips validation. */
  pricePanel?: ReactNode
  /** Shown after the skills field; its buttons (intent=skills, addSkill) skip validation too. */
  skillsPanel?: ReactNode
}) {
  const [form, fields] = useZodForm(ProjectConstraint, {
    id,
    lastResult: answer?.result,
    defaultValue: {
      budgetType: 'fixed',
      currency: 'USD',
      experienceLevel: 'intermediate',
      visibility: 'public',
      ...defaultValue,
    },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack project-form">
      <FormAlert errors={form.errors} form={form} long labels={PROJECT_FIELD_LABELS} />
      <Field label="Title" meta={fields.title} hint="For example: Build a booking page for our dental clinic" />
      <TextareaField
        label="Description"
        meta={fields.description}
        rows={8}
        hint="What needs doing, what you have already, and what done looks like."
      />
      <Field
        label="Skills"
        meta={fields.skills}
        hint="Separate skills with commas, e.g. React, Node.js, PostgreSQL. Common short forms work too (JS, k8s)."
      />
      {skillsPanel}
      <RadioGroup legend="Budget type" meta={fields.budgetType} options={BUDGET_TYPES} />
      <div className="budget-row">
        <SelectField
          label="Currency"
          meta={fields.currency}
          options={PROJECT_CURRENCIES.map((code) => ({ value: code, label: code }))}
        />
        <div className="budget-fixed">
          <Field label="Fixed budget" meta={fields.amount} inputMode="decimal" hint="For a fixed-price project" />
        </div>
        <div className="budget-hourly">
          <Field label="Lowest hourly rate" meta={fields.rateMin} inputMode="decimal" hint="For an hourly project" />
        </div>
        <div className="budget-hourly">
          <Field label="Highest hourly rate" meta={fields.rateMax} inputMode="decimal" hint="For an hourly project" />
        </div>
      </div>
      <Field label="Deadline (optional)" type="date" meta={fields.deadline} min={isoToday()} />
      <RadioGroup legend="Experience level" meta={fields.experienceLevel} options={LEVELS} />
      {pricePanel}
      <RadioGroup legend="Who can see it" meta={fields.visibility} options={VISIBILITIES} />
      <SubmitButton>{submitLabel}</SubmitButton>
      <CheckPanel report={answer?.check ?? null} what="the title and description" />
    </Form>
  )
}
