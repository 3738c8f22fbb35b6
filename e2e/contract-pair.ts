import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test'
import { createFixedContract } from './contract-fixtures'
import { makeUser, newBrowserContext } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

/**
 * The start of every two-person spec: a new client signed in on `page`, a new freelancer signed in
 * in a second browser, and a fixed-price contract between them with one unfunded milestone (Design,
 * 500.00). `prepareFreelancerBrowser` runs before the freelancer's page opens (e.g. an init script).
 * The caller closes `freelancerContext`.
 */
export async function clientAndFreelancerOnAContract(
  page: Page,
  browser: Browser,
  testInfo: TestInfo,
  { prepareFreelancerBrowser }: { prepareFreelancerBrowser?: (context: BrowserContext) => Promise<unknown> } = {},
) {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancerContext = await newBrowserContext(browser, testInfo)
  await prepareFreelancerBrowser?.(freelancerContext)
  const freelancerPage = await freelancerContext.newPage()
  const freelancer = await signUpWithoutForm(freelancerPage, testInfo, makeUser('freelancer'))
  const { contractId, title } = await createFixedContract(client.email, freelancer.email, {
    milestones: [{ title: 'Design', amountMinor: 50_000 }],
  })
  return { client, freelancer, freelancerContext, freelancerPage, contractId, title }
}
