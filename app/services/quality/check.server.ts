/**
 * The "Check" button of the proposal, project and profile forms: what the text could do better, in
 * plain sentences. Nothing is saved; the form comes back with what was typed and these suggestions.
 */
import { listOtherLettersOfFreelancer } from '~/models/letter-similarity.server'
import { listSkillsOfProject } from '~/models/projects.server'
import { skillSimilarity, suggestSkills } from '~/services/ai/semantic-skills.server'
import { parseSkillList } from '~/services/marketplace/skills-taxonomy'
import { checkSuggestionAllowance, findMisspellings } from './spelling.server'
import { compareLetters, isTemplated } from './templated-letters'
import {
  LENGTH_RULES,
  checkDeliverables,
  checkSkillsSpokenTo,
  checkText,
  spellingSuggestion,
  uncoveredSkills,
  type LengthRule,
  type QualityReport,
  type Suggestion,
  type TextFact,
} from './text-checks'

type Text = { field: string; text: string; rule: LengthRule; graded?: boolean }

/**
 * How much of each text is checked: the longest any of these fields may be saved with. The form posts
 * its texts unchecked (up to the 1 MB body limit), and reading grades, spellings and skills over
 * 900,000 characters held a server process for two seconds.
 */
const MAX_CHECKED_CHARS = 10_000
const checkedPart = (text: string) => text.slice(0, MAX_CHECKED_CHARS)

function checkTexts(texts: Text[]): QualityReport {
  const suggestions: Suggestion[] = []
  const facts: TextFact[] = []
  // One allowance for the whole form: each field does not get its own.
  const allowance = checkSuggestionAllowance()
  for (const { field, text, rule, graded = true } of texts) {
    const checked = checkText(field, text, rule, graded)
    suggestions.push(...checked.suggestions)
    for (const miss of findMisspellings(text, allowance))
      suggestions.push(spellingSuggestion(field, miss.word, miss.suggestions))
    facts.push(checked.fact)
  }
  return { suggestions, facts }
}

/** The wanted skills the text neither names nor means (by the semantic skill matching). */
function skillsNotSpokenTo(text: string, wanted: readonly string[]): string[] {
  if (!wanted.length || !text.trim()) return [...wanted]
  const inText = suggestSkills(text, { limit: 40 }).map((s) => s.name)
  return uncoveredSkills(wanted, inText, skillSimilarity)
}

const COVER_LETTER = 'Your cover letter'

/** A cover letter before it is sent (or saved): the usual checks, whether it speaks to this project, and whether it is a template. */
export async function checkCoverLetter(input: {
  letter: string
  freelancerId: string
  project: { id: string; title: string }
}): Promise<QualityReport> {
  const { project } = input
  const letter = checkedPart(input.letter)
  const skills = await listSkillsOfProject(project.id)
  const report = checkTexts([{ field: COVER_LETTER, text: letter, rule: LENGTH_RULES.coverLetter }])
  report.suggestions.push(
    ...checkSkillsSpokenTo(COVER_LETTER, skillsNotSpokenTo(letter, skills), 'the client asks for'),
    ...checkDeliverables(COVER_LETTER, project.title, letter),
  )
  const others = await listOtherLettersOfFreelancer(input.freelancerId, project.id)
  const best = compareLetters(letter, others)[0]
  if (best && isTemplated(best.similarity)) {
    const title = others.find((other) => other.proposalId === best.proposalId)?.projectTitle ?? 'another project'
    report.suggestions.unshift({
      field: COVER_LETTER,
      kind: 'templated',
      message: `${COVER_LETTER} is ${Math.round(best.similarity * 100)}% the same as the one you sent for “${title}”. Clients can hide letters like this; write to this project to stand out. You can still send it.`,
    })
  }
  return report
}

/** The named fields of a form as sent, each an empty string when missing. */
function textsOf<K extends string>(formData: FormData, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? '')])) as Record<K, string>
}

/** The project form's texts as sent (any may be missing). */
export const projectTexts = (formData: FormData) => textsOf(formData, ['title', 'description', 'skills'])

/**
 * A heading (its length only, not graded) and the text under it, and whether the two speak to the
 * skills listed; a suggestion about the skills names the text's field.
 */
function checkHeadedText(wholeHeading: Text, wholeBody: Text, skillList: string): QualityReport {
  const heading = { ...wholeHeading, text: checkedPart(wholeHeading.text) }
  const body = { ...wholeBody, text: checkedPart(wholeBody.text) }
  const report = checkTexts([{ ...heading, graded: false }, body])
  const { skills } = parseSkillList(checkedPart(skillList))
  const missing = skillsNotSpokenTo(`${heading.text}\n${body.text}`, skills)
  report.suggestions.push(...checkSkillsSpokenTo(body.field, missing, 'you list as skills'))
  return report
}

/** The project form: title and description, and whether the description speaks to the skills chosen. */
export function checkProjectText(input: { title: string; description: string; skills: string }): QualityReport {
  return checkHeadedText(
    { field: 'The title', text: input.title, rule: LENGTH_RULES.projectTitle },
    { field: 'The description', text: input.description, rule: LENGTH_RULES.projectDescription },
    input.skills,
  )
}

/** The freelancer profile form's texts as sent (any may be missing). */
export const profileTexts = (formData: FormData) => textsOf(formData, ['headline', 'bio', 'skills'])

/** The freelancer profile: headline and "About you", and whether they speak to the listed skills. */
export function checkProfileText(input: { headline: string; bio: string; skills: string }): QualityReport {
  return checkHeadedText(
    { field: 'Your headline', text: input.headline, rule: LENGTH_RULES.headline },
    { field: 'About you', text: input.bio, rule: LENGTH_RULES.bio },
    input.skills,
  )
}
