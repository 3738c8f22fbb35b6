import { describe, expect, it } from 'vitest'
import { relatedSkills, searchSkillHints, skillSimilarity, suggestSkills } from './semantic-skills.server'

const names = (text: string, limit = 5) => suggestSkills(text, { limit }).map((s) => s.name)

describe('semantic skills', () => {
  it('puts a skill named in the text first', () => {
    expect(names('react developer')[0]).toBe('React')
  })

  it('reads synonyms: "k8s and helm charts" is Kubernetes and Helm', () => {
    expect(names('k8s and helm charts').slice(0, 2).sort()).toEqual(['Helm', 'Kubernetes'])
  })

  it('finds machine-learning skills in the top five of "machine learning engineer"', () => {
    const top = names('machine learning engineer')
    const ml = ['Machine Learning', 'Deep Learning', 'Reinforcement Learning', 'Computer Vision', 'MLOps']
    expect(top[0]).toBe('Machine Learning')
    expect(top.filter((name) => ml.includes(name)).length).toBeGreaterThanOrEqual(3)
  })

  it('suggests nothing above the threshold for an unrelated word', () => {
    expect(suggestSkills('banana')).toEqual([])
  })

  it('understands phrases by meaning, not only by name', () => {
    expect(names('a logo for my bakery')).toContain('Logo Design')
    expect(names('accountant for our taxes')).toContain('Tax Preparation')
    expect(names('ML ops')).toContain('MLOps')
  })

  it('offers related skills beside a chosen one, never itself', () => {
    const related = relatedSkills('Logo Design').map((s) => s.name)
    expect(related).toContain('Graphic Design')
    expect(related).not.toContain('Logo Design')
    expect(relatedSkills('Not a skill')).toEqual([])
  })

  it('relates skills of one trade only, and never as the same skill', () => {
    // Their vectors are close through the generic words ("Development", "Design"), not the trade.
    expect(skillSimilarity('Machine Learning', 'Sound Design')).toBe(0)
    expect(skillSimilarity('Front-end Development', 'Business Development')).toBe(0)
    expect(relatedSkills('Front-end Development', { limit: 12 }).map((s) => s.name)).not.toContain(
      'Business Development',
    )
    // Same category: still related, but a back-end developer does not hold "Front-end Development".
    expect(skillSimilarity('Deep Learning', 'Reinforcement Learning')).toBeGreaterThan(0.55)
    expect(skillSimilarity('Front-end Development', 'Back-end Development')).toBeLessThan(0.999)
    expect(skillSimilarity('React', 'React')).toBe(1)
  })

  it('reads a search: misspelt skills when nothing was found', () => {
    expect(searchSkillHints('kubernets', [], 0).wordSkills[0]).toBe('Kubernetes')
    expect(searchSkillHints('logo desing', [], 0).wordSkills[0]).toBe('Logo Design')
    expect(searchSkillHints('javscript', ['JavaScript'], 0).wordSkills).not.toContain('JavaScript')
    // A search that found something is not second-guessed; short words are not corrected.
    expect(searchSkillHints('kubernets', [], 3).wordSkills).not.toContain('Kubernetes')
    expect(searchSkillHints('reakt', [], 0).wordSkills).toContain('React')
    expect(searchSkillHints('code', [], 0).wordSkills).not.toContain('Node.js')
  })

  it('handles a 300-word description within a few milliseconds once warm', () => {
    const words = 'We need a developer to build a React dashboard with charts, a Node.js API and PostgreSQL. '
    const text = words.repeat(20).split(' ').slice(0, 300).join(' ')
    suggestSkills(text)
    const started = performance.now()
    for (let i = 0; i < 20; i++) suggestSkills(text)
    expect((performance.now() - started) / 20).toBeLessThan(50)
  })

  it('reads a text that is one long hyphenated run at once (the tokenizer took 2.3 s for 20,000 characters of it)', () => {
    suggestSkills('warm')
    const started = performance.now()
    expect(suggestSkills(`${'ab-'.repeat(6_600)} React`).map((s) => s.name)).toContain('React')
    expect(suggestSkills(`React/${'a/'.repeat(5_000)}`)).toEqual([])
    expect(performance.now() - started).toBeLessThan(500)
    // Names written with their punctuation are still read.
    expect(names('node.js and ui/ux work')).toEqual(expect.arrayContaining(['Node.js', 'UX Design']))
  })
})
