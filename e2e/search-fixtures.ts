import crypto from 'node:crypto'
import { openE2eDatabase as database } from './db-fixtures'

/**
 * Projects of the demo client that share one made-up keyword, so a search for it finds exactly
 * these: `react` fixed-price React projects, `python` hourly Python projects, and one hidden and
 * one invite-only project that search must never show.
 */
export function createSearchProjects({ react = 12, python = 10 } = {}) {
  const keyword = `qz${crypto.randomBytes(5).toString('hex')}`
  const db = database()
  try {
    const clientId = (db.prepare('select id from users where email = ?').get('client@megilance.test') as { id: string })
      .id
    const skillId = (name: string) =>
      (db.prepare('select id from skills where name = ?').get(name) as { id: number }).id
    const insertProject = db.prepare(
      `insert into projects (id, client_id, title, description, budget_type, budget_min_minor, budget_max_minor, currency,
         experience_level, status, visibility, hidden_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, 'USD', 'intermediate', 'open', ?, ?, ?, ?)`,
    )
    const insertSkill = db.prepare('insert into project_skills (project_id, skill_id) values (?, ?)')
    const now = Date.now()
    const ids: string[] = []
    const add = (
      i: number,
      skill: string,
      type: 'fixed' | 'hourly',
      extra: { visibility?: string; hidden?: boolean } = {},
    ) => {
      const id = crypto.randomUUID()
      const created = now - i * 60_000
      const [min, max] = type === 'fixed' ? [0, 50_000 + i * 1_000] : [3_000, 6_000]
      insertProject.run(
        id,
        clientId,
        `${skill} ${keyword} dashboard number ${i + 1}`,
        `We need a ${skill} developer to build a ${keyword} reporting dashboard for our team.`,
        type,
        min,
        max,
        extra.visibility ?? 'public',
        extra.hidden ? created : null,
        created,
        created,
      )
      insertSkill.run(id, skillId(skill))
      ids.push(id)
    }
    db.transaction(() => {
      for (let i = 0; i < react; i++) add(i, 'React', 'fixed')
      for (let i = 0; i < python; i++) add(react + i, 'Python', 'hourly')
      add(react + python, 'React', 'fixed', { hidden: true })
      add(react + python + 1, 'React', 'fixed', { visibility: 'invite_only' })
    })()
    return { keyword, ids, visible: react + python }
  } finally {
    db.close()
  }
}
