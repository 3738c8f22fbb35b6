import type { RiskSummary } from '~/services/security/security-log.server'

const OUTCOMES: Record<RiskSummary['outcome'], string> = {
  allowed: 'allowed with the password',
  second_factor: 'a second factor was asked for',
  refused: 'the sign-in was refused',
}

// The risk engine names factors with identifiers; people read these.
const FACTOR_LABELS: Record<string, string> = {
  blocklisted_ip: 'Blocked IP range',
  new_device: 'New device',
  new_country: 'New country',
  impossible_travel: 'Impossible travel',
  account_failures: 'Failed sign-ins on the account',
  ip_failures: 'Failed sign-ins from this IP address',
  new_account: 'New account',
}

function factorLabel(name: string): string {
  const label = FACTOR_LABELS[name] ?? name.replace(/_/g, ' ')
  return label.charAt(0).toUpperCase() + label.slice(1)
}

const LEVELS: Record<RiskSummary['level'], string> = { low: 'low risk', medium: 'medium risk', high: 'high risk' }

/** A sign-in's risk score with every factor that added to it, so nobody has to trust a bare number. */
export function RiskFactors({ risk }: { risk: RiskSummary }) {
  return (
    <div className="risk-factors">
      <p className="risk-factors__score">
        Sign-in risk score <strong>{risk.score} of 100</strong> ({LEVELS[risk.level]}): {OUTCOMES[risk.outcome]}.
      </p>
      {risk.factors.length ? (
        <ul className="risk-factors__list" aria-label="Risk factors">
          {risk.factors.map((factor) => (
            <li key={factor.name}>
              <span className="risk-factors__name">{factorLabel(factor.name)}</span>{' '}
              <span className="risk-factors__points">
                {factor.points >= 0 ? '+' : '−'}
                {Math.abs(factor.points)} {Math.abs(factor.points) === 1 ? 'point' : 'points'}
              </span>
              {factor.detail ? <span className="cell-detail">{factor.detail}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing unusual about this sign-in.</p>
      )}
    </div>
  )
}
