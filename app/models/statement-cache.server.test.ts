import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { cachePreparedStatements } from './statement-cache.server'

describe('cachePreparedStatements', () => {
  const sqlite = new Database(':memory:')
  cachePreparedStatements(sqlite)
  sqlite.exec('create table t (id integer primary key, name text)')
  sqlite.prepare('insert into t (name) values (?), (?)').run('a', 'b')

  it('hands back the same statement for the same SQL', () => {
    expect(sqlite.prepare('select name from t order by id')).toBe(sqlite.prepare('select name from t order by id'))
  })

  it('gives objects again after a user read arrays from the same SQL', () => {
    expect(sqlite.prepare('select id, name from t order by id').raw().all()).toEqual([
      [1, 'a'],
      [2, 'b'],
    ])
    expect(sqlite.prepare('select id, name from t order by id').all()).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ])
  })

  it('prepares afresh while the cached statement is still being iterated', () => {
    const names: string[] = []
    for (const row of sqlite.prepare('select name from t order by id').iterate() as Iterable<{ name: string }>)
      names.push(
        ...(sqlite.prepare('select name from t order by id').all() as { name: string }[]).map((r) => r.name + row.name),
      )
    expect(names).toEqual(['aa', 'ba', 'ab', 'bb'])
  })
})
