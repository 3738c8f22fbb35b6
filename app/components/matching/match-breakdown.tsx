/** Serialised from services/ai/matching.ts (components import no .server modules). */
export type MatchSummaryData = { score: number; summary: string; newcomer: boolean }
export type MatchData = MatchSummaryData & {
  factors: Array<{ key: string; label: string; weight: number; points: number; words: string }>
}

/**
 * A match in words: "81 / 100 match · 7 of 8 skills · rate within budget · 6 h overlap". `newcomerBadge`:
 * whether to say the freelancer is new, which a client reading freelancers needs and a freelancer reading
 * projects does not (beside a project, "New on MegiLance" reads as if the project were new).
 */
export function MatchSummary({ match, newcomerBadge = true }: { match: MatchSummaryData; newcomerBadge?: boolean }) {
  return (
    <p>
      <strong>{`${match.score} / 100 match`}</strong>
      {` · ${match.summary}`}
      {newcomerBadge && match.newcomer ? <span className="badge badge--plain">New on MegiLance</span> : null}
    </p>
  )
}

/** The match in words first, then each factor's points. */
export function MatchBreakdown({ match, newcomerBadge = true }: { match: MatchData; newcomerBadge?: boolean }) {
  return (
    <div className="match-breakdown">
      <MatchSummary match={match} newcomerBadge={newcomerBadge} />
      <details>
        <summary>Why this match</summary>
        <ul>
          {match.factors.map((factor) => (
            // One text node per line: React renders each interpolation as its own node otherwise.
            <li key={factor.key}>{`${factor.label}: ${factor.words} (${factor.points} of ${factor.weight} points)`}</li>
          ))}
        </ul>
      </details>
    </div>
  )
}
