import { expect, makeUser, newBrowserContext, test, toast } from './fixtures'
import { createOpenProject, createSubmittedProposal } from './projects-fixtures'
import { signUpWithoutForm } from './user-fixtures'

const LETTER =
  'Hello, I am an experienced developer with many years of work on web applications. I have read your project ' +
  'carefully and I am confident I can deliver it on time and within budget. Let us talk about the details soon.'
// The same letter with a new greeting and one misspelt word.
const COPY = LETTER.replace('Hello,', 'Hi,').replace('deliver it', 'recieve it')

test('the Check points out a templated letter and a misspelling, the proposal still goes, and the client can hide it', async ({
  page,
  browser,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancerContext = await newBrowserContext(browser, testInfo)
  const freelancerPage = await freelancerContext.newPage()
  const freelancer = await signUpWithoutForm(freelancerPage, testInfo, makeUser('freelancer'))
  const earlier = await createOpenProject(client.email, { title: 'Booking page for a dental clinic' })
  await createSubmittedProposal(earlier.projectId, freelancer.email, { coverLetter: LETTER })
  const { projectId } = await createOpenProject(client.email, { title: 'Booking page for a physiotherapy practice' })

  await freelancerPage.goto(`/projects/${projectId}/propose`)
  await freelancerPage.getByLabel('Cover letter').fill(COPY)
  await freelancerPage.getByLabel('Your price (USD)').fill('450')
  await freelancerPage.getByLabel('Duration in days').fill('14')
  await freelancerPage.getByRole('button', { name: 'Check', exact: true }).click()
  const suggestions = freelancerPage.getByRole('list', { name: 'Suggestions' })
  await expect(suggestions).toContainText('the same as the one you sent for “Booking page for a dental clinic”')
  await expect(suggestions).toContainText('“recieve” may be misspelt — did you mean “receive”')
  await expect(freelancerPage.getByLabel('Cover letter')).toHaveValue(COPY)
  await expect(freelancerPage.getByLabel('Your price (USD)')).toHaveValue('450')

  await freelancerPage.getByRole('button', { name: 'Send proposal' }).click()
  await expect(toast(freelancerPage)).toContainText('Your proposal is sent.')

  await page.goto(`/projects/${projectId}/proposals`)
  await expect(page.getByText('Similar to this freelancer’s other letters')).toBeVisible()
  await page.getByLabel('Hide letters similar to the freelancer’s other letters').check()
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByText('1 proposal with a templated letter hidden.')).toBeVisible()
  await expect(page.getByRole('link', { name: /Open .*’s proposal/ })).toHaveCount(0)
  await expect(page.getByLabel('Hide letters similar to the freelancer’s other letters')).toBeChecked()
})
