import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser'
import { Field } from '~/components/ui/field'
import { CeremonyButton } from './ceremony-button'
import { useWebAuthnCeremony } from './use-webauthn-ceremony'
import { useZodForm } from '~/components/ui/use-zod-form'
import { AddCredentialConstraint } from '~/components/ui/form-constraints/add-credential'
import { AlertMessage } from '~/components/ui/alert-message'

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
  const { responseRef, busy, error, start } = useWebAuthnCeremony(() =>
    startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON }),
  )
  const [form, fields] = useZodForm(AddCredentialConstraint, { id: 'add-credential', lastResult })

  const problems = [error, ...(form.errors ?? []), ...(fields.response.errors ?? [])].filter(Boolean)
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <AlertMessage message={problems} />
      <input type="hidden" name="intent" value="add" />
      <input ref={responseRef} type="hidden" name={fields.response.name} defaultValue="" />
      <Field
        label="Name"
        meta={fields.name}
        maxLength={60}
        hint={`So you can tell it apart later, e.g. “Work laptop”. If you leave it empty, it is called ${one} with today’s date.`}
      />
      <CeremonyButton
        label={addButton}
        ready={!!options}
        busy={busy}
        onClick={start}
        withoutJavaScript={`Adding a ${one} needs JavaScript. Turn it on in your browser to add one.`}
      />
    </Form>
  )
}
