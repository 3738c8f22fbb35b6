import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Field, TextareaField } from '~/components/ui/field'
import { InviteSchema } from '~/services/marketplace/project-schemas'
import { assertOwnerAction, inviteFreelancer, requireOwnProject } from '~/services/marketplace/projects.server'
import { logger } from '~/utils/logger.server'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import { Throttled } from '~/services/security/throttle.server'
import { FormAlert } from '~/components/ui/form-alert'
import { answerDomainErrors } from '~/http/outcome-response.server'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { ProjectPageHeader } from '~/components/projects/project-page-header'
import { InviteConstraint } from '~/components/ui/form-constraints/invite'
import { keepRetryAfter } from '~/http/retry-after-headers.server'

const INVITE_SENT =
  'If there is a freelancer with that address, we have sent them the invitation. You see their answer on this page.'

/** A 429 answer to the form keeps its Retry-After in the page, with JavaScript or without. */
export const headers = keepRetryAfter

export const meta: MetaFunction = () => [{ title: 'Invite a freelancer · MegiLance' }]

export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const project = await requireOwnProject(params.projectId, user)
  assertOwnerAction(project, 'invite')
  return json({ project: { id: project.id, title: project.title, visibility: project.visibility } })
})

export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request)
  const project = await requireOwnProject(params.projectId, user)
  const submission = parseWithZod(await readFormData(request), { schema: InviteSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  let invitation: Awaited<ReturnType<typeof inviteFreelancer>>
  try {
    invitation = await inviteFreelancer(project, submission.value, user)
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    return tooManyAttempts(error, (formErrors) => submission.reply({ formErrors }))
  }
  // The same answer for every address, and as soon (the email is not waited for), so the form does
  // not tell who has an account (or of which kind).
  invitation.emailSent.catch((error: unknown) => logger.error({ err: error }, 'sending an invitation email failed'))
  return redirectWithToast(`/projects/${project.id}`, { kind: 'success', message: INVITE_SENT })
})

export default function InviteFreelancer() {
  const { project } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(InviteConstraint, { id: 'invite', lastResult })
  return (
    <>
      <ProjectPageHeader project={project} title="Invite a freelancer">
        <p className="muted">
          {project.visibility === 'invite_only'
            ? 'This project is invite only: the freelancers you invite are the only ones who can see it.'
            : 'The freelancer gets a notification with a link to the project.'}{' '}
          Invitations go to freelancer accounts only; this page does not say whether an address has one.
        </p>
      </ProjectPageHeader>
      <section className="card">
        <Form method="post" {...getFormProps(form)} className="form-stack">
          <FormAlert errors={form.errors} />
          <Field label="Freelancer’s email address" type="email" meta={fields.email} autoComplete="off" />
          <TextareaField
            label="Message (optional)"
            meta={fields.message}
            rows={4}
            hint="Why you think they are a good fit."
          />
          <SubmitButton>Send invitation</SubmitButton>
        </Form>
      </section>
    </>
  )
}
