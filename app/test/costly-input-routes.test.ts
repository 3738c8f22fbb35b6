import type Nspell from 'nspell'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createProjectWithSkills } from '~/models/projects.server'
import { loader as findWorkLoader } from '~/routes/_browse.projects._index'
import { action as newProjectAction } from '~/routes/_portal.projects_.new'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

/*
 * Spelling suggestions run synchronously: a few milliseconds for a misspelt word, but a made-up one
 * ("zzqx", "bcdfg") took 70–400 ms of a core each, while nothing else on that server process ran.
 * Find work suggested for every unknown word of a search that found nothing (a 200-character search
 * of made-up five-letter words, sent by anyone without signing in, held a process for 15 s of CPU),
 * and the Check button for up to eight words per field. Each request now has a small allowance.
 * And the Check button read its texts whole, up to the 1 MB body limit: two seconds of CPU a press;
 * one 10,000-letter "word" in a description ran the server process out of memory.
 */
const suggested = vi.hoisted(() => ({ words: [] as string[] }))
vi.mock('nspell', async (original) => {
  const real = (await original<{ default: typeof Nspell }>()).default
  return {
    default: (...args: Parameters<typeof Nspell>) => {
      const checker = real(...args)
      const suggest = checker.suggest.bind(checker)
      checker.suggest = (word: string) => {
        suggested.words.push(word)
        // Suggestions for a long run of letters take minutes and gigabytes: the test stops there.
        if (word.length > 100) throw new Error(`asked for suggestions for a ${word.length}-letter word`)
        return suggest(word)
      }
      return checker
    },
  }
})

afterEach(() => {
  suggested.words = []
})

/** Made-up words of five consonants: no dictionary word is one edit away, the costly case. */
function madeUpWords(count: number): string[] {
  const letters = 'bcdfghjklmnpqrstvwxz'
  return Array.from({ length: count }, (_, i) =>
    Array.from({ length: 5 }, (_, j) => letters[(i * 7 + j * 3 + ((i * j) % 5)) % letters.length]).join(''),
  )
}

describe('a search that found nothing', () => {
  it('looks for other spellings of three words at most, and still offers one for a real misspelling', async () => {
    const q = madeUpWords(33).join(' ')
    const page = await run(findWorkLoader, getRequest(`/projects?q=${encodeURIComponent(q)}`))
    expect(page.status).toBe(200)
    expect(suggested.words.length).toBeLessThanOrEqual(3)

    const client = await createTestUser('client')
    await createProjectWithSkills(
      {
        clientId: client.id,
        title: 'Sales dashboard for a bakery chain',
        description: 'A dashboard of daily sales per shop, with a weekly summary by email.',
        budgetType: 'fixed',
        budgetMinMinor: 90_000,
        budgetMaxMinor: 90_000,
        currency: 'USD',
        experienceLevel: 'intermediate',
      },
      ['React'],
    )
    const misspelt = await run(findWorkLoader, getRequest('/projects?q=dashbord'))
    expect(((await misspelt.json()) as { correction: { q: string } | null }).correction?.q).toBe('dashboard')
  })
})

describe('the Check button', () => {
  it('suggests spellings for a few unknown words at most, and still names the others', async () => {
    const client = await createTestUser('client')
    const words = madeUpWords(12)
    const response = await run(
      newProjectAction,
      formRequest(
        '/projects/new',
        {
          intent: 'check',
          title: `A websight for ${words.slice(0, 4).join(' ')}`,
          description: `We need a websight. ${words.join(' ')}`,
          skills: 'React',
        },
        await signedInCookie(client.id),
      ),
    )
    expect(response.status).toBe(200)
    const { check } = (await response.json()) as { check: { suggestions: { kind: string; message: string }[] } }
    expect(suggested.words.length).toBeLessThanOrEqual(5)
    const spelling = check.suggestions.filter((s) => s.kind === 'spelling').map((s) => s.message)
    // The first unknown word still gets its suggestion; the later ones are named without one.
    expect(spelling[0]).toMatch(/^“websight” may be misspelt — did you mean .*website/)
    expect(spelling.length).toBeGreaterThan(5)
  })
})

describe('the Check button given a text far past its field’s limit', () => {
  it('checks the first 10,000 characters, the most the field may be saved with', async () => {
    const client = await createTestUser('client')
    const description = 'We need a booking page for our clinic with reminders. '.repeat(12_000)
    const response = await run(
      newProjectAction,
      formRequest(
        '/projects/new',
        { intent: 'check', title: 'Booking page for a clinic', description, skills: 'React' },
        await signedInCookie(client.id),
      ),
    )
    expect(response.status).toBe(200)
    const { check } = (await response.json()) as { check: { facts: { field: string; words: number }[] } }
    const words = check.facts.find((fact) => fact.field === 'The description')?.words
    expect(words).toBeGreaterThan(1_000)
    expect(words).toBeLessThanOrEqual(10_000 / 2)
  })
})

describe('the Check button given one very long word', () => {
  it('names no suggestions for it and answers at once', async () => {
    const client = await createTestUser('client')
    const response = await run(
      newProjectAction,
      formRequest(
        '/projects/new',
        {
          intent: 'check',
          title: 'Booking page for a clinic',
          description: `We need a booking page for our clinic. ${'b'.repeat(9_000)}`,
          skills: 'React',
        },
        await signedInCookie(client.id),
      ),
    )
    expect(response.status).toBe(200)
    expect(suggested.words.every((word) => word.length <= 30)).toBe(true)
  })
})
