import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { MeetingList } from '~/components/meetings/meeting-list'
import { PageHeader } from '~/components/ui/page-header'
import { requireRole } from '~/http/auth.server'
import { loadMeetingsList } from '~/services/meetings/meetings.server'

export const meta: MetaFunction = () => [{ title: 'Meetings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  return json(await loadMeetingsList(user))
}

export default function Meetings() {
  const { zone, upcoming, past } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Meetings">
        <p className="muted">
          Times are in your time zone, {zone}. Book a meeting from a contract or a conversation; set when you are free
          in <Link to="/settings/availability">Settings → Availability</Link>.
        </p>
      </PageHeader>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Upcoming</h2>
        <MeetingList meetings={upcoming} label="Upcoming meetings" empty="No upcoming meetings." />
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">Past and cancelled</h2>
        <MeetingList meetings={past} label="Past and cancelled meetings" empty="None yet." />
      </section>
    </>
  )
}
