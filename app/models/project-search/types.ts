import type { BUDGET_TYPES, ExperienceLevel } from '~/domain/enums'
import type { POSTED_WITHIN, SearchSort } from '~/domain/project-search-params'

export type BudgetType = (typeof BUDGET_TYPES)[number]

/** The sorts the Find Work page offers (one list, in the search parameters). */
export type ProjectSort = SearchSort

export type PostedWithin = (typeof POSTED_WITHIN)[number]

export const CLIENT_RATING_THRESHOLDS = ['4', '4.5'] as const
export type RatingThreshold = (typeof CLIENT_RATING_THRESHOLDS)[number]

export type ProjectSearchInput = {
  /** What the user typed; any text is safe. */
  q?: string
  /** Other names a word of q may be found by (lower-case word → names: "k8s" → ["Kubernetes"]). */
  qSynonyms?: Readonly<Record<string, readonly string[]>>
  /** Skill names: a project matches when it asks for any of them. */
  skills?: string[]
  budgetType?: BudgetType
  /** Budget bounds in major units of each project's currency (fixed price or hourly range must reach into them). */
  budgetMin?: number
  budgetMax?: number
  postedWithinDays?: number
  experienceLevel?: ExperienceLevel
  /** Only clients whose visible reviews (as a client) average at least this. */
  clientRatingMin?: number
  /** Only projects created after this instant and up to that one (saved-search alerts). */
  createdAfter?: Date
  createdUpTo?: Date
  /** Only this project (does one new project match a saved search?). */
  projectId?: string
  sort?: ProjectSort
  page?: number
  pageSize?: number
  /** How many skills the skills facet lists (selected skills are always listed too). */
  skillFacetSize?: number
  /** "Now" for the posted-within filter and review visibility; tests pin it. */
  now?: Date
}

export type ProjectSearchRow = {
  id: string
  title: string
  budgetType: BudgetType
  budgetMinMinor: number
  budgetMaxMinor: number
  currency: string
  experienceLevel: ExperienceLevel
  createdAt: Date
  clientId: string
  clientName: string
  /** Mean of the client's visible reviews, null when none. */
  clientRating: number | null
  clientReviewCount: number
  skills: string[]
  /** A short piece of the description; the matched words are wrapped in SNIPPET_MARK_START/END. */
  snippet: string
}

export type FacetCount<V extends string = string> = { value: V; count: number }

export type ProjectSearchResult = {
  rows: ProjectSearchRow[]
  total: number
  /** True when the text could not be searched (it is then treated as matching nothing). */
  queryError: boolean
  facets: {
    /** Counted without the skills filter, so other skills can be added. Most frequent first. */
    skills: FacetCount[]
    /** Counted without the budget type filter, so the other type can be chosen. */
    budgetType: FacetCount<BudgetType>[]
    /** How many matches have a client rated at least each threshold (all other filters applied). */
    clientRating: FacetCount<RatingThreshold>[]
    /** How many matches were posted within each choice of days (all other filters applied). */
    postedWithin: FacetCount<PostedWithin>[]
    /** Matches per experience level, counted without the level filter (all others applied). */
    experienceLevel: FacetCount<ExperienceLevel>[]
  }
}

/** Each reviewed client's mean visible rating and review count. */
export type RatedClients = Map<string, { average: number; count: number }>
