import type { Role } from '~/domain/enums'

/** What is known about a new person's account, enough to say what they have not done yet. */
export type OnboardingFacts = {
  profileComplete: boolean
  hasProject: boolean
  hasProposal: boolean
  hasPayoutMethod: boolean
  hasSecondFactor: boolean
}

export type OnboardingStep = { label: string; done: boolean; href: `/${string}` }

/**
 * The first-hour checklist of each portal, most useful step first. It is empty once every step is
 * done, so the dashboard stops showing it.
 */
export function onboardingSteps(role: Role, facts: OnboardingFacts): OnboardingStep[] {
  const secondFactor: OnboardingStep = {
    label: 'Add a second factor to your sign-in',
    done: facts.hasSecondFactor,
    href: '/settings/security',
  }
  const steps: OnboardingStep[] =
    role === 'client'
      ? [
          { label: 'Post your first project', done: facts.hasProject, href: '/projects/new' },
          { label: 'Complete your profile', done: facts.profileComplete, href: '/settings' },
          secondFactor,
        ]
      : role === 'freelancer'
        ? [
            { label: 'Complete your profile', done: facts.profileComplete, href: '/settings' },
            { label: 'Send your first proposal', done: facts.hasProposal, href: '/projects' },
            { label: 'Add a payout method', done: facts.hasPayoutMethod, href: '/payouts/methods' },
            secondFactor,
          ]
        : [secondFactor]
  return steps.every((step) => step.done) ? [] : steps
}
