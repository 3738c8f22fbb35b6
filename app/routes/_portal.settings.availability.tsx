import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AvailabilityFields } from '~/components/meetings/availability-fields'
import { SubmitButton } from '~/components/ui/submit-button'
import { requireRole } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { loadAvailabilityForm, saveAvailabilityFromForm } from '~/services/meetings/availability.server'
import { timeZoneNames } from '~/services/meetings/time-zones'
import { useBrowserTimeZone } from '~/components/meetings/use-browser-time-zone'

export const meta: MetaFunction = () => [{ title: 'Availability · Settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  return json({ ...(await loadAvailabilityForm(user.id)), timeZones: timeZoneNames() })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  const outcome = await saveAvailabilityFromForm(user.id, await readFormData(request))
  if (!outcome.ok) return json(outcome, { status: 400 })
  return redirectWithToast('/settings/availability', {
    kind: 'success',
    message: `Availability saved: ${outcome.windows} weekly ${outcome.windows === 1 ? 'window' : 'windows'}.`,
  })
}

/** When the other side of a contract or proposal may book a meeting with you, in your own time zone. */
export default function AvailabilitySettings() {
  const { values: saved, zoneChosen, timeZones } = useLoaderData<typeof loader>()
  const refused = useActionData<typeof action>()
  // Until a zone is chosen, the browser's is offered (with JavaScript); a refused form keeps what was sent.
  const guess = useBrowserTimeZone(timeZones)
  const browserZone = zoneChosen || refused ? null : guess
  const values = refused && !refused.ok ? refused.values : browserZone ? { ...saved, timeZone: browserZone } : saved
  const errors = refused && !refused.ok ? refused.errors : undefined
  return (
    <>
      <h2>Availability</h2>
      <p className="muted">
        The hours each week when people you work with may book a meeting with you, in your time zone. Meetings are
        offered where your hours and theirs overlap. Leave a row empty to skip it; “00:00” as an end means midnight.
      </p>
      {zoneChosen ? null : (
        <p className="callout card">
          {browserZone
            ? `Your browser’s time zone, ${browserZone}, is selected: check it and save.`
            : 'You have not chosen your time zone yet: your times are shown in UTC until you save one.'}
        </p>
      )}
      {errors ? (
        <p className="form-alert" role="alert">
          Nothing was saved: check the highlighted days.
        </p>
      ) : null}
      <Form method="post" className="form-stack" key={JSON.stringify(values)}>
        <div className="field">
          <label htmlFor="availability-zone">Time zone</label>
          <select
            id="availability-zone"
            name="timeZone"
            defaultValue={values.timeZone}
            aria-invalid={errors?.timeZone ? true : undefined}
            aria-describedby={errors?.timeZone ? 'availability-zone-error' : undefined}
          >
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          {errors?.timeZone ? (
            <ul id="availability-zone-error" className="field__errors">
              <li>{errors.timeZone}</li>
            </ul>
          ) : null}
        </div>
        <AvailabilityFields values={values} errors={errors?.days} />
        <SubmitButton>Save availability</SubmitButton>
      </Form>
    </>
  )
}
