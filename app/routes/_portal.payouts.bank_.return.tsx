import type { LoaderFunctionArgs } from '@remix-run/node'
import { finishBankOnboarding } from '~/services/payments/payouts/payout-methods.server'
import { requireRole } from '~/http/auth.server'
import { originOf } from '~/services/security/context'
import { redirectWithToast } from '~/http/toast.server'

/** Stripe sends the person back here after onboarding; what they finished is read from Stripe itself. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'freelancer')
  const { status } = await finishBankOnboarding(user.id, originOf(request, context.clientIp))
  if (status === 'active')
    return redirectWithToast('/payouts/methods', {
      kind: 'success',
      message: 'Your bank account is connected; you can now request payouts to it.',
    })
  if (status === 'pending') {
    return redirectWithToast('/payouts/methods', {
      kind: 'info',
      message:
        'Stripe needs a few more details before payouts can go to this account. Choose “Connect with Stripe” to continue.',
    })
  }
  return redirectWithToast('/payouts/methods', { kind: 'info', message: 'There is no bank onboarding to finish.' })
}
