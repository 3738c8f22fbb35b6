/** Skill suggestions for the project form: what its title and description suggest, and what is near the chosen ones. */
import { parseSkillList } from '~/services/marketplace/skills-taxonomy'
import { relatedSkills, suggestSkills, type SkillSuggestion } from './semantic-skills.server'

export type SkillHelp = {
  suggested: SkillSuggestion[]
  related: Array<{ skill: string; related: SkillSuggestion[] }>
}

export function skillHelpForForm(formData: FormData): SkillHelp {
  const text = `${String(formData.get('title') ?? '')}\n${String(formData.get('description') ?? '')}`
  const chosen = new Set(parseSkillList(String(formData.get('skills') ?? '')).skills)
  const suggested = suggestSkills(text, { limit: 12 }).filter((s) => !chosen.has(s.name))
  const related = [...chosen].slice(0, 5).map((skill) => ({
    skill,
    related: relatedSkills(skill, { limit: 4 }).filter((s) => !chosen.has(s.name)),
  }))
  return { suggested, related: related.filter((r) => r.related.length) }
}

/** The form data with one more skill in its skills field (the "Add" buttons of the suggestions). */
export function withSkillAdded(formData: FormData): FormData {
  const added = String(formData.get('addSkill') ?? '')
  const current = String(formData.get('skills') ?? '')
  const { skills } = parseSkillList(current)
  if (!added || skills.includes(added)) return formData
  const copy = new FormData()
  for (const [key, value] of formData) if (key !== 'skills' && key !== 'addSkill') copy.append(key, value)
  copy.set('skills', current.trim() ? `${current.replace(/[\s,]+$/, '')}, ${added}` : added)
  return copy
}
