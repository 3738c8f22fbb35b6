import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { SelectField } from '~/components/ui/field'
import { CRYPTO_PAYMENT_CHOICES } from '~/services/payments/crypto-networks'
import { CryptoChoiceSchema } from '~/services/payments/crypto-schemas'

/** Picks the coin for a milestone and starts a crypto payment request (posts to the crypto page). */
export function CryptoChoiceForm({ action, formId, lastResult }: { action: string; formId: string; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    defaultValue: { choice: 'USDC:ethereum' },
    constraint: getZodConstraint(CryptoChoiceSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CryptoChoiceSchema }),
  })
  return (
    <Form method="post" action={action} {...getFormProps(form)} className="form-stack">
      {form.errors?.length ? (
        <p className="form-alert" role="alert">
          {form.errors.join(' ')}
        </p>
      ) : null}
      <SelectField label="Coin and network" meta={fields.choice} options={CRYPTO_PAYMENT_CHOICES} />
      <button type="submit" className="button button--secondary">
        Pay with crypto
      </button>
    </Form>
  )
}
