import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { ErrorList, Field, NewPasswordField, RadioGroup } from '~/components/ui/field'
import { useRootData } from '~/root'
import { SignUpSchema } from '~/services/accounts/schemas'
import { startSignUp } from '~/services/accounts/sign-up.server'
import { anonymousOnlyLoader, requireAnonymous } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { refusalReply } from '~/http/form-error.server'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { SignUpConstraint } from '~/components/ui/form-constraints/sign-up'
import { FormAlert } from '~/components/ui/form-alert'
import { keepRedirectTo, roleForDestination } from '~/utils/keep-redirect-to'
import { safeRedirect } from '~/utils/safe-redirect'

export const meta: MetaFunction = () => [{ title: 'Create your account · MegiLance' }]

export const loader = anonymousOnlyLoader

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const submission = parseWithZod(await readFormData(request), { schema: SignUpSchema })
  if (submission.status !== 'success') {
    return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const result = await startSignUp(submission.value)
  if (!result.ok) return json(refusalReply(submission, result, ['password']), { status: 400 })
  // Only a path on this site is carried on; anything else is dropped here, not at the end.
  const redirectTo = safeRedirect(submission.value.redirectTo, '') || null
  return redirect(keepRedirectTo('/sign-up/verify', redirectTo), { headers: { 'Set-Cookie': result.setCookie } })
}

const ROLE_OPTIONS = [
  { value: 'client', label: 'I want to hire', description: 'Post projects and pay through escrow.' },
  { value: 'freelancer', label: 'I want to work', description: 'Find projects and get paid on approval.' },
] as const

export default function SignUp() {
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const feePercent = useRootData()?.feePercent ?? 10
  const redirectTo = searchParams.get('redirectTo')
  const [form, fields] = useZodForm(SignUpConstraint, {
    id: 'sign-up',
    lastResult,
    defaultValue: { role: searchParams.get('role') ?? roleForDestination(redirectTo) ?? undefined },
  })
  return (
    <>
      <h1>Create your account</h1>
      <p className="muted">
        Free to join. The platform fee is {feePercent}% on released milestones, shown before you commit; standard
        payouts are free.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo ?? ''} />
        <FormAlert form={form} labels={{ role: 'How will you use MegiLance?', name: 'Full name' }} />
        <RadioGroup legend="How will you use MegiLance?" meta={fields.role} options={ROLE_OPTIONS} />
        <Field label="Full name" meta={fields.name} autoComplete="name" />
        <Field label="Email" meta={fields.email} type="email" autoComplete="email" />
        <NewPasswordField label="Password" meta={fields.password} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton block>Create account</SubmitButton>
      </Form>
      <p className="auth-card__alt">
        Already have an account? <Link to={keepRedirectTo('/sign-in', redirectTo)}>Sign in</Link>
      </p>
    </>
  )
}
