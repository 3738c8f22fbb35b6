import { PlainLink } from '~/components/ui/plain-link'
import type { OnboardingStep } from '~/services/marketplace/onboarding'

/** "Get started": the first-hour steps, each a link until it is done. Not shown once all are done. */
export function OnboardingChecklist({ steps }: { steps: OnboardingStep[] }) {
  if (!steps.length) return null
  const done = steps.filter((step) => step.done).length
  return (
    <section className="card onboarding" aria-labelledby="get-started">
      <h2 id="get-started">Get started</h2>
      <p className="muted">{`${done} of ${steps.length} done. This list goes away once every step is done.`}</p>
      <ol className="onboarding__steps">
        {steps.map((step) =>
          step.done ? (
            <li key={step.href} className="onboarding__step onboarding__step--done">
              <span aria-hidden="true">✓ </span>
              {`${step.label} `}
              <span className="visually-hidden">(done)</span>
            </li>
          ) : (
            <li key={step.href} className="onboarding__step">
              <PlainLink to={step.href}>{step.label}</PlainLink>
            </li>
          ),
        )}
      </ol>
    </section>
  )
}
