import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, SelectField, TextareaField } from '~/components/ui/field'
import { ContactSchema } from '~/services/help/contact-schemas'
import { CONTACT_TOPICS, HONEYPOT_FIELD, reportedPath } from '~/services/help/contact-topics'
import { submitContactRequest } from '~/services/help/contact.server'
import { findReportTarget } from '~/services/help/member-reports.server'
import { ReportingNote } from '~/components/help/report-link'
import { getOptionalSession } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import { Throttled } from '~/services/security/throttle.server'
import { FormAlert } from '~/components/ui/form-alert'
import { HelpPage } from '~/components/help/help-page'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { ContactConstraint } from '~/components/ui/form-constraints/contact'
import { keepRetryAfter } from '~/http/retry-after-headers.server'
import { siteOrigin } from '~/utils/env.server'

/** A 429 answer to the form keeps its Retry-After in the page, with JavaScript or without. */
export const headers = keepRetryAfter

export const meta: MetaFunction = () => [{ title: 'Contact us · Help centre · MegiLance' }]

const THANKS = 'Thank you: your message reached our team. We answer by email, usually within one working day.'
const FOLDED =
  'You had already reported this page: we added your new message to that report, so our team reads them together.'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = (await getOptionalSession(request))?.user ?? null
  const params = new URL(request.url).searchParams
  const topic = params.get('topic')
  // "Report it" under a warning names the page, so our team knows what to look at.
  const about = reportedPath(params.get('about'))
  const target = user && about ? await findReportTarget(about, user) : null
  return json({
    about: about ?? '',
    reporting: target ? { what: target.what, own: target.subjectId === user?.id ? target.own : null } : null,
    prefill: {
      name: user?.name ?? '',
      email: user?.email ?? '',
      topic: CONTACT_TOPICS.some((option) => option.value === topic) ? (topic ?? '') : '',
      message: about ? `About ${siteOrigin()}${about}\n\n` : '',
    },
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = (await getOptionalSession(request))?.user ?? null
  const formData = await readFormData(request)
  // A bot filled the field people never see: answer as if it worked, store nothing.
  if (String(formData.get(HONEYPOT_FIELD) ?? '').trim())
    return redirectWithToast('/help', { kind: 'success', message: THANKS })
  const submission = parseWithZod(formData, { schema: ContactSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  let outcome: Awaited<ReturnType<typeof submitContactRequest>>
  try {
    outcome = await submitContactRequest(submission.value, user, context.clientIp)
  } catch (error) {
    if (error instanceof Throttled) return tooManyAttempts(error, (formErrors) => submission.reply({ formErrors }))
    throw error
  }
  if (!outcome.ok) return json(submission.reply({ formErrors: [outcome.message] }), { status: 400 })
  return redirectWithToast('/help', { kind: 'success', message: outcome.folded ? FOLDED : THANKS })
}

export default function Contact() {
  const { prefill, about, reporting } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(ContactConstraint, { id: 'contact', lastResult, defaultValue: prefill })
  return (
    <HelpPage
      title="Contact us"
      lead={
        <>
          A person on our team reads every message and answers by email. For how fees, escrow, disputes and reviews
          work, the <Link to="/help">help topics</Link> may answer you faster.
        </>
      }
    >
      <section className="card">
        {reporting ? <ReportingNote what={reporting.what} own={reporting.own} /> : null}
        <Form method="post" {...getFormProps(form)} className="form-stack">
          <FormAlert errors={form.errors} form={form} labels={{ name: 'Your name' }} />
          {about ? <input type="hidden" name="about" value={about} /> : null}
          <Field label="Your name" meta={fields.name} autoComplete="name" />
          <Field
            label="Email"
            type="email"
            meta={fields.email}
            autoComplete="email"
            hint="We answer to this address."
          />
          <SelectField label="Topic" meta={fields.topic} placeholder="Choose a topic…" options={CONTACT_TOPICS} />
          <TextareaField
            label="Message"
            meta={fields.message}
            rows={7}
            hint="What happened, and on which project or contract if any."
          />
          <div className="honeypot" aria-hidden="true">
            <label htmlFor="contact-website">Leave this field empty</label>
            <input
              id="contact-website"
              name={HONEYPOT_FIELD}
              type="text"
              tabIndex={-1}
              autoComplete="off"
              defaultValue=""
            />
          </div>
          <SubmitButton>Send message</SubmitButton>
        </Form>
      </section>
    </HelpPage>
  )
}
