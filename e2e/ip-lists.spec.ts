import { expect, expectPath, test, toast } from './fixtures'

test('an admin blocks an IP range (bad ranges and blocking themselves are refused) and removes it', async ({ adminPage }, testInfo) => {
  // Each project uses its own documentation range, so the two never collide in one run.
  const network = testInfo.project.name === 'js' ? '198.51.100' : '192.0.2'
  const page = adminPage
  await page.getByRole('navigation', { name: 'Admin portal' }).getByRole('link', { name: 'IP blocklist' }).click()
  await expectPath(page, '/admin/ip-blocklist')
  await expect(page.getByRole('heading', { level: 1, name: 'IP blocklist' })).toBeVisible()

  const range = page.getByLabel('IP address or range')
  const reason = page.getByLabel('Reason')
  const block = page.getByRole('button', { name: 'Block', exact: true })

  await range.fill(`${network}.0/33`)
  await reason.fill('Card testing from this network')
  await block.click()
  await expect(page.getByText('Enter an IP address such as 203.0.113.7 or a range such as 203.0.113.0/24')).toBeVisible()
  await expect(range).toHaveValue(`${network}.0/33`)

  await range.fill(`${network}.7/24`)
  await reason.fill('')
  await block.click()
  await expect(page.getByText('Say why this range is blocked')).toBeVisible()

  // The admin's own address is refused: they would shut themselves out.
  const ownIp = (await page.getByText(/Your own IP address now is/).textContent())?.match(/now is ([0-9a-f.:]+)\./i)?.[1]
  expect(ownIp).toBeTruthy()
  await range.fill(ownIp!)
  await reason.fill('Testing')
  await block.click()
  await expect(page.getByText(/so you would block yourself\.$/)).toBeVisible()

  // A single address inside the range is stored as the range's network.
  await range.fill(`${network}.7/24`)
  await reason.fill('Card testing from this network')
  await block.click()
  await expect(toast(page)).toHaveText(`${network}.0/24 is blocked: sign-ins from it are refused.`)
  const row = page.getByRole('list', { name: 'Blocked addresses' }).getByRole('listitem').filter({ hasText: `${network}.0/24` })
  await expect(row).toContainText('Card testing from this network')
  await expect(row).toContainText('by Ada Admin')

  await range.fill(`${network}.0/24`)
  await reason.fill('Again')
  await block.click()
  await expect(page.getByText(`${network}.0/24 is already on the blocklist.`)).toBeVisible()

  await row.getByRole('button', { name: `Remove ${network}.0/24 from the blocklist` }).click()
  await expect(toast(page)).toHaveText('The range is removed from the blocklist.')
  await expect(row).toHaveCount(0)
})
