import { describe, expect, it } from 'vitest'
import { replaceFreelancerSkills } from '~/models/profiles.server'
import {
  closeProjectWithoutHire,
  insertProjectsBulk,
  reopenProject,
  setProjectHidden,
  updateProjectWithSkills,
} from '~/models/projects.server'
import { getDb } from '~/models/db.server'
import { createTestUser } from '~/test/users'
import { listOpenProjectsForFreelancer } from './dashboard-stats.server'

/** The projects the dashboard may list: what Find work lists. */
const LISTED = "p.status = 'open' and p.visibility = 'public' and p.hidden_at is null"

/** The answer by its definition, in one plain statement: every match, newest first (ties by id). */
function expected(freelancerId: string, limit: number) {
  const sqlite = getDb().$client
  const matches = sqlite
    .prepare(
      `select p.id from projects p
        where ${LISTED} and exists (select 1 from project_skills ps join freelancer_skills fs on fs.skill_id = ps.skill_id
                                     where ps.project_id = p.id and fs.user_id = ?)
        order by p.created_at desc, p.id`,
    )
    .pluck()
    .all(freelancerId) as string[]
  const skillsOf = sqlite
    .prepare(
      'select s.name from project_skills ps join skills s on s.id = ps.skill_id where ps.project_id = ? order by s.name',
    )
    .pluck()
  return { total: matches.length, rows: matches.slice(0, limit).map((id) => ({ id, skills: skillsOf.all(id) })) }
}

function answered(answer: Awaited<ReturnType<typeof listOpenProjectsForFreelancer>>) {
  return { total: answer.total, rows: answer.rows.map((row) => ({ id: row.id, skills: row.skills })) }
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

describe('open projects for a freelancer’s skills', () => {
  it('agree with their definition for many freelancers, before and after projects and skills change', async () => {
    const next = random(20)
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
    const sqlite = getDb().$client
    const mark = crypto.randomUUID().slice(0, 8)
    const insertSkill = sqlite.prepare('insert into skills (name) values (?) returning id')
    const skillNames = Array.from({ length: 12 }, (_, i) => `Skill ${i} ${mark}`)
    const skillIds = skillNames.map((name) => (insertSkill.get(name) as { id: number }).id)
    const client = await createTestUser('client')
    // Few creation times, so many projects share one (ties go by id).
    const times = [1, 2, 3, 4, 5, 6].map((n) => new Date(Date.UTC(2026, 10, n)))
    const projects = Array.from({ length: 300 }, () => {
      const roll = next()
      const skills = [...new Set(Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(skillIds)))]
      return {
        id: crypto.randomUUID(),
        clientId: client.id,
        title: `Project ${mark}`,
        description: 'A project of the dashboard test, long enough to be a description of work.',
        budgetType: 'fixed' as const,
        budgetMinMinor: 0,
        budgetMaxMinor: 500_00,
        experienceLevel: 'intermediate' as const,
        status: roll < 0.25 ? ('closed' as const) : ('open' as const),
        visibility: roll > 0.85 ? ('invite_only' as const) : ('public' as const),
        hiddenAt: roll > 0.75 && roll < 0.85 ? new Date(0) : null,
        hiddenReason: roll > 0.75 && roll < 0.85 ? 'Moderated' : null,
        createdAt: pick(times),
        skillIds: skills,
      }
    })
    await insertProjectsBulk(projects)
    const freelancers: string[] = []
    for (let i = 0; i < 40; i += 1) {
      const freelancer = await createTestUser('freelancer')
      const count = i % 10 === 0 ? 0 : 1 + Math.floor(next() * 6)
      await replaceFreelancerSkills(freelancer.id, [...new Set(Array.from({ length: count }, () => pick(skillIds)))])
      freelancers.push(freelancer.id)
    }
    const compareAll = async () => {
      for (const id of freelancers) {
        for (const limit of [5, 1]) {
          expect(answered(await listOpenProjectsForFreelancer(id, limit)), `freelancer ${id}, limit ${limit}`).toEqual(
            expected(id, limit),
          )
        }
      }
    }
    await compareAll()
    expect(new Set(freelancers.map((id) => expected(id, 5).total)).size).toBeGreaterThan(10)

    // Every kind of change to what is listed and what it asks for.
    for (const project of projects.slice(0, 120)) {
      const roll = next()
      if (roll < 0.15) await closeProjectWithoutHire(project.id)
      else if (roll < 0.25) {
        sqlite.prepare("update projects set status = 'closed', close_reason = 'no_hire' where id = ?").run(project.id)
        await reopenProject(project.id)
      } else if (roll < 0.35) await setProjectHidden(project.id, { at: new Date(), reason: 'Moderated' })
      else if (roll < 0.45) await setProjectHidden(project.id, null)
      else if (roll < 0.6)
        await updateProjectWithSkills(
          project.id,
          {
            title: project.title,
            description: project.description,
            budgetType: project.budgetType,
            budgetMinMinor: project.budgetMinMinor,
            budgetMaxMinor: project.budgetMaxMinor,
            experienceLevel: project.experienceLevel,
            visibility: pick(['public', 'invite_only'] as const),
          },
          [...new Set([pick(skillNames), pick(skillNames)])],
        )
      else if (roll < 0.7)
        sqlite.prepare('update projects set created_at = ? where id = ?').run(pick(times).getTime(), project.id)
      else if (roll < 0.75) sqlite.prepare('delete from projects where id = ?').run(project.id)
      else if (roll < 0.8)
        sqlite
          .prepare('delete from project_skills where project_id = ? and skill_id = ?')
          .run(project.id, pick(skillIds))
      else if (roll < 0.85)
        sqlite
          .prepare('insert or ignore into project_skills (project_id, skill_id) values (?, ?)')
          .run(project.id, pick(skillIds))
      else
        sqlite.prepare("update projects set updated_at = ?, status = 'open' where id = ?").run(Date.now(), project.id)
    }
    sqlite.prepare('delete from skills where id = ?').run(skillIds[11])
    await compareAll()
  })
})
