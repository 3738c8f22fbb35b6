import http from 'node:http'
import type { Locator } from '@playwright/test'
import { findAttendanceForTest } from './call-fixtures'
import { CALL_LAUNCH_OPTIONS, joinFromLobby, remoteVideos, startCallFromContract } from './call-helpers'
import { clientAndFreelancerOnAContract } from './contract-pair'
import { expect, makeUser, newBrowserContext, test } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

// Video needs JavaScript, so this spec runs only in the `js` project (see playwright.config.ts).
test.use({ launchOptions: CALL_LAUNCH_OPTIONS })

/** The video plays: it has a size, and its time moves on. */
async function expectPlaying(video: Locator) {
  await expect
    .poll(() => video.evaluate((el: HTMLVideoElement) => el.videoWidth), { timeout: 20_000 })
    .toBeGreaterThan(0)
  const before = await video.evaluate((el: HTMLVideoElement) => el.currentTime)
  await expect.poll(() => video.evaluate((el: HTMLVideoElement) => el.currentTime)).toBeGreaterThan(before)
}

/** The loudest sample a Web Audio analyser reads from the video's stream within a few seconds (the fake microphone beeps). */
async function loudestSample(video: Locator): Promise<number> {
  return video.evaluate(
    (el: HTMLVideoElement) =>
      new Promise<number>((resolve) => {
        const context = new AudioContext()
        const analyser = context.createAnalyser()
        context.createMediaStreamSource(el.srcObject as MediaStream).connect(analyser)
        const samples = new Float32Array(analyser.fftSize)
        let loudest = 0
        let ticks = 0
        const listen = () => {
          analyser.getFloatTimeDomainData(samples)
          for (const sample of samples) loudest = Math.max(loudest, Math.abs(sample))
          if (loudest > 0.05 || ++ticks > 160) {
            void context.close()
            resolve(loudest)
          } else setTimeout(listen, 25)
        }
        listen()
      }),
  )
}

/** Asks the PeerServer for a WebSocket the way PeerJS does; answers the HTTP status it gets back (101 = accepted). */
function peerServerAnswer(baseURL: string, id: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(`/peerjs/peerjs?key=peerjs&id=${id}&token=${token}`, baseURL)
    const request = http.request(url, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': Buffer.from('megilance-e2e-ky').toString('base64'),
      },
    })
    request.on('upgrade', (response, socket) => {
      socket.destroy()
      resolve(response.statusCode ?? 0)
    })
    request.on('response', (response) => resolve(response.statusCode ?? 0))
    request.on('error', reject)
    request.end()
  })
}

test('a client and a freelancer call each other, a guest joins, a screen is shared; strangers are kept out', async ({
  page,
  browser,
}, testInfo) => {
  // Three browsers encoding video on a shared 2-core machine are slow: generous waits, on events.
  test.setTimeout(300_000)
  const {
    client: clientUser,
    freelancer: freelancerUser,
    freelancerPage: freelancer,
    freelancerContext,
    contractId,
  } = await clientAndFreelancerOnAContract(page, browser, testInfo)
  // The guest, invited later, signs up before any video runs (set-up is slow next to three video peers).
  const guestContext = await newBrowserContext(browser, testInfo)
  const guest = await guestContext.newPage()
  const guestUser = await signUpWithoutForm(guest, testInfo, makeUser('client'))

  // The client starts the call from the contract; the freelancer sees it going on and joins.
  const { roomPath, callPath, callId } = await startCallFromContract(page, contractId)
  await joinFromLobby(page, '360p')

  // A stranger: 404 for the call's pages, and the PeerServer refuses a made-up id, or a real id with a forged token.
  // Checked while only the client is in the call: with three peers sending video, it took three times as long.
  const strangerContext = await newBrowserContext(browser, testInfo)
  const stranger = await strangerContext.newPage()
  await signUpWithoutForm(stranger, testInfo, makeUser('freelancer'))
  expect((await stranger.goto(callPath))?.status()).toBe(404)
  expect((await stranger.goto(roomPath))?.status()).toBe(404)
  const baseURL = testInfo.project.use.baseURL!
  expect(await peerServerAnswer(baseURL, `p${'0'.repeat(32)}`, `${Date.now() + 60_000}.${'A'.repeat(43)}`)).toBe(401)
  const attendance = await findAttendanceForTest(callId)
  expect(await peerServerAnswer(baseURL, attendance.peerId, `${Date.now() + 60_000}.${'A'.repeat(43)}`)).toBe(401)
  await strangerContext.close()

  await freelancer.goto(`/contracts/${contractId}`)
  await freelancer.getByRole('button', { name: 'Join the call' }).click()
  await expect(freelancer).toHaveURL(roomPath)
  await joinFromLobby(freelancer)

  // Each sees and hears the other.
  await expect(remoteVideos(page)).toHaveCount(1, { timeout: 20_000 })
  await expect(remoteVideos(freelancer)).toHaveCount(1, { timeout: 20_000 })
  await expectPlaying(remoteVideos(page))
  await expectPlaying(remoteVideos(freelancer))
  expect(await loudestSample(remoteVideos(page))).toBeGreaterThan(0.05)
  expect(await loudestSample(remoteVideos(freelancer))).toBeGreaterThan(0.05)

  // Muting on one side shows on the other.
  const clientSeenByFreelancer = freelancer.locator('figure.call-tile').filter({ hasText: clientUser.name })
  await expect(clientSeenByFreelancer).toContainText('connected')
  const mute = page.getByRole('button', { name: 'Mute', exact: true })
  await mute.click()
  await expect(mute).toHaveAttribute('aria-pressed', 'true')
  await expect(clientSeenByFreelancer).toContainText('muted')
  await mute.click()
  await expect(mute).toHaveAttribute('aria-pressed', 'false')
  await expect(clientSeenByFreelancer).not.toContainText('muted')

  // The client invites a third person, who joins: everyone sees two others.
  await page.getByLabel('Invite someone by email').fill(guestUser.email)
  await page.getByRole('button', { name: 'Invite to the call' }).click()
  await expect(page.getByRole('status').filter({ hasText: `${guestUser.name} is invited` })).toBeVisible()
  await guest.goto(roomPath)
  await joinFromLobby(guest)
  for (const someone of [page, freelancer, guest]) {
    await expect(remoteVideos(someone)).toHaveCount(2, { timeout: 20_000 })
    for (const video of await remoteVideos(someone).all()) await expectPlaying(video)
  }

  // Sharing the screen changes what the others receive (the client's camera is 640×360, the headless
  // screen 1280×720); stopping brings the camera back.
  const clientVideoAtGuest = guest.locator('figure.call-tile').filter({ hasText: clientUser.name }).locator('video')
  const width = () => clientVideoAtGuest.evaluate((el: HTMLVideoElement) => el.videoWidth)
  expect(await width()).toBeLessThanOrEqual(640)
  const share = page.getByRole('button', { name: 'Share screen' })
  await share.click()
  await expect(share).toHaveAttribute('aria-pressed', 'true', { timeout: 60_000 })
  await expect.poll(width, { timeout: 60_000 }).toBeGreaterThan(640)
  await share.click()
  await expect(share).toHaveAttribute('aria-pressed', 'false')
  await expect.poll(width, { timeout: 60_000 }).toBeLessThanOrEqual(640)

  // Leaving is recorded: the call's page lists who joined.
  await freelancer.getByRole('button', { name: 'Leave' }).click()
  await expect(page.locator('figure.call-tile').filter({ hasText: freelancerUser.name })).toHaveCount(0, {
    timeout: 15_000,
  })
  await page.goto(callPath)
  await expect(page.getByRole('table')).toContainText(freelancerUser.name)
  await expect(page.getByRole('table')).toContainText(guestUser.name)

  await Promise.all([freelancerContext.close(), guestContext.close()])
})

test('when the signalling connection drops, the room says so and rejoins by itself', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(200_000)
  const {
    freelancer: freelancerUser,
    freelancerPage: freelancer,
    freelancerContext,
    contractId,
  } = await clientAndFreelancerOnAContract(page, browser, testInfo, {
    // Keeps the page's WebSockets reachable, so the test can cut the one to the PeerServer.
    prepareFreelancerBrowser: (context) =>
      context.addInitScript(() => {
        const sockets: WebSocket[] = []
        Object.assign(window, { __sockets: sockets })
        window.WebSocket = class extends window.WebSocket {
          constructor(...args: ConstructorParameters<typeof WebSocket>) {
            super(...args)
            sockets.push(this)
          }
        }
      }),
  })
  const { roomPath } = await startCallFromContract(page, contractId)
  await joinFromLobby(page, '360p')
  await freelancer.goto(roomPath)
  await joinFromLobby(freelancer, '360p')
  await expect(remoteVideos(page)).toHaveCount(1, { timeout: 30_000 })
  await expectPlaying(remoteVideos(page))
  const firstPeerId = await remoteVideos(page).getAttribute('data-remote-peer')

  await freelancer.evaluate(() => {
    for (const socket of (window as unknown as { __sockets: WebSocket[] }).__sockets)
      if (socket.url.includes('/peerjs/')) socket.close()
  })
  await expect(freelancer.getByRole('status').filter({ hasText: 'Reconnecting…' })).toBeVisible()
  await expect(freelancer.getByRole('status').filter({ hasText: 'In the call' })).toBeVisible({ timeout: 30_000 })
  // The client now sees the freelancer under their new peer id, playing.
  await expect(remoteVideos(page)).toHaveCount(1)
  await expect(remoteVideos(page)).not.toHaveAttribute('data-remote-peer', firstPeerId!, { timeout: 30_000 })
  await expectPlaying(remoteVideos(page))
  await expect(page.locator('figure.call-tile').filter({ hasText: freelancerUser.name })).toContainText('connected')
  await freelancerContext.close()
})

test('at 360 px the controls sit above the whiteboard; toggles keep their names; Leave says you left and Rejoin brings you back', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(200_000)
  await page.setViewportSize({ width: 360, height: 740 })
  const {
    client: clientUser,
    freelancer: freelancerUser,
    freelancerPage: freelancer,
    freelancerContext,
    contractId,
  } = await clientAndFreelancerOnAContract(page, browser, testInfo)
  const { roomPath } = await startCallFromContract(page, contractId)
  await joinFromLobby(page, '360p')
  await freelancer.goto(roomPath)
  await joinFromLobby(freelancer, '360p')
  await expect(remoteVideos(page)).toHaveCount(1, { timeout: 30_000 })
  await expect(remoteVideos(freelancer)).toHaveCount(1, { timeout: 30_000 })

  // On a phone the call's controls come right under the videos, before the whiteboard.
  const controls = page.getByRole('toolbar', { name: 'Call controls' })
  const leaveBox = await controls.getByRole('button', { name: 'Leave' }).boundingBox()
  const whiteboardBox = await page.getByRole('heading', { name: 'Whiteboard' }).boundingBox()
  expect(leaveBox!.y + leaveBox!.height).toBeLessThan(whiteboardBox!.y)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

  // Each toggle keeps its name; aria-pressed says which way it is, and the other side sees it.
  const clientSeenByFreelancer = freelancer.locator('figure.call-tile').filter({ hasText: clientUser.name })
  for (const [name, shown] of [
    ['Mute', 'muted'],
    ['Camera off', 'camera off'],
  ] as const) {
    const toggle = controls.getByRole('button', { name, exact: true })
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    await expect(clientSeenByFreelancer).toContainText(shown)
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await expect(clientSeenByFreelancer).not.toContainText(shown)
  }

  // The freelancer leaves: their own list says that they left, not that the client did.
  await freelancer.getByRole('button', { name: 'Leave' }).click()
  await expect(freelancer.getByRole('status').filter({ hasText: 'You left the call' })).toBeVisible()
  const participants = freelancer.getByRole('region', { name: 'Participants' })
  await expect(participants.getByRole('listitem').filter({ hasText: /^You ·/ })).toHaveText('You · left the call')
  await expect(participants.getByRole('listitem').filter({ hasText: clientUser.name })).toHaveText(
    `${clientUser.name} · in the call when you left`,
  )
  await expect(page.locator('figure.call-tile').filter({ hasText: freelancerUser.name })).toHaveCount(0, {
    timeout: 15_000,
  })

  // Rejoin: back in the same call, seeing and seen again.
  const rejoin = freelancer.getByRole('button', { name: 'Rejoin' })
  await expect(rejoin).toBeFocused()
  await rejoin.click()
  await expect(freelancer.getByRole('status').filter({ hasText: 'In the call' })).toBeVisible({ timeout: 30_000 })
  await expect(remoteVideos(freelancer)).toHaveCount(1, { timeout: 30_000 })
  await expect(remoteVideos(page)).toHaveCount(1, { timeout: 30_000 })
  await expectPlaying(remoteVideos(page))
  await expectPlaying(remoteVideos(freelancer))
  await expect(participants.getByRole('listitem').filter({ hasText: clientUser.name })).toContainText('connected')
  await freelancerContext.close()
})
