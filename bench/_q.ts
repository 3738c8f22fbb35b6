import Database from 'better-sqlite3'
const db = new Database('data/large.db', { readonly: true })
const t = (label: string, q: string, ...args: unknown[]) => {
  const st = db.prepare(q)
  const s = performance.now(); let r: unknown
  for (let i = 0; i < 5; i++) r = st.all(...args)
  console.log(label, ((performance.now() - s) / 5).toFixed(1), 'ms', JSON.stringify(r).slice(0, 150))
  for (const row of db.prepare('explain query plan ' + q).all(...args) as any[]) console.log('   ', row.detail)
}
const now = Date.now()
t('rated', `select r.reviewee_id as id, avg(r.rating), count(*) from reviews r where r.direction='freelancer_to_client' and (exists (select 1 from reviews other where other.contract_id = r.contract_id and other.reviewer_id <> r.reviewer_id) or (select c.ended_at from contracts c where c.id = r.contract_id) <= ?) group by r.reviewee_id`, now - 14 * 86400000)
t('fts only', `select count(*) from projects_fts where projects_fts match ?`, '"react" "dashboard"*')
t('fts bm25', `select count(*) from (select rowid, bm25(projects_fts, 10.0,1.0,5.0) s from projects_fts where projects_fts match ?)`, '"react" "dashboard"*')
t('fts join', `select count(*) from (select rowid rid, bm25(projects_fts, 10.0,1.0,5.0) s from projects_fts where projects_fts match ?) hits cross join projects p on p.rowid = hits.rid where p.status='open' and p.visibility='public' and p.hidden_at is null`, '"react" "dashboard"*')
t('all count', `select count(*) from projects p where p.status='open' and p.visibility='public' and p.hidden_at is null`)
t('skills facet all', `select ps.skill_id, count(*) from projects p join project_skills ps on ps.project_id = p.id where p.status='open' and p.visibility='public' and p.hidden_at is null group by ps.skill_id`)
t('newest page', `select p.id from projects p join users u on u.id = p.client_id where p.status='open' and p.visibility='public' and p.hidden_at is null order by p.created_at desc limit 20`)
t('proj', `select count(*) from projects_fts where projects_fts match ?`, '"proj"*')
