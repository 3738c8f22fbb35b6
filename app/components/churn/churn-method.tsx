import { formatDate } from '~/utils/format'
import { CardSection } from '~/components/ui/card-section'

type Method = {
  kind: 'model' | 'rules'
  fitCutoff: string
  testCutoff: string
  trained: { accounts: number; left: number }
  heldOut: { accounts: number; left: number }
  auc: number | null
  ruleAuc: number | null
  weights: { feature: string; weight: number }[]
  horizonDays: number
  minExamples: number
  rules: { points: number; describe: string }[]
}

const auc = (value: number | null) => (value === null ? 'not measurable (one outcome only)' : value.toFixed(3))

/** How the risk was computed, in plain words, with the measured quality: the page's honesty box. */
export function ChurnMethod({ method }: { method: Method }) {
  const { trained, heldOut } = method
  return (
    <CardSection id="churn-method-heading" title="How the risk is computed">
      {method.kind === 'model' ? (
        <p>
          A logistic regression: a weighted sum of the eight facts below, turned into a probability of doing nothing in
          the next {method.horizonDays} days. It was fitted on {trained.accounts.toLocaleString('en')} accounts as they
          stood on {formatDate(method.fitCutoff)} ({trained.left.toLocaleString('en')} of them then did nothing for{' '}
          {method.horizonDays} days). Measured on {heldOut.accounts.toLocaleString('en')} accounts as they stood on{' '}
          {formatDate(method.testCutoff)}, whose outcome it never saw: AUC {auc(method.auc)} (0.5 is a coin toss, 1 is
          always right). The rule score below, on the same accounts: AUC {auc(method.ruleAuc)}.
        </p>
      ) : (
        <p>
          <strong>No model yet: this is the rule score.</strong> Fitting needs at least{' '}
          {method.minExamples.toLocaleString('en')} accounts with 20 of each outcome, and the platform had{' '}
          {trained.accounts.toLocaleString('en')} active accounts on {formatDate(method.fitCutoff)} (
          {trained.left.toLocaleString('en')} of them then did nothing for {method.horizonDays} days). The risk is the
          sum of the points of the rules below, out of 100. On {heldOut.accounts.toLocaleString('en')} accounts as of{' '}
          {formatDate(method.testCutoff)} it measured AUC {auc(method.ruleAuc)}.
        </p>
      )}
      <p className="muted">
        Bands: high from 50% (or 50 points), medium from 25. The reasons are these rules, strongest first:
      </p>
      <ul>
        {method.rules.map((rule) => (
          <li key={rule.describe}>
            {rule.describe} ({rule.points} points)
          </li>
        ))}
      </ul>
      {method.weights.length ? (
        <details>
          <summary>The fitted weights (per standard deviation of each fact)</summary>
          <ul>
            {method.weights.map((w) => (
              <li key={w.feature}>
                {w.feature}: {w.weight >= 0 ? '+' : ''}
                {w.weight.toFixed(2)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </CardSection>
  )
}
