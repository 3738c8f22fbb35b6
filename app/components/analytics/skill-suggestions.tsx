import { PlainLink } from '~/components/ui/plain-link'
import { CardSection } from '~/components/ui/card-section'

/** Skills in demand that the freelancer does not list yet (from the market page's numbers). */
export function SkillSuggestions({ skills }: { skills: { skill: string; demand: number; supply: number }[] }) {
  if (!skills.length) return null
  return (
    <CardSection id="skill-suggestions" title="Skills to consider adding">
      <ul>
        {skills.map((s) => (
          <li key={s.skill}>
            <strong>{s.skill}</strong>
            {`: ${s.demand} ${s.demand === 1 ? 'project' : 'projects'} in the last 90 days, ${s.supply} ${s.supply === 1 ? 'freelancer offers' : 'freelancers offer'} it`}
          </li>
        ))}
      </ul>
      <p>
        <PlainLink to="/settings">Add skills to your profile</PlainLink>
        {' · '}
        <PlainLink to="/market">See the whole market</PlainLink>
      </p>
    </CardSection>
  )
}
