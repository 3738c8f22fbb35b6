import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { openNotification } from '~/services/notifications/centre.server'
import { requireUser } from '~/http/auth.server'

/** Following a notification's link marks it read, then goes where it leads. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const to = await openNotification(user.id, params.notificationId ?? '')
  if (!to) throw new Response('Not found', { status: 404 })
  return redirect(to)
}
