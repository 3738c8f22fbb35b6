import { faker } from '@faker-js/faker'
import { describe, expect, it } from 'vitest'
import { SKILLS } from '~/services/marketplace/skills-taxonomy'
import { memberNameField, nameField } from '~/services/accounts/schemas'
import { ClientProfileSchema, FreelancerProfileSchema } from '~/services/accounts/profile-schemas'
import {
  isStaffLikeCompany,
  isStaffLikeHeadline,
  isStaffLikeName,
  STAFF_COMPANY_MESSAGE,
  STAFF_HEADLINE_MESSAGE,
  STAFF_NAME_MESSAGE,
} from '~/domain/staff-lookalike'

const all = (list: unknown): string[] => (Array.isArray(list) ? list : Object.values(list as object).flat())

describe('names that read like staff', () => {
  it.each([
    'MegiLance Support',
    'MegiLance Team',
    'Megi Lance',
    'M.e.g.i.L.a.n.c.e billing',
    'Admin',
    'The Admin',
    'ADMIN',
    'Adm1n',
    'Аdmin', // a Cyrillic А
    'Ａｄｍｉｎ', // full-width letters
    'Ad\u200Bmin', // a zero-width space inside
    'Site Administrator',
    'Customer Support',
    'Trust & Safety',
    'Help Desk',
    'Moderator Mike',
    'Official Payments',
    'John (john@mail.example)',
    'Eve www.pay-here.example',
    'Eve at pay-here.com',
    'Sam https://t.me/sam',
    'Contact t.me/scam',
  ])('refuses %j', (name) => {
    expect(isStaffLikeName(name)).toBe(true)
  })

  it.each([
    'Adminah Kapoor',
    'Modestas Petrauskas',
    'Supriya Patel',
    'Stafford Lane',
    'Teamwork Tom',
    'J.R.R. Tolkien',
    'Jean-Luc St.Pierre',
    'Dr. Ana María O’Neill',
    'Сергей Иванов',
    'Νίκος Παπαδόπουλος',
    '王小明',
    'Carmen Tester 3f9a1c',
    'Ada Admin'.replace('Admin', 'Adams'),
  ])('lets %j pass', (name) => {
    expect(isStaffLikeName(name)).toBe(false)
  })

  it('lets every first and last name the seed scripts draw from pass', () => {
    const names = [...all(faker.definitions.person.first_name), ...all(faker.definitions.person.last_name)]
    expect(names.length).toBeGreaterThan(1000)
    expect(names.filter(isStaffLikeName)).toEqual([])
    faker.seed(7)
    const fullNames = Array.from({ length: 2000 }, () => faker.person.fullName())
    expect(fullNames.filter(isStaffLikeName)).toEqual([])
  })
})

describe('headlines that read like staff', () => {
  it.each([
    'MegiLance Support agent',
    'Official MegiLance helpdesk',
    'Megilance admin',
    'Email me: jo@mail.example',
    'Portfolio at https://jo.example',
    'See www.jo.example',
  ])('refuses %j', (headline) => {
    expect(isStaffLikeHeadline(headline)).toBe(true)
  })

  it.each([
    'I build admin panels in React',
    'IT support specialist',
    'System administrator · Linux & AWS',
    'Team lead, ASP.NET and Socket.IO',
    'Top rated on MegiLance since 2024',
    'Former public official turned policy writer',
    'Node.js & Vue.js developer',
  ])('lets %j pass', (headline) => {
    expect(isStaffLikeHeadline(headline)).toBe(false)
  })

  it('lets every headline the seed scripts write pass', () => {
    const headlines = faker.definitions.person.job_type.flatMap((job) =>
      SKILLS.map((skill, i) => `${job} · ${skill} & ${SKILLS[(i + 1) % SKILLS.length]}`),
    )
    expect(headlines.filter(isStaffLikeHeadline)).toEqual([])
  })
})

describe('company names that read like staff', () => {
  it.each([
    'MegiLance',
    'MegiLance Support',
    'Megi-Lance Payments Ltd',
    'Support',
    'Customer Support',
    'The Admin Team',
    'Adm1n Services',
    'Trust & Safety Dept',
    'Moderators',
    'Verification Team',
    'Help Desk',
    'Acme (billing@acme.example)',
    'www.pay-here.example',
    'https://pay-here.example',
  ])('refuses %j', (company) => {
    expect(isStaffLikeCompany(company)).toBe(true)
  })

  it.each([
    'Acme IT Support Ltd',
    'Official Sports Group',
    'Booking.com',
    'Node.js Foundation',
    'Adminah Consulting',
    'Teamwork Inc',
    'Northwind Traders',
    'Supportly',
  ])('lets %j pass', (company) => {
    expect(isStaffLikeCompany(company)).toBe(false)
  })

  it('lets every company name the seed scripts draw from pass', () => {
    faker.seed(7)
    const companies = Array.from({ length: 2000 }, () => faker.company.name())
    expect(companies.filter(isStaffLikeCompany)).toEqual([])
  })
})

describe('the form fields', () => {
  it('hold members to the rule with a clear message, and not admins', () => {
    expect(memberNameField.safeParse('MegiLance Support').error?.issues.map((issue) => issue.message)).toEqual([
      STAFF_NAME_MESSAGE,
    ])
    expect(memberNameField.safeParse('Adminah Kapoor').success).toBe(true)
    expect(nameField.safeParse('MegiLance Support').success).toBe(true)
    const profile = FreelancerProfileSchema.safeParse({
      name: 'Farid',
      headline: 'Official MegiLance support',
      currency: 'USD',
      experienceLevel: 'expert',
    })
    expect(profile.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['headline', STAFF_HEADLINE_MESSAGE],
    ])
    const client = ClientProfileSchema.safeParse({ name: 'Carmen', company: 'MegiLance Support' })
    expect(client.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['company', STAFF_COMPANY_MESSAGE],
    ])
    expect(ClientProfileSchema.safeParse({ name: 'Carmen', company: 'Acme IT Support Ltd' }).success).toBe(true)
  })
})
