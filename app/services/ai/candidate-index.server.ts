/**
 * In-memory indexes of which freelancers hold which skill and which open projects ask for which
 * skill, so choosing recommendation candidates counts a few thousand entries in memory instead of
 * grouping them in SQL on every request (the largest cost on the large seed).
 *
 * Kept current cheaply: each use reads the owners of skill rows written since the last use (a
 * rowid range; the newest WINDOW rows are read again, because SQLite reuses the rowids of re-saved
 * newest rows) and reloads just their skills; a full reload every RELOAD_MS drops the rest of what
 * was removed. The chosen candidates are then read from the database with every visibility rule,
 * so a stale entry never shows something hidden or closed; and when stale entries leave fewer
 * candidates than asked for, the next ones in the index are read (widened), so a project closed or
 * hidden, or a freelancer blocked, since the last full load does not hold a place on the shortlist.
 */
import {
  findCandidateFreelancers,
  findCandidateProjects,
  listFreelancerSkillChanges,
  listFreelancerSkillSets,
  listOpenProjectSkillSets,
  listProjectSkillChanges,
  type CandidateFreelancer,
  type CandidateProject,
  type SkillChanges,
  type SkillSet,
} from '~/models/matching.server'

const WINDOW = 64
const RELOAD_MS = 5 * 60_000

class SkillIndex {
  private owners = new Map<string, { createdAt: number; skills: string[] }>()
  private bySkill = new Map<string, Set<string>>()
  /** Each skill's owners, newest first; dropped when the skill's owners change. */
  private newest = new Map<string, string[]>()
  private maxRowid = 0
  private loadedAt = Number.NEGATIVE_INFINITY

  constructor(
    private readonly load: (ids: string[] | null) => Promise<SkillSet[]>,
    private readonly changes: (afterRowid: number) => Promise<SkillChanges>,
  ) {}

  async current(now = Date.now()): Promise<this> {
    if (now - this.loadedAt > RELOAD_MS) {
      // The newest rowid first: rows written during the load are read again next time.
      const { maxRowid } = await this.changes(Number.MAX_SAFE_INTEGER)
      const sets = await this.load(null)
      this.owners.clear()
      this.bySkill.clear()
      this.newest.clear()
      for (const set of sets) this.put(set)
      // Each skill's newest-first order now, rather than on a request.
      for (const skill of this.bySkill.keys()) this.newestOf(skill)
      this.maxRowid = maxRowid
      this.loadedAt = now
      return this
    }
    const { maxRowid, ownerIds } = await this.changes(Math.max(0, this.maxRowid - WINDOW))
    if (ownerIds.length) {
      const sets = new Map((await this.load(ownerIds)).map((set) => [set.id, set]))
      for (const id of ownerIds) {
        const set = sets.get(id)
        // The newest rows are read again every time: leave an owner whose skills did not change.
        if (set && this.holds(set)) continue
        this.remove(id)
        if (set) this.put(set)
      }
    }
    this.maxRowid = maxRowid
    return this
  }

  private holds(set: SkillSet): boolean {
    const old = this.owners.get(set.id)
    return (
      !!old &&
      old.createdAt === set.createdAt &&
      old.skills.length === set.skills.length &&
      set.skills.every((skill) => old.skills.includes(skill))
    )
  }

  private put(set: SkillSet) {
    this.owners.set(set.id, { createdAt: set.createdAt, skills: set.skills })
    for (const skill of set.skills) {
      let holders = this.bySkill.get(skill)
      if (!holders) this.bySkill.set(skill, (holders = new Set()))
      holders.add(set.id)
      this.newest.delete(skill)
    }
  }

  private remove(id: string) {
    const old = this.owners.get(id)
    if (!old) return
    for (const skill of old.skills) {
      this.bySkill.get(skill)?.delete(id)
      this.newest.delete(skill)
    }
    this.owners.delete(id)
  }

  private createdAt(id: string): number {
    return this.owners.get(id)!.createdAt
  }

  /** Owners of at least one of the skills: most of them shared first, then newest. */
  mostShared(skills: string[], limit: number): string[] {
    const shared = new Map<string, { id: string; n: number; at: number }>()
    for (const skill of new Set(skills))
      for (const id of this.bySkill.get(skill) ?? []) {
        const entry = shared.get(id)
        if (entry) entry.n++
        else shared.set(id, { id, n: 1, at: this.createdAt(id) })
      }
    return [...shared.values()]
      .sort((a, b) => b.n - a.n || b.at - a.at)
      .slice(0, limit)
      .map((entry) => entry.id)
  }

  private newestOf(skill: string): string[] {
    let order = this.newest.get(skill)
    if (!order) {
      order = [...(this.bySkill.get(skill) ?? [])]
        .map((id) => ({ id, at: this.createdAt(id) }))
        .sort((a, b) => b.at - a.at)
        .map((entry) => entry.id)
      this.newest.set(skill, order)
    }
    return order
  }

  /** The newest owners of at least one of the skills. */
  newestWith(skills: string[], limit: number): string[] {
    const picked = new Map<string, number>()
    for (const skill of new Set(skills)) {
      for (const id of this.newestOf(skill).slice(0, limit)) picked.set(id, this.createdAt(id))
    }
    return [...picked]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([id]) => id)
  }
}

const freelancers = new SkillIndex(listFreelancerSkillSets, listFreelancerSkillChanges)
const openProjects = new SkillIndex(listOpenProjectSkillSets, listProjectSkillChanges)

/** How many of the most-sharing holders are looked at per candidate wanted (some may be blocked or opted out). */
const PREFIX = 5

/**
 * The first `limit` candidates that the database still confirms, from the index's best `looked`
 * entries; while stale entries (no longer candidates) leave fewer than `limit` and the index holds
 * more, it looks at twice as many. Usually one read: the index is at most a few minutes behind.
 */
async function confirmed<Row>(
  best: (looked: number) => string[],
  confirm: (ids: string[], limit: number) => Promise<Row[]>,
  limit: number,
  looked: number,
): Promise<Row[]> {
  for (;;) {
    const ids = best(looked)
    const rows = await confirm(ids, limit)
    if (rows.length >= limit || ids.length < looked) return rows
    looked *= 2
  }
}

/**
 * Freelancers who list at least one of the skills, most shared skills first, then newest: not
 * blocked and not out of recommendations.
 */
export async function freelancersWithSkills(skills: string[], limit: number): Promise<CandidateFreelancer[]> {
  if (!skills.length) return []
  const index = await freelancers.current()
  return confirmed((looked) => index.mostShared(skills, looked), findCandidateFreelancers, limit, limit * PREFIX)
}

/** Open, public, listed projects asking for at least one of the skills, newest first. */
export async function openProjectsWithSkills(skills: string[], limit: number): Promise<CandidateProject[]> {
  if (!skills.length) return []
  const index = await openProjects.current()
  return confirmed((looked) => index.newestWith(skills, looked), findCandidateProjects, limit, limit * 2)
}
