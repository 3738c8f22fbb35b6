import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useLoaderData } from '@remix-run/react'
import { loadEmailPreferences, saveEmailPreferencesFromForm } from '~/services/notifications/centre.server'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { SubmitButton } from '~/components/ui/submit-button'

export const meta: MetaFunction = () => [{ title: 'Notification settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return json({ preferences: await loadEmailPreferences(user.id, user.role) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readFormData(request)
  const { preferences, shown } = await saveEmailPreferencesFromForm(user.id, user.role, formData.getAll('email'))
  const on = shown.filter((kind) => preferences[kind]).length
  return redirectWithToast('/settings/notifications', {
    kind: 'success',
    message: `Notification settings saved: ${on} of ${shown.length} kinds also by email.`,
  })
}

/** Every notification shows in the notification centre; these choose which also come by email. */
export default function NotificationSettings() {
  const { preferences } = useLoaderData<typeof loader>()
  return (
    <>
      <h2>Notifications</h2>
      <p className="muted">Everything appears in your notification centre. Tick the kinds you also want by email.</p>
      <Form method="post" className="form-stack" key={preferences.map((row) => `${row.kind}${row.email}`).join()}>
        <fieldset className="field choice-group">
          <legend>Also email me about</legend>
          {preferences.map((row) => (
            <label key={row.kind} className="choice">
              <input type="checkbox" name="email" value={row.kind} defaultChecked={row.email} />
              <span>
                <span className="choice__label">{row.label}</span>
                {row.description ? <span className="choice__description">{row.description}</span> : null}
              </span>
            </label>
          ))}
        </fieldset>
        <SubmitButton>Save notification settings</SubmitButton>
      </Form>
    </>
  )
}
