import { PlainLink } from '~/components/ui/plain-link'
import type { OnboardingStep } from '~/services/marketplace/onboarding'

/**
 * The line under a dashboard's heading. A newcomer (the session their sign-up began) is welcomed,
 * not welcomed back, and pointed at the first step of the checklist not done yet; everyone else is
 * welcomed back. `who` is the name as the dashboard writes it (the client's with their company).
 * Someone waiting on the newcomer (`waiting`: a freelancer's proposal) comes before the checklist:
 * "Complete your profile" while a proposal sits unread sent the new client the wrong way.
 */
export function Greeting({
  who,
  newcomer,
  steps,
  waiting,
}: {
  who: string
  newcomer: boolean
  steps: OnboardingStep[]
  waiting?: { href: `/${string}`; label: string } | null
}) {
  if (!newcomer) return <p className="muted">{`Welcome back, ${who}.`}</p>
  const next = waiting ?? steps.find((step) => !step.done)
  return (
    <p className="muted">
      {`Welcome, ${who}.`}
      {next ? (
        <>
          {' Next step: '}
          <PlainLink to={next.href}>{next.label}</PlainLink>.
        </>
      ) : null}
    </p>
  )
}
