import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser'
import { useRef, useState } from 'react'
import { Field } from '~/components/ui/field'
import { AddCredentialSchema } from '~/services/security/webauthn-kinds'
import { ceremonyErrorMessage } from './webauthn-answer'
import { useHydrated } from './use-hydrated'

type Props = {
  options: unknown
  addButton: string
  one: string
  lastResult?: SubmissionResult<string[]> | null
}

/**
 * Adds a passkey or security key: a name, then the browser's creation ceremony on the button; its
 * result goes into the hidden `response` field and the form is submitted.
 */
export function WebAuthnRegistration({ options, addButton, one, lastResult }: Props) {
  const hydrated = useHydrated()
  const responseRef = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [form, fields] = useForm({
    id: 'add-credential',
    lastResult,
    constraint: getZodConstraint(AddCredentialSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddCredentialSchema }),
  })

  async function register() {
    const input = responseRef.current
    if (!input || !options) return
    setBusy(true)
    setError('')
    try {
      const result = await startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON })
      input.value = JSON.stringify(result)
      input.form?.requestSubmit()
    } catch (caught) {
      setError(ceremonyErrorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const problems = [error, ...(form.errors ?? []), ...(fields.response.errors ?? [])].filter(Boolean)
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      {problems.length ? (
        <p className="form-alert" role="alert">
          {problems.join(' ')}
        </p>
      ) : null}
      <input type="hidden" name="intent" value="add" />
      <input ref={responseRef} type="hidden" name={fields.response.name} defaultValue="" />
      <Field
        label="Name"
        meta={fields.name}
        maxLength={60}
        hint={`So you can tell it apart later, e.g. “Work laptop”. If you leave it empty, it is called ${one} with today’s date.`}
      />
      {hydrated ? null : (
        <p className="muted">Adding a {one} needs JavaScript. Turn it on in your browser to add one.</p>
      )}
      <div>
        <button type="button" className="button button--primary" disabled={!hydrated || busy} onClick={register}>
          {addButton}
        </button>
      </div>
    </Form>
  )
}
