import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { promisify } from 'node:util'
import { CALL_LAUNCH_OPTIONS, joinFromLobby, startCallFromContract } from './call-helpers'
import { clientAndFreelancerOnAContract } from './contract-pair'
import { expect, test } from './fixtures'
import { callEndedAtForTest, recordingsForTest } from './recording-fixtures'

// Recording needs JavaScript (MediaRecorder), so this spec runs only in the `js` project.
test.use({ launchOptions: CALL_LAUNCH_OPTIONS })

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Runs the retention job as `npm run job -- recording-retention` does, against the e2e database, its
 * clock set to `now` (node --import tsx directly: no npm and tsx CLI processes in front, about 1 s less).
 */
async function runRetentionJob(now: Date): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/run-job.ts', 'recording-retention'],
    {
      env: {
        ...process.env,
        DATABASE_PATH: process.env.E2E_DATABASE_PATH,
        JOB_NOW: now.toISOString(),
        LOG_LEVEL: 'info',
      },
    },
  )
  return stdout.trim()
}

test('a recording with consent: both see it running, it plays with its length, and retention deletes it', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000)
  const {
    client: clientUser,
    freelancerPage: freelancer,
    freelancerContext,
    contractId,
  } = await clientAndFreelancerOnAContract(page, browser, testInfo)

  const { roomPath, callPath, callId } = await startCallFromContract(page, contractId)
  await joinFromLobby(page)
  await freelancer.goto(roomPath)
  await joinFromLobby(freelancer)
  await expect(page.locator('video[data-remote-peer]')).toHaveCount(1, { timeout: 20_000 })
  await expect(freelancer.locator('video[data-remote-peer]')).toHaveCount(1, { timeout: 20_000 })

  // The client records video; the freelancer is told who, and sees the indicator.
  await page.getByLabel('Record').selectOption('video')
  await page.getByRole('button', { name: 'Start recording' }).click()
  await expect(page.getByRole('status').filter({ hasText: '● Recording' })).toBeVisible()
  await expect(
    freelancer.getByRole('alert').filter({ hasText: `${clientUser.name} started recording this call.` }),
  ).toBeVisible({
    timeout: 15_000,
  })
  await expect(freelancer.getByRole('status').filter({ hasText: '● Recording' })).toBeVisible()
  // Someone else cannot start a second recording while this one runs.
  await expect(freelancer.getByRole('button', { name: 'Start recording' })).toHaveCount(0)

  // About five seconds: the recorder uploads a chunk a second, so wait for the server to hold five.
  await expect
    .poll(async () => (await recordingsForTest(callId))[0]?.chunkCount ?? 0, { timeout: 30_000, intervals: [500] })
    .toBeGreaterThanOrEqual(5)
  await page.getByRole('button', { name: 'Stop recording' }).click()
  await expect(page.getByRole('button', { name: 'Start recording' })).toBeVisible({ timeout: 15_000 })
  await expect(freelancer.getByRole('status').filter({ hasText: '● Recording' })).toHaveCount(0, { timeout: 15_000 })
  const [recording] = await recordingsForTest(callId)
  expect(recording).toMatchObject({ status: 'complete', mode: 'video', fileExists: true })
  expect(recording!.durationMs).toBeGreaterThanOrEqual(4000)

  // Both leave; the call ends.
  await page.getByRole('button', { name: 'Leave' }).click()
  await freelancer.getByRole('button', { name: 'Leave' }).click()
  await expect.poll(() => callEndedAtForTest(callId), { timeout: 20_000 }).not.toBeNull()

  // The call's page plays it in a plain <video>: the length is in the file (no seeking trick needed).
  await freelancer.goto(callPath)
  const video = freelancer.locator('video[src$="' + recording!.id + '"]')
  await expect(video).toBeVisible()
  await expect
    .poll(() => video.evaluate((el: HTMLVideoElement) => (el.readyState >= 1 ? el.duration : 0)), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(4)
  expect(await video.evaluate((el: HTMLVideoElement) => Number.isFinite(el.duration))).toBe(true)
  // It plays: seek near the end and the picture is there.
  await video.evaluate(
    (el: HTMLVideoElement) =>
      new Promise<void>((resolve) => {
        el.addEventListener('seeked', () => resolve(), { once: true })
        el.currentTime = 3
      }),
  )
  expect(await video.evaluate((el: HTMLVideoElement) => el.videoWidth)).toBeGreaterThan(0)
  const download = freelancer.getByRole('link', { name: 'Download' })
  const answer = await freelancer.request.get((await download.getAttribute('href'))!)
  expect(answer.headers()['content-disposition']).toMatch(/^attachment; filename="call-.*-video\.webm"$/)
  // Without JavaScript the same page offers the plain player, which the server feeds by byte range.
  const noScript = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    javaScriptEnabled: false,
    storageState: await freelancerContext.storageState(),
  })
  const plain = await noScript.newPage()
  await plain.goto(callPath)
  const plainVideo = plain.locator('video[controls]')
  const src = (await plainVideo.getAttribute('src'))!
  const part = await noScript.request.get(src, { headers: { Range: 'bytes=0-1023' } })
  expect(part.status()).toBe(206)
  expect(part.headers()['content-range']).toBe(`bytes 0-1023/${recording!.sizeBytes}`)
  expect(part.headers()['content-type']).toMatch(/^video\/webm/)
  await noScript.close()
  // The contract lists the call with its recording, and its activity log says it was recorded.
  await freelancer.goto(`/contracts/${contractId}`)
  await expect(
    freelancer.getByRole('region', { name: 'Calls' }).getByRole('link', { name: /^Call on / }),
  ).toHaveAttribute('href', callPath)
  await expect(freelancer.getByRole('region', { name: 'Activity' })).toContainText(
    `${clientUser.name} recorded the call`,
  )

  // 31 days later the retention job deletes the file and its row.
  const output = (await runRetentionJob(new Date(Date.now() + 31 * DAY_MS))).split('\n')
  const logged = output.map((line) => JSON.parse(line) as Record<string, unknown>)
  expect(logged).toContainEqual(
    expect.objectContaining({
      msg: 'call recording deleted after its retention period',
      callId,
      recordingId: recording!.id,
      sizeBytes: recording!.sizeBytes,
    }),
  )
  expect(await recordingsForTest(callId)).toEqual([])
  expect(fs.existsSync(recording!.path)).toBe(false)
  await freelancer.goto(callPath)
  await expect(freelancer.locator('video')).toHaveCount(0)

  await freelancerContext.close()
})
