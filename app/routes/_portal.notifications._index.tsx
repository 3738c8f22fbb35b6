import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { NotificationList } from '~/components/notifications/notification-list'
import { PageHeader } from '~/components/ui/page-header'
import { Pagination } from '~/components/ui/pagination'
import { NotificationIntentSchema, NotificationsPageSchema } from '~/services/notifications/notification-schemas'
import { loadNotificationCentre, markAllRead, markRead } from '~/services/notifications/centre.server'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { parseIntent } from '~/http/intent.server'
import { readQuery } from '~/http/query.server'

export const meta: MetaFunction = () => [{ title: 'Notifications · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { page } = readQuery(request, NotificationsPageSchema)
  return json(await loadNotificationCentre(user.id, page))
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = parseIntent(await readFormData(request), NotificationIntentSchema)
  const back = `/notifications${new URL(request.url).search}`
  switch (form.intent) {
    case 'mark-read':
      if (!(await markRead(user.id, form.notificationId))) throw new Response('Not found', { status: 404 })
      return redirectWithToast(back, { kind: 'success', message: 'Marked as read.' })
    case 'mark-all-read': {
      const changed = await markAllRead(user.id)
      return redirectWithToast(back, {
        kind: 'success',
        message: changed
          ? `Marked ${changed} notification${changed === 1 ? '' : 's'} as read.`
          : 'Everything was already read.',
      })
    }
  }
}

export default function Notifications() {
  const data = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Notifications">
        <p className="muted">
          {data.unread ? `${data.unread} unread.` : 'All read.'} Choose which ones also reach you by email in{' '}
          <Link to="/settings/notifications">notification settings</Link>.
        </p>
      </PageHeader>
      {data.unread ? (
        <Form method="post" className="notifications__actions">
          <button type="submit" name="intent" value="mark-all-read" className="button button--secondary">
            Mark all as read
          </button>
        </Form>
      ) : null}
      <section className="card" aria-label="Notifications, newest first">
        {data.notifications.length ? (
          <NotificationList notifications={data.notifications} />
        ) : (
          <p className="muted empty">Nothing yet. You will be told here when something needs you.</p>
        )}
      </section>
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
    </>
  )
}
