import type { ReactNode } from 'react'
import { InlineList } from '~/components/ui/inline-list'

/** Serialised from the server's SkillHelp (components import no .server modules). */
type Suggestion = { name: string; score: number; via: 'name' | 'meaning' }
export type SkillHelpData = {
  suggested: Suggestion[]
  related: Array<{ skill: string; related: Suggestion[] }>
}

function why(suggestion: Suggestion): string {
  return suggestion.via === 'name'
    ? 'named in your text'
    : `close in meaning (similarity ${suggestion.score.toFixed(2)})`
}

/**
 * Sends the surrounding form again with this skill added (no validation: the form may be half filled).
 * Skill names run long ("Add Front-end Development"), so the label wraps rather than widen a phone's page.
 */
function AddSkillButton({ skill, children }: { skill: string; children: ReactNode }) {
  return (
    <button type="submit" name="addSkill" value={skill} formNoValidate className="button button--ghost button--wrap">
      {children}
    </button>
  )
}

/**
 * "Suggest skills" sends the surrounding form (intent=skills) and shows what the title and
 * description suggest; each "Add" button sends it again with that skill added. Plain buttons, so it
 * works without JavaScript.
 */
export function SkillSuggestionsPanel({ help }: { help: SkillHelpData | null }) {
  return (
    <section className="price-panel">
      <h2>Skills your description suggests</h2>
      {help ? (
        help.suggested.length || help.related.length ? (
          <>
            {help.suggested.length ? (
              <ul className="link-list" aria-label="Suggested skills">
                {help.suggested.map((s) => (
                  <li key={s.name}>
                    <AddSkillButton skill={s.name}>Add {s.name}</AddSkillButton> <span className="muted">{why(s)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {help.related.map((r) => (
              <p key={r.skill}>
                Related to {r.skill}:{' '}
                <InlineList items={r.related} separator=", " keyOf={(s) => s.name}>
                  {(s) => <AddSkillButton skill={s.name}>{s.name}</AddSkillButton>}
                </InlineList>
              </p>
            ))}
          </>
        ) : (
          <p className="muted">
            Nothing in the title or description points to a skill yet. Describe the work a little more.
          </p>
        )
      ) : (
        <p className="muted">Matched against our skills list by name, by synonym (“k8s”) and by meaning.</p>
      )}
      <button type="submit" name="intent" value="skills" formNoValidate className="button button--secondary">
        Suggest skills
      </button>
    </section>
  )
}
