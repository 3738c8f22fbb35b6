import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { ThemeSchema } from '~/services/accounts/schemas'
import { safeRedirect } from '~/utils/safe-redirect'
import { themeSetCookie } from '~/http/theme.server'
import { redirectWithToast } from '~/http/toast.server'
import { readFormData } from '~/http/form-data.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: ThemeSchema })
  if (submission.status !== 'success') {
    return redirectWithToast('/', { kind: 'error', message: 'Choose light, dark or system theme.' })
  }
  const { theme, redirectTo } = submission.value
  return redirect(safeRedirect(redirectTo, '/'), { headers: { 'Set-Cookie': await themeSetCookie(theme) } })
}
