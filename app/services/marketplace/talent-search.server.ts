/**
 * The talent search (/freelancers): a client (or anyone) looks for freelancers by words, skills,
 * rate, availability and rating. Typed skills are read through the taxonomy ("k8s", "reactjs"), words
 * through the same synonyms and plurals as Find work; what cannot be used is said, never a failure.
 */
import { countFreelancers, searchFreelancers } from '~/models/talent-search.server'
import {
  TALENT_PAGE_SIZE,
  parseTalentParams,
  toTalentSearchInput,
  type TalentParams,
  type TalentSort,
} from '~/domain/talent-search-params'
import { searchSkillHints } from '~/services/ai/semantic-skills.server'
import { searchKeywords } from '~/services/ai/search-keywords.server'
import { findSkill } from './skills-taxonomy'
import { searchesLessOneWord, type FewerWordsSearch } from './fewer-words'

/** Each sort in words, as the page explains it (ranking is never a black box). */
export const TALENT_SORT_EXPLANATIONS: Record<TalentSort, string> = {
  relevance:
    'Best match: with keywords, freelancers whose skills, headline or name hold your words come first (a word among the skills counts 10 times one in the bio, in the headline 5 times, in the name 3 times); ties, and searches without keywords, go by rating.',
  rate_low: 'Rate: the lowest hourly rate first (in each freelancer’s own currency); equal rates by rating.',
  rating:
    'Rating: as in the published rank formula, every freelancer starts as if they had 5 reviews of 4 stars, so one 5-star review does not beat forty 4.9s; only reviews already visible count.',
  active: 'Recently active: the latest proposal, contract step, portfolio or profile change first.',
}

/** The query string read, typed skills put in the taxonomy's words (or dropped, said in `problems`). */
export function readTalentSearch(search: URLSearchParams): { params: TalentParams; problems: string[] } {
  const { params, problems } = parseTalentParams(search)
  const skills: string[] = []
  for (const typed of params.skills) {
    const name = findSkill(typed)?.name
    if (!name) problems.push(`No skill is called “${typed}”; it was left out. Try the list of skills as you type.`)
    else if (!skills.includes(name)) skills.push(name)
  }
  return { params: { ...params, skills }, problems }
}

function inputOf(params: TalentParams) {
  return { ...toTalentSearchInput(params), ...searchKeywords(params.q) }
}

/** One page of the search, and skills to try beside it. `visitor`: no account (members-only profiles left out). */
export async function findTalent(params: TalentParams, { visitor }: { visitor: boolean }) {
  const result = await searchFreelancers({ ...inputOf(params), visitor, pageSize: TALENT_PAGE_SIZE })
  return { ...result, ...searchSkillHints(params.q, params.skills, result.total) }
}

/** The same search (filters kept) with one of its words left out, where that finds freelancers. */
export function talentSearchesLessOneWord(
  params: TalentParams,
  { visitor }: { visitor: boolean },
): Promise<FewerWordsSearch[]> {
  return searchesLessOneWord(params.q, (q) => countFreelancers({ ...inputOf({ ...params, q, page: 1 }), visitor }))
}

/**
 * How many freelancers matching a saved talent search became listed in (after, upTo]: its alerts.
 * Listed, not joined: someone who completes their profile weeks after signing up is news then.
 */
export async function countNewTalent(query: string, after: Date, upTo: Date): Promise<number> {
  const { params } = readTalentSearch(new URLSearchParams(query))
  return countFreelancers({ ...inputOf({ ...params, page: 1 }), listedAfter: after, listedUpTo: upTo, now: upTo })
}
