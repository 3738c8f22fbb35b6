import type { ComponentProps } from 'react'
import { Field } from '~/components/ui/field'

type Meta = ComponentProps<typeof Field>['meta']

/** The sandbox card form's fields: name, number, expiry and security code, with Stripe's test card as a hint. */
export function CardFields({ fields }: { fields: { name: Meta; number: Meta; expiry: Meta; cvc: Meta } }) {
  return (
    <>
      <Field label="Name on card" meta={fields.name} autoComplete="cc-name" />
      <Field
        label="Card number"
        meta={fields.number}
        inputMode="numeric"
        autoComplete="cc-number"
        placeholder="4242 4242 4242 4242"
      />
      <div className="field-row">
        <Field label="Expiry (MM/YY)" meta={fields.expiry} autoComplete="cc-exp" placeholder="12/30" />
        <Field label="Security code" meta={fields.cvc} inputMode="numeric" autoComplete="cc-csc" />
      </div>
    </>
  )
}
