import { getFormProps } from '@conform-to/react'
import { ResendCodeRow } from '~/components/security/resend-code-row'
import { refuseSignInChangeOnDemoAccount } from '~/http/demo-account.server'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { SecuritySubpageHeading } from '~/components/security/security-subpage-heading'
import { Field, SelectField } from '~/components/ui/field'
import { FormAlert } from '~/components/ui/form-alert'
import { bareIntents, parseIntent } from '~/http/intent.server'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import { originOf } from '~/services/security/context'
import { ConfirmCodeSchema, PhoneNumberSchema } from '~/services/security/factor-schemas'
import { countryFromAcceptLanguage, countryOptions, normalisePhoneNumber } from '~/services/security/phone-numbers'
import {
  cancelPhoneVerification,
  confirmPhone,
  phoneStateOf,
  removePhone,
  resendPhoneVerificationCode,
  sendPhoneVerificationCode,
} from '~/services/security/sms-codes.server'
import { isSmsSandboxed } from '~/services/security/sms.server'
import { Throttled } from '~/services/security/throttle.server'
import { requireSession } from '~/http/auth.server'
import { formatDateTime } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { requireEnrolmentCheck, requireStepUp } from '~/http/step-up.server'
import { redirectWithToast } from '~/http/toast.server'
import { IntentButtonForm } from '~/components/ui/intent-button-form'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { ConfirmCodeConstraint } from '~/components/ui/form-constraints/confirm-code'
import { PhoneNumberConstraint } from '~/components/ui/form-constraints/phone-number'
import { keepRetryAfter } from '~/http/retry-after-headers.server'

const PATH = '/settings/security/phone'

/** A 429 answer to the form keeps its Retry-After in the page, with JavaScript or without. */
export const headers = keepRetryAfter

export const meta: MetaFunction = () => [{ title: 'Text message codes · Security · Settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSession(request)
  return json({
    phone: await phoneStateOf(user.id),
    countries: countryOptions(),
    defaultCountry: countryFromAcceptLanguage(request.headers.get('accept-language')) ?? '',
    sandboxed: isSmsSandboxed(),
  })
}

// The typed fields (number, code) are parsed with their conform schemas in each branch.
const IntentSchema = /* @__PURE__ */ bareIntents('send', 'resend', 'confirm', 'cancel', 'remove')

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request)
  await refuseSignInChangeOnDemoAccount(session.user.id)
  const userId = session.user.id
  const formData = await readFormData(request)
  const origin = originOf(request, context.clientIp)
  const { intent } = parseIntent(formData, IntentSchema)
  // Adding a number needs a factor the account already had (or, for a first one, the password).
  if (intent === 'send' || intent === 'resend' || intent === 'confirm')
    await requireEnrolmentCheck(request, session, PATH)
  try {
    switch (intent) {
      case 'send': {
        const submission = parseWithZod(formData, { schema: PhoneNumberSchema })
        if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
        const phone = normalisePhoneNumber(submission.value.phone, submission.value.country)
        if (!phone.ok) return json(submission.reply({ fieldErrors: { phone: [phone.message] } }), { status: 400 })
        const sent = await sendPhoneVerificationCode(userId, phone.e164, origin)
        if (!sent.ok) return json(submission.reply({ formErrors: [sent.message] }), { status: 400 })
        return redirectWithToast(PATH, { kind: 'info', message: 'We sent a code by text message. Enter it below.' })
      }
      case 'resend': {
        const sent = await resendPhoneVerificationCode(userId, origin)
        if (!sent.ok) return redirectWithToast(PATH, { kind: 'error', message: sent.message })
        return redirectWithToast(PATH, { kind: 'info', message: 'We sent a new code. Earlier codes no longer work.' })
      }
      case 'confirm': {
        const submission = parseWithZod(formData, { schema: ConfirmCodeSchema })
        if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
        if (!(await confirmPhone(userId, submission.value.code, origin))) {
          const message = 'That code is not right, or it has expired. Check it, or send a new code.'
          return json(submission.reply({ fieldErrors: { code: [message] } }), { status: 400 })
        }
        return redirectWithToast(PATH, {
          kind: 'success',
          message: 'Your phone number is verified. We can text you sign-in codes.',
        })
      }
      case 'cancel': {
        await cancelPhoneVerification(userId)
        return redirectWithToast(PATH, { kind: 'info', message: 'That number was not saved.' })
      }
      case 'remove': {
        requireStepUp(request, session)
        if (!(await removePhone(userId, origin)))
          throw new Response('Your account has no phone number.', { status: 409 })
        return redirectWithToast(PATH, {
          kind: 'success',
          message: 'Your phone number is removed. We will not text you codes.',
        })
      }
    }
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    return tooManyAttempts(error)
  }
}

export default function PhoneSettings() {
  const { phone, sandboxed } = useLoaderData<typeof loader>()
  return (
    <>
      <SecuritySubpageHeading title="Codes by text message" />
      <p className="muted">
        Text messages are the weakest second factor: someone who takes over your number (a “SIM swap”) receives your
        codes. When you can, use an <Link to="/settings/security/authenticator">authenticator app</Link> or a{' '}
        <Link to="/settings/security/passkeys">passkey</Link> as well.
      </p>
      {sandboxed ? (
        <p className="muted">
          This site does not send text messages yet, so a code will not reach your phone: use an authenticator app or a
          passkey instead.
        </p>
      ) : null}
      {phone.state === 'on' ? (
        <>
          <p>
            <span className="badge badge--open badge--plain">On</span> Sign-in codes go to{' '}
            <strong>{phone.phone}</strong>, verified {formatDateTime(phone.since)}.
          </p>
          <p className="muted">To use another number, remove this one, then add the new one.</p>
          <IntentButtonForm intent="remove" className="button button--danger">
            Turn off
          </IntentButtonForm>
        </>
      ) : phone.state === 'pending' ? (
        <ConfirmPhone phone={phone.phone} />
      ) : (
        <AddPhone />
      )}
    </>
  )
}

function AddPhone() {
  const { countries, defaultCountry } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(PhoneNumberConstraint, {
    id: 'add-phone',
    lastResult,
    defaultValue: { country: defaultCountry },
  })
  return (
    <>
      <p>
        We text a 6-digit code to your mobile phone when you sign in. First we send one code now, to check the number is
        yours.
      </p>
      <Form method="post" {...getFormProps(form)} className="form-stack">
        <FormAlert id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="send" />
        <SelectField label="Country" meta={fields.country} placeholder="Choose your country" options={countries} />
        <Field
          label="Mobile phone number"
          meta={fields.phone}
          type="tel"
          autoComplete="tel"
          hint="A number that starts with + and its country code does not need the country."
        />
        <SubmitButton>Send code</SubmitButton>
      </Form>
    </>
  )
}

function ConfirmPhone({ phone }: { phone: string }) {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(ConfirmCodeConstraint, { id: 'confirm-phone', lastResult })
  return (
    <>
      <p>
        We sent a code by text message to <strong>{phone}</strong>. It works for 10 minutes.
      </p>
      <Form method="post" {...getFormProps(form)} className="form-stack">
        <FormAlert id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="confirm" />
        <Field label="Code" meta={fields.code} inputMode="numeric" autoComplete="one-time-code" maxLength={7} />
        <SubmitButton>Verify number</SubmitButton>
      </Form>
      <ResendCodeRow changeLabel="Use a different number" />
    </>
  )
}
