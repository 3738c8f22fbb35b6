import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { findDiscoveryPreferences, type DiscoveryPreferences } from '~/models/discovery.server'
import { updateDiscoveryPreferences } from '~/services/discovery/public-pages.server'
import { requireRole } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { SubmitButton } from '~/components/ui/submit-button'

export const meta: MetaFunction = () => [{ title: 'Visibility settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'freelancer')
  return json({ preferences: await findDiscoveryPreferences(user.id), userId: user.id })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'freelancer')
  const form = await readFormData(request)
  const membersOnly = form.get('membersOnly') === 'on'
  await updateDiscoveryPreferences(user.id, { membersOnly, recommendationsOff: form.get('recommendations') !== 'on' })
  return redirectWithToast('/settings/discovery', {
    kind: 'success',
    message: membersOnly
      ? 'Saved. Your profile is now visible to signed-in members only.'
      : 'Saved. Anyone can read your profile.',
  })
}

const CHOICES = [
  {
    name: 'membersOnly',
    label: 'Visible to signed-in members only',
    description: 'Visitors without an account and search engines do not see your profile, and it leaves the sitemap.',
    checked: (p: DiscoveryPreferences) => p.membersOnly,
  },
  {
    name: 'recommendations',
    label: 'Take part in recommendations',
    description: 'Clients see you among recommended freelancers for their projects, and you see recommended projects.',
    checked: (p: DiscoveryPreferences) => !p.recommendationsOff,
  },
] as const

/** Who may read the profile, and whether the freelancer takes part in recommendations. */
export default function VisibilitySettings() {
  const { preferences, userId } = useLoaderData<typeof loader>()
  return (
    <>
      <h2>Visibility</h2>
      <Form method="post" className="form-stack" key={`${preferences.membersOnly}${preferences.recommendationsOff}`}>
        <fieldset className="field choice-group">
          <legend>Who can find you</legend>
          {CHOICES.map((choice) => (
            <label key={choice.name} className="choice">
              <input type="checkbox" name={choice.name} defaultChecked={choice.checked(preferences)} />
              <span className="choice__label">
                {choice.label}
                <span className="choice__description">{choice.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <SubmitButton>Save visibility settings</SubmitButton>
      </Form>
      <p>
        <Link to={`/freelancers/${userId}`}>See your public profile</Link>
      </p>
    </>
  )
}
