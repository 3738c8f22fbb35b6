/**
 * In-memory indexes of which freelancers hold which skill and which open projects ask for which
 * skill, so choosing recommendation candidates counts a few thousand entries in memory instead of
 * grouping them in SQL on every request (the largest cost on the large seed).
 *
 * Kept current cheaply: each use reads the owners whose entry may have changed since the last use,
 * and reloads just their skills (an owner no longer loaded leaves the index):
 *  - owners of skill rows written since then (a rowid range; the newest WINDOW rows are read again,
 *    because SQLite reuses the rowids of re-saved newest rows);
 *  - owners changed without a new skill row, from candidate_index_changes (migration 0027), which
 *    triggers write for every writer: a project closed, reopened, hidden, unhidden, made public or
 *    invite-only, or deleted; a user's role changed or the user deleted; a skill row removed. A
 *    skill renamed or deleted loads the whole index again.
 * A full reload every RELOAD_MS is a safety net. What the index loads is a superset of the
 * candidates: blocked users, and freelancers out of recommendations, stay in it, so unblocking
 * needs nothing. The chosen candidates are then read from the database with every visibility rule,
 * so an entry never shows something hidden or closed; and when entries the database refuses leave
 * fewer candidates than asked for, the next ones in the index are read (widened), so a blocked
 * freelancer, or a blocked client's project, does not hold a place on the shortlist.
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
  type IndexCursor,
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
  private cursor: IndexCursor = { rowid: 0, seq: 0 }
  private loadedAt = Number.NEGATIVE_INFINITY

  constructor(
    private readonly load: (ids: string[] | null) => Promise<SkillSet[]>,
    private readonly changes: (after: IndexCursor | null) => Promise<SkillChanges>,
  ) {}

  async current(now = Date.now()): Promise<this> {
    if (now - this.loadedAt > RELOAD_MS) {
      // Where the changes are first: what is written during the load is read again next time.
      const { cursor } = await this.changes(null)
      const sets = await this.load(null)
      this.owners.clear()
      this.bySkill.clear()
      this.newest.clear()
      for (const set of sets) this.put(set)
      // Each skill's newest-first order now, rather than on a request.
      for (const skill of this.bySkill.keys()) this.newestOf(skill)
      this.cursor = cursor
      this.loadedAt = now
      return this
    }
    const { cursor, ownerIds, everyone } = await this.changes({
      rowid: Math.max(0, this.cursor.rowid - WINDOW),
      seq: this.cursor.seq,
    })
    if (everyone) {
      // A skill renamed or deleted: every owner may hold it.
      this.loadedAt = Number.NEGATIVE_INFINITY
      return this.current(now)
    }
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
    this.cursor = cursor
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
 * more, it looks at twice as many. Usually one read: beyond the candidates, the index holds only
 * blocked users and freelancers out of recommendations.
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
