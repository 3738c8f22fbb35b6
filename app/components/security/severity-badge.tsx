import type { Severity } from '~/models/schema/security'

export const SEVERITY_LABELS: Record<Severity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
}

/** The severity in words (colour only repeats it, for people who cannot tell colours apart). */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge badge--plain severity severity--${severity}`}>
      <span className="visually-hidden">Severity: </span>
      {SEVERITY_LABELS[severity]}
    </span>
  )
}
