import type { SubmissionResult } from '@conform-to/react'
import type { QualityReport } from '~/services/quality/text-checks'

/**
 * What the action of a form with a "Check" button answers: the submission's reply (for the field
 * messages and the values typed) and, after a check, what the check found.
 */
export type CheckedFormAnswer = { result?: SubmissionResult<string[]> | null; check?: QualityReport | null }

function factLine({ field, words, grade }: QualityReport['facts'][number]): string {
  return `${field}: ${words} ${words === 1 ? 'word' : 'words'}${grade === null ? '' : `, reading grade ${grade}`}`
}

/**
 * The "Check" button and what it found. The button sends the surrounding form with intent=check
 * and skips validation; the page comes back with the same values and these suggestions, so it works
 * without JavaScript. Nothing is saved or sent by it.
 */
export function CheckPanel({ report, what }: { report: QualityReport | null; what: string }) {
  return (
    <section className="price-panel" aria-labelledby="check-panel-heading">
      <h2 id="check-panel-heading">Check your writing</h2>
      {report ? (
        <div role="status">
          {report.suggestions.length ? (
            <ul aria-label="Suggestions">
              {report.suggestions.map((s) => (
                <li key={`${s.kind}:${s.message}`}>{s.message}</li>
              ))}
            </ul>
          ) : (
            <p>No suggestions: spelling, length, reading grade and focus look fine.</p>
          )}
          <p className="muted">{report.facts.map(factLine).join(' · ')}</p>
        </div>
      ) : (
        <p className="muted">
          Looks over {what} for spelling, length, reading grade and whether it speaks to the skills asked for. Nothing
          is saved or sent.
        </p>
      )}
      <button type="submit" name="intent" value="check" formNoValidate className="button button--secondary">
        Check
      </button>
    </section>
  )
}
