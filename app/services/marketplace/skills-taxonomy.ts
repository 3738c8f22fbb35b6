/**
 * Looking up skills in the shipped taxonomy (skills-data.ts): canonical names, their categories and
 * the synonyms people type ("JS" → JavaScript, "k8s" → Kubernetes, "node js" → Node.js).
 * Canonical names are what the database stores, so they never change spelling.
 */
import { SKILL_CATEGORIES, SKILL_DATA, type SkillCategory, type SkillName } from './skills-data'

export { SKILL_CATEGORIES, type SkillName }

export type SkillEntry = {
  name: SkillName
  category: SkillCategory
  synonyms: readonly string[]
}

/** Every skill, in category order. */
export const SKILL_ENTRIES: readonly SkillEntry[] = SKILL_CATEGORIES.flatMap((category) => {
  const rows: readonly (readonly [SkillName, ...string[]])[] = SKILL_DATA[category]
  return rows.map(([name, ...synonyms]) => ({ name, category, synonyms }))
})

/** Every canonical skill name, alphabetically (the seed data and the profile form's suggestions). */
export const SKILLS: readonly SkillName[] = SKILL_ENTRIES.map((entry) => entry.name).sort((a, b) =>
  a.localeCompare(b, 'en', { sensitivity: 'base' }),
)

/**
 * The form of a name used for matching: case, accents, whitespace and the separators people use
 * inconsistently (. - / _ and spaces) do not count, so "Node.JS", "node js" and "nodejs" agree.
 * Symbols that carry meaning stay: "C", "C++" and "C#" are different skills.
 * " & " reads as "and", so "Mixing and Mastering" finds "Mixing & Mastering".
 */
export function skillKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+&\s+/g, ' and ')
    .replace(/[\s._\-/]+/g, '')
}

const byKey = new Map<string, SkillEntry>()
for (const entry of SKILL_ENTRIES) {
  for (const spelling of [entry.name, ...entry.synonyms]) {
    const key = skillKey(spelling)
    const taken = byKey.get(key)
    // Fails at start-up, and in the tests, rather than letting a synonym silently name two skills.
    if (taken && taken !== entry) {
      throw new Error(`Skill taxonomy: "${spelling}" (${entry.name}) collides with ${taken.name}`)
    }
    byKey.set(key, entry)
  }
}

/** The skill a name or synonym stands for, or undefined when the taxonomy does not know it. */
export function findSkill(name: string): SkillEntry | undefined {
  const key = skillKey(name)
  return key ? byKey.get(key) : undefined
}

// Autocompletion candidates: the canonical name, each synonym, and the canonical name from each
// later word on ("design" suggests "Logo Design"). Lower rank is a better match.
type Candidate = { key: string; rank: number; entry: SkillEntry }
const candidates: Candidate[] = SKILL_ENTRIES.flatMap((entry) => {
  const words = entry.name.split(/\s+/)
  return [
    { key: skillKey(entry.name), rank: 0, entry },
    ...entry.synonyms.map((synonym) => ({ key: skillKey(synonym), rank: 1, entry })),
    ...words.slice(1).map((_, i) => ({ key: skillKey(words.slice(i + 1).join(' ')), rank: 2, entry })),
  ]
})

/**
 * Skills whose name, synonym or a later word of the name starts with `prefix`, best first:
 * an exact name or synonym, then names, then synonyms, then later words; alphabetical within each.
 */
export function searchSkills(prefix: string, limit = 10): SkillEntry[] {
  const key = skillKey(prefix)
  if (!key || limit <= 0) return []
  const best = new Map<SkillEntry, number>()
  for (const candidate of candidates) {
    if (!candidate.key.startsWith(key)) continue
    const rank = candidate.key === key && candidate.rank < 2 ? -1 : candidate.rank
    const previous = best.get(candidate.entry)
    if (previous === undefined || rank < previous) best.set(candidate.entry, rank)
  }
  return [...best]
    .sort(([a, rankA], [b, rankB]) => rankA - rankB || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }))
    .slice(0, limit)
    .map(([entry]) => entry)
}

/**
 * Splits "react, node js, k8s" into canonical names (["React", "Node.js", "Kubernetes"]), once each,
 * in the order given; names the taxonomy does not know are returned separately, as typed.
 */
export function parseSkillList(text: string): { skills: string[]; unknown: string[] } {
  const parts = text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
  const skills = new Set<string>()
  const unknown: string[] = []
  for (const part of parts) {
    const entry = findSkill(part)
    if (entry) skills.add(entry.name)
    else unknown.push(part)
  }
  return { skills: [...skills], unknown }
}
