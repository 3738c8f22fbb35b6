import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { CardSection } from '~/components/ui/card-section'
import { PageHeader } from '~/components/ui/page-header'
import { SubmitButton } from '~/components/ui/submit-button'
import { json } from '~/http/json.server'
import { answerDomainErrors } from '~/http/outcome-response.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { NotFound } from '~/services/domain-errors'
import { emailStillOn, readUnsubscribeLink, setEmailByLink } from '~/services/notifications/unsubscribe.server'

export const meta: MetaFunction = () => [
  { title: 'Email settings · MegiLance' },
  { name: 'robots', content: 'noindex' },
]

const INVALID = 'This unsubscribe link is not valid. Choose which emails you get in Settings → Notifications.'

async function requireLink(request: Request) {
  const link = await readUnsubscribeLink(new URL(request.url).searchParams)
  if (!link) throw new NotFound(INVALID)
  return link
}

/**
 * The link at the foot of every notification email: it names one account and one kind of email,
 * signed, so it works without signing in. Opening it changes nothing (mail scanners open links);
 * the button does, and so does a mail app's one-click POST (RFC 8058) to the same address.
 */
export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const link = await requireLink(request)
  return json({ label: link.label, on: await emailStillOn(link), search: new URL(request.url).search })
})

export const action = /* @__PURE__ */ answerDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const link = await requireLink(request)
  const on = (await readFormData(request)).get('intent') === 'on'
  await setEmailByLink(link, on)
  const url = new URL(request.url)
  return redirectWithToast(`${url.pathname}${url.search}`, {
    kind: 'success',
    message: on ? `Emails about “${link.label}” are on again.` : `Emails about “${link.label}” are off.`,
  })
})

export default function Unsubscribe() {
  const { label, on, search } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Email settings" />
      <CardSection
        id="unsubscribe-title"
        title={on ? `Stop emails about “${label}”?` : `Emails about “${label}” are off`}
      >
        <p>
          {on
            ? 'You will no longer get these emails. They still appear in your notification centre when you sign in.'
            : 'You no longer get these emails. They still appear in your notification centre when you sign in.'}
        </p>
        <Form method="post" action={`/email/unsubscribe${search}`} className="form-stack">
          {on ? (
            <SubmitButton>Stop these emails</SubmitButton>
          ) : (
            <button type="submit" name="intent" value="on" className="button button--secondary">
              Turn them back on
            </button>
          )}
        </Form>
        <p className="muted">
          Every kind of email can be chosen in <Link to="/settings/notifications">Settings → Notifications</Link> (sign
          in first).
        </p>
      </CardSection>
    </>
  )
}
