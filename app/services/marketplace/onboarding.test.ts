import { describe, expect, it } from 'vitest'
import { onboardingSteps, type OnboardingFacts } from './onboarding'

const nothing: OnboardingFacts = {
  profileComplete: false,
  hasProject: false,
  hasProposal: false,
  hasPayoutMethod: false,
  hasSecondFactor: false,
}
const everything: OnboardingFacts = {
  profileComplete: true,
  hasProject: true,
  hasProposal: true,
  hasPayoutMethod: true,
  hasSecondFactor: true,
}

describe('onboardingSteps', () => {
  it('leads a new client to post a project first', () => {
    const steps = onboardingSteps('client', nothing)
    expect(steps[0]).toEqual({ label: 'Post your first project', done: false, href: '/projects/new' })
    expect(steps.map((step) => step.href)).toEqual(['/projects/new', '/settings', '/settings/security'])
  })

  it('leads a new freelancer to the profile first, then work, payouts and a second factor', () => {
    expect(onboardingSteps('freelancer', nothing).map((step) => step.href)).toEqual([
      '/settings',
      '/projects',
      '/payouts/methods',
      '/settings/security',
    ])
  })

  it('marks what is done and keeps the list while a step is open', () => {
    const steps = onboardingSteps('freelancer', { ...everything, hasPayoutMethod: false })
    expect(steps.filter((step) => !step.done).map((step) => step.label)).toEqual(['Add a payout method'])
  })

  it('disappears once every step is done', () => {
    expect(
      onboardingSteps('client', { ...nothing, profileComplete: true, hasProject: true, hasSecondFactor: true }),
    ).toEqual([])
    expect(onboardingSteps('freelancer', everything)).toEqual([])
    expect(onboardingSteps('admin', everything)).toEqual([])
  })

  it('asks an admin only for a second factor', () => {
    expect(onboardingSteps('admin', nothing).map((step) => step.label)).toEqual(['Add a second factor to your sign-in'])
  })
})
