import { PlainLink } from '~/components/ui/plain-link'
import type { OnboardingStep } from '~/services/marketplace/onboarding'

/**
 * The line under a dashboard's heading. A newcomer (the session their sign-up began) is welcomed,
 * not welcomed back, and pointed at the first step of the checklist not done yet; everyone else is
 * welcomed back. `who` is the name as the dashboard writes it (the client's with their company).
 */
export function Greeting({ who, newcomer, steps }: { who: string; newcomer: boolean; steps: OnboardingStep[] }) {
  if (!newcomer) return <p className="muted">{`Welcome back, ${who}.`}</p>
  const next = steps.find((step) => !step.done)
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
