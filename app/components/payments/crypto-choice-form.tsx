import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { SelectField } from '~/components/ui/field'
import { FormAlert } from '~/components/ui/form-alert'
import { CryptoChoiceConstraint } from '~/components/ui/form-constraints/crypto-choice'
import { useZodForm } from '~/components/ui/use-zod-form'

export type CryptoChoiceOption = { value: string; label: string }

/**
 * Picks the coin for a milestone and starts a crypto payment request (posts to the crypto page).
 * `choices`: the coins and networks this installation can take payments on.
 */
export function CryptoChoiceForm({
  action,
  formId,
  choices,
  lastResult,
}: {
  action: string
  formId: string
  choices: readonly CryptoChoiceOption[]
  lastResult?: SubmissionResult<string[]>
}) {
  const [form, fields] = useZodForm(CryptoChoiceConstraint, {
    id: formId,
    lastResult,
    defaultValue: {
      choice: choices.some((choice) => choice.value === 'USDC:ethereum') ? 'USDC:ethereum' : choices[0]?.value,
    },
  })
  return (
    <Form method="post" action={action} {...getFormProps(form)} className="form-stack">
      <FormAlert errors={form.errors} />
      <SelectField label="Coin and network" meta={fields.choice} options={choices} />
      <button type="submit" className="button button--secondary">
        Pay with crypto
      </button>
    </Form>
  )
}
