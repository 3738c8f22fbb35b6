import { describe, expect, it } from 'vitest'
import {
  SKILL_CATEGORIES,
  SKILL_ENTRIES,
  SKILLS,
  findSkill,
  parseSkillList,
  searchSkills,
  skillKey,
} from './skills-taxonomy'

// The 100 names the first release stored in skills.name; they must keep resolving to themselves.
const FIRST_RELEASE_NAMES = [
  'JavaScript',
  'TypeScript',
  'React',
  'Remix',
  'Next.js',
  'Vue.js',
  'Angular',
  'Svelte',
  'Node.js',
  'Express',
  'HTML',
  'CSS',
  'Tailwind CSS',
  'Sass',
  'Accessibility',
  'Python',
  'Django',
  'Flask',
  'FastAPI',
  'Ruby',
  'Ruby on Rails',
  'PHP',
  'Laravel',
  'WordPress',
  'Shopify',
  'Java',
  'Spring Boot',
  'Kotlin',
  'Android',
  'Swift',
  'iOS',
  'Flutter',
  'React Native',
  'Go',
  'Rust',
  'C#',
  '.NET',
  'C++',
  'SQL',
  'PostgreSQL',
  'MySQL',
  'SQLite',
  'MongoDB',
  'Redis',
  'GraphQL',
  'REST APIs',
  'Docker',
  'Kubernetes',
  'AWS',
  'Google Cloud',
  'Azure',
  'Terraform',
  'Linux',
  'DevOps',
  'CI/CD',
  'Cybersecurity',
  'Penetration Testing',
  'Machine Learning',
  'Data Science',
  'Data Analysis',
  'Pandas',
  'TensorFlow',
  'PyTorch',
  'Natural Language Processing',
  'Computer Vision',
  'Power BI',
  'Tableau',
  'Excel',
  'Blockchain',
  'Solidity',
  'UI Design',
  'UX Research',
  'Figma',
  'Adobe Photoshop',
  'Adobe Illustrator',
  'Logo Design',
  'Brand Identity',
  'Illustration',
  'Motion Graphics',
  'Video Editing',
  '3D Modeling',
  'Copywriting',
  'Technical Writing',
  'Content Writing',
  'Blog Writing',
  'Proofreading',
  'Translation',
  'SEO',
  'Social Media Marketing',
  'Email Marketing',
  'Google Ads',
  'Market Research',
  'Bookkeeping',
  'Accounting',
  'Financial Modeling',
  'Project Management',
  'Virtual Assistance',
  'Customer Support',
  'Voice Over',
  'Game Development',
]

describe('skills taxonomy data', () => {
  it('ships at least 300 skills, each in a known category, and no empty category', () => {
    expect(SKILL_ENTRIES.length).toBeGreaterThanOrEqual(300)
    expect(SKILLS).toHaveLength(SKILL_ENTRIES.length)
    for (const entry of SKILL_ENTRIES) expect(SKILL_CATEGORIES).toContain(entry.category)
    for (const category of SKILL_CATEGORIES) {
      expect(SKILL_ENTRIES.filter((entry) => entry.category === category).length, category).toBeGreaterThan(0)
    }
  })

  it('gives every name and synonym its own matching key, so no spelling can mean two skills', () => {
    const owners = new Map<string, string[]>()
    for (const entry of SKILL_ENTRIES) {
      for (const spelling of [entry.name, ...entry.synonyms]) {
        const key = skillKey(spelling)
        owners.set(key, [...(owners.get(key) ?? []), `${spelling} (${entry.name})`])
      }
    }
    // Also catches a synonym that only repeats its own skill's name or another synonym after normalising.
    const clashes = [...owners].filter(([, spellings]) => spellings.length > 1)
    expect(clashes).toEqual([])
    expect(owners.has('')).toBe(false)
  })

  it('keeps names splittable: no commas, line breaks or stray whitespace', () => {
    for (const entry of SKILL_ENTRIES) {
      for (const spelling of [entry.name, ...entry.synonyms]) {
        expect(spelling, spelling).not.toMatch(/[,\n]/)
        expect(spelling, spelling).toBe(spelling.trim().replace(/\s+/g, ' '))
      }
    }
  })

  it('still knows every skill name stored by the first release, spelled the same', () => {
    for (const name of FIRST_RELEASE_NAMES) {
      expect(SKILLS, name).toContain(name)
      expect(findSkill(name)?.name, name).toBe(name)
    }
  })
})

describe('findSkill', () => {
  it.each([
    ['JS', 'JavaScript'],
    ['ecmascript', 'JavaScript'],
    ['k8s', 'Kubernetes'],
    ['KUBE', 'Kubernetes'],
    ['Postgres', 'PostgreSQL'],
    ['psql', 'PostgreSQL'],
    ['node', 'Node.js'],
    ['NodeJS', 'Node.js'],
    ['node js', 'Node.js'],
    ['Node.JS', 'Node.js'],
    ['ReactJS', 'React'],
    ['React.js', 'React'],
    ['csharp', 'C#'],
    ['c sharp', 'C#'],
    ['ML', 'Machine Learning'],
    ['user interface design', 'UI Design'],
    ['Search Engine Optimisation', 'SEO'],
    ['golang', 'Go'],
    ['  amazon   web services ', 'AWS'],
    ['cicd', 'CI/CD'],
    ['dotnet', '.NET'],
    ['Résumé writing', 'Resume Writing'],
    ['Mixing and mastering', 'Mixing & Mastering'],
    ['m&a', 'Mergers & Acquisitions'],
  ])('reads %j as %s', (typed, canonical) => {
    expect(findSkill(typed)?.name).toBe(canonical)
  })

  it('keeps C, C++ and C# (and F#) apart', () => {
    expect(findSkill('c')?.name).toBe('C')
    expect(findSkill('C++')?.name).toBe('C++')
    expect(findSkill('cpp')?.name).toBe('C++')
    expect(findSkill('c#')?.name).toBe('C#')
    expect(findSkill('F#')?.name).toBe('F#')
    expect(findSkill('F')).toBeUndefined()
    expect(findSkill('C+')).toBeUndefined()
    expect(parseSkillList('C, c++, C#, c').skills).toEqual(['C', 'C++', 'C#'])
  })

  it('tells related but different skills apart', () => {
    expect(findSkill('React Native')?.name).toBe('React Native')
    expect(findSkill('Java')?.name).toBe('Java')
    expect(findSkill('AngularJS')?.name).toBe('AngularJS')
    expect(findSkill('Angular')?.name).toBe('Angular')
  })

  it('returns the category and synonyms with the name', () => {
    expect(findSkill('k8s')).toEqual({ name: 'Kubernetes', category: 'DevOps & Cloud', synonyms: ['k8s', 'kube'] })
  })

  it('knows nothing of unknown or empty names', () => {
    expect(findSkill('Basket weaving')).toBeUndefined()
    expect(findSkill('')).toBeUndefined()
    expect(findSkill(' . - ')).toBeUndefined()
  })
})

describe('searchSkills', () => {
  it('suggests names starting with what was typed, an exact match first', () => {
    const names = searchSkills('java').map((entry) => entry.name)
    expect(names[0]).toBe('Java')
    expect(names).toContain('JavaScript')
    expect(names).not.toContain('TypeScript')
  })

  it('finds skills by synonym and by a later word of the name', () => {
    expect(searchSkills('k8')[0]?.name).toBe('Kubernetes')
    expect(searchSkills('postg').map((entry) => entry.name)).toEqual(['PostgreSQL'])
    expect(searchSkills('design', 50).map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['Design Systems', 'Logo Design', 'UI Design', 'Web Design']),
    )
    // A name that starts with the text outranks one that only contains it as a later word.
    const design = searchSkills('design', 50).map((entry) => entry.name)
    expect(design.indexOf('Design Systems')).toBeLessThan(design.indexOf('Logo Design'))
  })

  it('ignores separators in what was typed and respects the limit', () => {
    expect(searchSkills('node j').map((entry) => entry.name)).toEqual(['Node.js'])
    expect(searchSkills('a', 5)).toHaveLength(5)
    expect(new Set(searchSkills('data', 100)).size).toBe(searchSkills('data', 100).length)
  })

  it('suggests nothing for empty input', () => {
    expect(searchSkills('')).toEqual([])
    expect(searchSkills('   ')).toEqual([])
    expect(searchSkills('zzzz')).toEqual([])
  })
})

describe('parseSkillList', () => {
  it('turns names and synonyms into canonical names, once each, in the order typed', () => {
    expect(parseSkillList('react, TypeScript , Node.js')).toEqual({
      skills: ['React', 'TypeScript', 'Node.js'],
      unknown: [],
    })
    expect(parseSkillList('JS\nk8s, javascript,  postgres ,React.js, react')).toEqual({
      skills: ['JavaScript', 'Kubernetes', 'PostgreSQL', 'React'],
      unknown: [],
    })
  })

  it('reports unknown names as typed and skips empty parts', () => {
    expect(parseSkillList('react, basket weaving,, ,C++, Underwater Origami')).toEqual({
      skills: ['React', 'C++'],
      unknown: ['basket weaving', 'Underwater Origami'],
    })
    expect(parseSkillList('')).toEqual({ skills: [], unknown: [] })
  })
})
