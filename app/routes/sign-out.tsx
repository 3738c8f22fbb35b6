import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { endSession } from '~/services/accounts/sessions.server'
import { redirectWithToast } from '~/http/toast.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const clearCookie = await endSession(request)
  return redirectWithToast(
    '/',
    { kind: 'info', message: 'You are signed out.' },
    { headers: { 'Set-Cookie': clearCookie } },
  )
}
