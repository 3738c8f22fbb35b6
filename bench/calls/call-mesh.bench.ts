/**
 * CPU and upstream bandwidth of one browser in a 2-, 4- and 8-person call (BENCH_CALL_SIZES), each
 * person a separate headless Chromium with the fake camera (640×360 requested, "360p") and microphone.
 * For each size: everyone joins, waits until every remote video plays, then for BENCH_CALL_SECONDS
 * (default 20) the CPU time of each browser's whole process tree is read from /proc and the bytes
 * its RTCPeerConnections sent from getStats. Prints a table and writes bench/results/calls.json.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, expect, test, type Browser, type BrowserServer, type Page, type TestInfo } from '@playwright/test'
import '../../e2e/app-env'
import { createFixedContract } from '../../e2e/contract-fixtures'
import { makeUser } from '../../e2e/fixtures'
import { signUpWithoutForm } from '../../e2e/user-fixtures'
import { findUserByEmail } from '~/models/users.server'
import { inviteToCall, requireCallAccess } from '~/services/video/calls.server'

const SIZES = (process.env.BENCH_CALL_SIZES ?? '2,4,8').split(',').map(Number)
const SECONDS = Number(process.env.BENCH_CALL_SECONDS ?? 20)
const TICKS_PER_SECOND = 100
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
]

/** CPU seconds used so far by a process and all its descendants. */
function treeCpuSeconds(root: number): number {
  const stats = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
        return [{ pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }]
      } catch {
        return []
      }
    })
  const inTree = new Set([root])
  for (let grew = true; grew;) {
    grew = false
    for (const stat of stats) {
      if (!inTree.has(stat.pid) && inTree.has(stat.ppid)) {
        inTree.add(stat.pid)
        grew = true
      }
    }
  }
  return stats.filter((stat) => inTree.has(stat.pid)).reduce((sum, stat) => sum + stat.ticks, 0) / TICKS_PER_SECOND
}

/** Bytes this page's peer connections have sent (RTP payload and headers, all outbound streams). */
function bytesSent(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let total = 0
    for (const connection of (window as unknown as { __connections: RTCPeerConnection[] }).__connections) {
      const report = await connection.getStats()
      report.forEach((stat: { type: string; bytesSent?: number; headerBytesSent?: number }) => {
        if (stat.type === 'outbound-rtp') total += (stat.bytesSent ?? 0) + (stat.headerBytesSent ?? 0)
      })
    }
    return total
  })
}

type Person = { server: BrowserServer; browser: Browser; page: Page }

async function joinPerson(baseURL: string, role: 'client' | 'freelancer', testInfo: TestInfo) {
  const server = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
  })
  const browser = await chromium.connect(server.wsEndpoint())
  const context = await browser.newContext({ baseURL })
  // Keeps the page's peer connections reachable for getStats.
  await context.addInitScript(() => {
    const connections: RTCPeerConnection[] = []
    Object.assign(window, { __connections: connections })
    window.RTCPeerConnection = class extends window.RTCPeerConnection {
      constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
        super(...args)
        connections.push(this)
      }
    }
  })
  const page = await context.newPage()
  const user = await signUpWithoutForm(page, testInfo, makeUser(role))
  return { person: { server, browser, page }, user }
}

async function enterRoom(page: Page, roomPath: string) {
  await page.goto(roomPath)
  await page.getByLabel('Video quality').selectOption('360p')
  const join = page.getByRole('button', { name: 'Join the call' })
  await expect(join).toBeEnabled({ timeout: 60_000 })
  await join.click()
  await expect(page.getByRole('status').filter({ hasText: 'In the call' })).toBeVisible({ timeout: 60_000 })
}

const results: { people: number; cpuPercentPerBrowser: number; upstreamKbitPerSecond: number; seconds: number }[] = []

for (const size of SIZES) {
  test(`a ${size}-person call`, async () => {
    const testInfo = test.info()
    const baseURL = testInfo.project.use.baseURL!
    const people: Person[] = []
    try {
      const client = await joinPerson(baseURL, 'client', testInfo)
      const freelancer = await joinPerson(baseURL, 'freelancer', testInfo)
      people.push(client.person, freelancer.person)
      const { contractId } = await createFixedContract(client.user.email, freelancer.user.email, {
        milestones: [{ title: 'Design', amountMinor: 50_000 }],
      })
      await client.person.page.goto(`/contracts/${contractId}`)
      await client.person.page.getByRole('button', { name: 'Start a call' }).click()
      await expect(client.person.page).toHaveURL(/\/calls\/[^/]+\/room$/)
      const roomPath = new URL(client.person.page.url()).pathname
      const callId = roomPath.split('/')[2]!

      const inviter = (await findUserByEmail(client.user.email))!
      for (let i = 2; i < size; i++) {
        const guest = await joinPerson(baseURL, 'client', testInfo)
        await inviteToCall(inviter, await requireCallAccess(inviter, callId), guest.user.email)
        people.push(guest.person)
      }
      for (const person of people) await enterRoom(person.page, roomPath)
      for (const person of people) {
        await expect(person.page.locator('video[data-remote-peer]')).toHaveCount(size - 1, { timeout: 120_000 })
        for (const video of await person.page.locator('video[data-remote-peer]').all()) {
          await expect
            .poll(() => video.evaluate((el: HTMLVideoElement) => el.videoWidth), { timeout: 120_000 })
            .toBeGreaterThan(0)
        }
      }

      const pids = people.map((person) => person.server.process().pid!)
      const cpuBefore = pids.map(treeCpuSeconds)
      const sentBefore = await Promise.all(people.map((person) => bytesSent(person.page)))
      const started = Date.now()
      await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000))
      const seconds = (Date.now() - started) / 1000
      const cpuAfter = pids.map(treeCpuSeconds)
      const sentAfter = await Promise.all(people.map((person) => bytesSent(person.page)))

      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
      results.push({
        people: size,
        cpuPercentPerBrowser: Math.round((mean(cpuAfter.map((cpu, i) => cpu - cpuBefore[i]!)) / seconds) * 100),
        upstreamKbitPerSecond: Math.round(
          (mean(sentAfter.map((sent, i) => sent - sentBefore[i]!)) * 8) / seconds / 1000,
        ),
        seconds: Math.round(seconds),
      })
    } finally {
      for (const person of people) await person.server.close()
    }
  })
}

test.afterAll(() => {
  console.table(results)
  const file = path.resolve('bench/results/calls.json')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), cpus: 2, results }, null, 2)}\n`)
})
