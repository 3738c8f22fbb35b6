/**
 * What search engines and link previews read of a public page: title, description, canonical URL,
 * Open Graph type and a schema.org JSON-LD object. Pure, so each page's tags are unit-tested.
 */
import { currencyDigits } from '~/utils/format'
import { minorToDecimal } from '~/utils/money-conversion'

export type PageSeo = {
  title: string
  description: string
  canonical: string
  ogType: 'website' | 'profile' | 'article'
  jsonLd: Record<string, unknown> | null
}

const DESCRIPTION_LENGTH = 155

/** One line of at most 155 characters, cut at a word, as search results show it. */
function summarise(text: string, length = DESCRIPTION_LENGTH): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line.length <= length) return line
  const cut = line.slice(0, length - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`
}

function decimal(minor: number, currency: string): number {
  return Number(minorToDecimal(BigInt(minor), currencyDigits(currency)))
}

export type PublicProjectFacts = {
  id: string
  title: string
  description: string
  budgetType: 'fixed' | 'hourly'
  budgetMinMinor: number
  budgetMaxMinor: number
  currency: string
  deadline: Date | string | null
  experienceLevel: string
  status: 'open' | 'closed'
  createdAt: Date | string
  skills: string[]
  clientName: string
}

const iso = (value: Date | string) => new Date(value).toISOString()

/** A schema.org JobPosting: remote contract work, its budget as the base salary, its skills. */
export function projectSeo(project: PublicProjectFacts, origin: string): PageSeo {
  const canonical = `${origin}/projects/${project.id}`
  const value =
    project.budgetType === 'hourly'
      ? {
          '@type': 'QuantitativeValue',
          minValue: decimal(project.budgetMinMinor, project.currency),
          maxValue: decimal(project.budgetMaxMinor, project.currency),
          unitText: 'HOUR',
        }
      : { '@type': 'QuantitativeValue', value: decimal(project.budgetMaxMinor, project.currency) }
  return {
    title: `${project.title} · MegiLance`,
    description: summarise(project.description),
    canonical,
    ogType: 'article',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: project.title,
      description: project.description,
      url: canonical,
      identifier: { '@type': 'PropertyValue', name: 'MegiLance', value: project.id },
      datePosted: iso(project.createdAt),
      ...(project.deadline ? { validThrough: iso(project.deadline) } : {}),
      employmentType: 'CONTRACTOR',
      jobLocationType: 'TELECOMMUTE',
      hiringOrganization: { '@type': 'Organization', name: project.clientName },
      baseSalary: { '@type': 'MonetaryAmount', currency: project.currency, value },
      skills: project.skills.join(', '),
      experienceRequirements: `${project.experienceLevel} level`,
      directApply: project.status === 'open',
    },
  }
}

export type PublicFreelancerFacts = {
  id: string
  name: string
  headline: string
  bio: string
  skills: string[]
  languages: string[]
  createdAt: Date | string
}

/** A schema.org ProfilePage whose main entity is the freelancer as a Person. */
export function freelancerSeo(freelancer: PublicFreelancerFacts, origin: string): PageSeo {
  const canonical = `${origin}/freelancers/${freelancer.id}`
  const about = freelancer.headline || freelancer.bio
  const skills = freelancer.skills.slice(0, 6).join(', ')
  return {
    title: `${freelancer.name}${freelancer.headline ? ` — ${freelancer.headline}` : ''} · MegiLance`,
    description: summarise(
      about
        ? `${about}${skills ? ` Skills: ${skills}.` : ''}`
        : `Freelancer on MegiLance. ${skills ? `Skills: ${skills}.` : ''}`,
    ),
    canonical,
    ogType: 'profile',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: canonical,
      dateCreated: iso(freelancer.createdAt),
      mainEntity: {
        '@type': 'Person',
        name: freelancer.name,
        ...(freelancer.headline ? { jobTitle: freelancer.headline } : {}),
        ...(freelancer.bio ? { description: freelancer.bio } : {}),
        knowsAbout: freelancer.skills,
        knowsLanguage: freelancer.languages,
        url: canonical,
      },
    },
  }
}
