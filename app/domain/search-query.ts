/**
 * A search page's query string, as Find work (/projects) and Find talent (/freelancers) both read and
 * write it. Reading forgives: anyone can edit a link, so a value that makes no sense is dropped and
 * said in plain words (`problems`), never a failure. Writing gives one canonical text (keywords,
 * sorted skills, the search's own filters in its declared order, a sort other than the default, the
 * page when asked), which is also what a saved search stores: old saved links must keep opening the
 * same search, so this order and these names do not change. No database code.
 */

const MAX_QUERY_LENGTH = 200
const MAX_SKILL_LENGTH = 60
const MAX_PAGE = 500

/** What every search has; each search adds its own filters, every one a string ('' = not set). */
export type SearchBasics = { q: string; skills: string[]; sort: string; page: number }

/** `value` when it is one of `values`, else '' (not set). */
function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : ''
}

/** A non-negative amount in major units ("1,500" and "45.50" are fine, and the `signs` given), or null. */
function parseAmount(text: string, { upTo, signs }: { upTo: number; signs: string }): number | null {
  const cleaned = text.replace(new RegExp(`[,\\s_${signs}]`, 'g'), '')
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null
  const value = Number(cleaned)
  return Number.isFinite(value) && value <= upTo ? value : null
}

/** Reads one query string; what it had to drop is said in `problems`, in the order read. */
export function searchReader(search: URLSearchParams) {
  const problems: string[] = []
  return {
    problems,

    /** The keywords, trimmed, at most 200 characters. */
    keywords(): string {
      return (search.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH)
    },

    /** The `skill` values as typed: blank, repeated and over-long ones left out, the first `most` kept. */
    skills(most: number): string[] {
      const skills: string[] = []
      for (const raw of search.getAll('skill')) {
        const skill = raw.trim()
        if (skill && !skills.includes(skill) && skill.length <= MAX_SKILL_LENGTH) skills.push(skill)
      }
      if (skills.length > most) {
        problems.push(`Only the first ${most} skills were used.`)
        skills.length = most
      }
      return skills
    },

    /** One of a closed set of values, or '' (and `problem` said) when the link gives another. */
    choice<T extends string>(name: string, values: readonly T[], problem: string): T | '' {
      const raw = search.get(name) ?? ''
      const value = oneOf(values, raw)
      if (raw && !value) problems.push(problem)
      return value
    },

    /**
     * `min` and `max`, amounts in major units named `noun` in messages ("budget", "rate"): one that is
     * not a number (or above `upTo`) is dropped, a minimum above the maximum swapped; both are written
     * back as plain numbers ("1,500.50" → "1500.5"). `signs`: currency signs a person may type too.
     */
    amountRange(noun: string, { upTo, signs = '' }: { upTo: number; signs?: string }): { min: string; max: string } {
      const minText = (search.get('min') ?? '').trim()
      const maxText = (search.get('max') ?? '').trim()
      let min = minText ? parseAmount(minText, { upTo, signs }) : null
      let max = maxText ? parseAmount(maxText, { upTo, signs }) : null
      if (minText && min === null) problems.push(`Minimum ${noun} must be a number; it was ignored.`)
      if (maxText && max === null) problems.push(`Maximum ${noun} must be a number; it was ignored.`)
      if (min !== null && max !== null && min > max) {
        problems.push(`The minimum ${noun} was above the maximum; they were swapped.`)
        ;[min, max] = [max, min]
      }
      return { min: min === null ? '' : String(min), max: max === null ? '' : String(max) }
    },

    /** The sort asked for, or the default (the first of `sorts`) when it is missing or unknown. */
    sort<T extends string>(sorts: readonly [T, ...T[]]): T {
      return oneOf(sorts, search.get('sort')) || sorts[0]
    },

    /** The page asked for: a whole number from 1, at most 500; 1 when missing or not one. */
    page(): number {
      const raw = search.get('page')
      const page = raw ? Number(raw) : 1
      return Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1
    },
  }
}

/** The names of a search's own filters: its string fields besides the keywords and the sort. */
type FilterName<P> = Exclude<
  { [K in keyof P & string]: P[K] extends string ? K : never }[keyof P & string],
  'q' | 'sort'
>

/** One filter's value ('' when not set). */
function filterValue(params: object, name: string): string {
  return (params as Record<string, string>)[name] ?? ''
}

export type SearchDeclaration<P extends SearchBasics> = {
  /** The page the search is on ("/projects"). */
  path: string
  /** The sorts offered; the first is the default, which the query string leaves out. */
  sorts: readonly [P['sort'], ...P['sort'][]]
  /** The search's own filters, in the order the query string writes them (after the skills). */
  filters: readonly FilterName<P>[]
  /** The filters that are set, in words, in the order a description gives them (after the skills). */
  describeFilters: (params: P) => string[]
  /** The description of a search that narrows nothing ("All open projects"). */
  everything: string
}

/** The query string, link, emptiness and words of one kind of search, from its declaration. */
export function defineSearchQuery<P extends SearchBasics>(declaration: SearchDeclaration<P>) {
  const { path, sorts, filters, describeFilters, everything } = declaration

  /** The canonical query string: no page unless asked, the default sort left out, in a fixed order. */
  function queryString(params: Omit<P, 'page'> & { page?: number }, { withPage = false } = {}): string {
    const out = new URLSearchParams()
    if (params.q) out.set('q', params.q)
    for (const skill of [...params.skills].sort((a, b) => a.localeCompare(b))) out.append('skill', skill)
    for (const name of filters) {
      const value = filterValue(params, name)
      if (value) out.set(name, value)
    }
    if (params.sort !== sorts[0]) out.set('sort', params.sort)
    if (withPage && params.page && params.page > 1) out.set('page', String(params.page))
    return out.toString()
  }

  /** The search's address on its page (first page), e.g. for a "remove this filter" link. */
  function href(params: Omit<P, 'page'>): string {
    const query = queryString(params)
    return query ? `${path}?${query}` : path
  }

  /** True when the search narrows nothing (then there is nothing worth saving). */
  function isEmpty(params: Omit<P, 'page'>): boolean {
    return !params.q && !params.skills.length && filters.every((name) => !filterValue(params, name))
  }

  /** What the search looks for, in words ("“logo” · Figma · up to 40 an hour"). */
  function describe(params: P, { quoteWords = true } = {}): string {
    const parts: string[] = []
    if (params.q) parts.push(quoteWords ? `“${params.q}”` : params.q)
    parts.push(...params.skills, ...describeFilters(params))
    return parts.length ? parts.join(' · ') : everything
  }

  /**
   * The name a saved search starts with: its description with the words unquoted, since messages
   * put the name in quotes (Saved “react dashboard · TypeScript”), and at most 80 characters.
   */
  function suggestName(params: P): string {
    return describe(params, { quoteWords: false }).slice(0, 80)
  }

  return { path, queryString, href, isEmpty, describe, suggestName }
}

export type SearchQuery<P extends SearchBasics> = ReturnType<typeof defineSearchQuery<P>>

/** An amount range in words: "40–60", "from 40", "up to 60", or null when neither end is set. */
export function rangeInWords({ min, max }: { min: string; max: string }): string | null {
  if (min && max) return `${min}–${max}`
  if (min) return `from ${min}`
  if (max) return `up to ${max}`
  return null
}

/** One "remove this filter" link: shown when any of `filters` is set, and clears them all. */
export type FilterRemoval<P> = { label: string; filters: readonly FilterName<P>[] }

/**
 * Links that widen a search one step at a time (shown when nothing matches): the keywords dropped
 * (`withoutKeywords` words it, e.g. "Search for everything, not “logo”"), each skill, then each
 * filter in `filters`' order. Each link keeps the rest of the search and goes to its first page.
 */
export function removalLinks<P extends SearchBasics>(
  search: SearchQuery<P>,
  params: P,
  { withoutKeywords, filters }: { withoutKeywords: (q: string) => string; filters: readonly FilterRemoval<P>[] },
): { label: string; href: string }[] {
  const without = (change: Partial<P>) => search.href({ ...params, ...change })
  const cleared = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, ''])) as Partial<P>
  return [
    ...(params.q ? [{ label: withoutKeywords(params.q), href: without({ q: '' } as Partial<P>) }] : []),
    ...params.skills.map((skill) => ({
      label: `Remove the skill ${skill}`,
      href: without({ skills: params.skills.filter((s) => s !== skill) } as Partial<P>),
    })),
    ...filters
      .filter((removal) => removal.filters.some((name) => filterValue(params, name)))
      .map((removal) => ({ label: removal.label, href: without(cleared(removal.filters)) })),
  ]
}

export type SkillSuggestionLine = { label: string; links: { skill: string; href: string }[] }

/**
 * Skills to search by beside the results, as links: those the keywords name (taking the place of
 * the keywords) and related ones (added to the search). Lines without skills are left out.
 */
export function skillSuggestionLines<P extends SearchBasics>(
  search: SearchQuery<P>,
  params: P,
  { wordSkills, nearSkills }: { wordSkills: readonly string[]; nearSkills: readonly string[] },
): SkillSuggestionLine[] {
  const add = (skill: string, change: Partial<P>) => ({
    skill,
    href: search.href({ ...params, ...change, skills: [...params.skills, skill] }),
  })
  return [
    { label: 'Search by skill instead:', links: wordSkills.map((skill) => add(skill, { q: '' } as Partial<P>)) },
    { label: 'Related skills:', links: nearSkills.map((skill) => add(skill, {})) },
  ].filter((line) => line.links.length)
}
