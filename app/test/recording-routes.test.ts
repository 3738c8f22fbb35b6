import { describe, expect, it } from 'vitest'
import { insertContractCall } from './contract-call'
import { action as startAction } from '~/routes/_portal.calls.$callId.recordings'
import { action as chunkAction } from '~/routes/_portal.calls.$callId.recordings.$recordingId.chunks.$index'
import { action as stopAction } from '~/routes/_portal.calls.$callId.recordings.$recordingId.stop'
import { loader as fileLoader } from '~/routes/_portal.calls.$callId.recordings.$recordingId'
import { hireBetweenNewUsers } from './escrow-fixtures'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

async function callWithCookies() {
  const { client, freelancer, contract } = await hireBetweenNewUsers({
    type: 'fixed',
    title: 'Website',
    amountMinor: 10_000,
  })
  const stranger = await createTestUser('client')
  const callId = await insertContractCall(contract)
  return {
    callId,
    client: await signedInCookie(client.id),
    freelancer: await signedInCookie(freelancer.id),
    stranger: await signedInCookie(stranger.id),
  }
}

function chunkRequest(path: string, cookie: string, body: string) {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/octet-stream' },
    body,
  })
}

describe('recording routes', () => {
  it('records, then serves the file whole, by byte range and as a download, to participants only', async () => {
    const setup = await callWithCookies()
    const base = `/calls/${setup.callId}/recordings`
    const started = await run(
      startAction,
      formRequest(base, { mode: 'audio', contentType: 'audio/webm;codecs=opus' }, setup.client),
      { callId: setup.callId },
    )
    expect(started.status).toBe(201)
    const { recordingId } = (await started.json()) as { recordingId: string }
    const params = { callId: setup.callId, recordingId }

    for (const [index, text] of ['0123456789', 'abcdefghij'].entries()) {
      const sent = await run(chunkAction, chunkRequest(`${base}/${recordingId}/chunks/${index}`, setup.client, text), {
        ...params,
        index: String(index),
      })
      expect(sent.status).toBe(200)
    }
    const again = await run(chunkAction, chunkRequest(`${base}/${recordingId}/chunks/1`, setup.client, 'abcdefghij'), {
      ...params,
      index: '1',
    })
    expect(await again.json()).toEqual({ stored: false, sizeBytes: 20 })
    expect((await run(stopAction, formRequest(`${base}/${recordingId}/stop`, {}, setup.client), params)).status).toBe(
      200,
    )

    const url = `${base}/${recordingId}`
    const whole = await run(fileLoader, getRequest(url, setup.freelancer), params)
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-type')).toBe('audio/webm;codecs=opus')
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect(whole.headers.get('content-disposition')).toMatch(/^inline; filename="call-.*-audio\.webm"$/)
    // A private call: no copy is kept in the browser's cache (nor any other) for the next user.
    expect(whole.headers.get('cache-control')).toBe('private, no-store')
    expect(await whole.text()).toBe('0123456789abcdefghij')

    const ranged = getRequest(url, setup.freelancer)
    ranged.headers.set('range', 'bytes=5-12')
    const part = await run(fileLoader, ranged, params)
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe('bytes 5-12/20')
    expect(await part.text()).toBe('56789abc')

    const beyond = getRequest(url, setup.freelancer)
    beyond.headers.set('range', 'bytes=20-')
    expect((await run(fileLoader, beyond, params)).status).toBe(416)

    const download = await run(fileLoader, getRequest(`${url}?download`, setup.client), params)
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; /)

    // A stranger learns nothing, whatever they try.
    expect((await run(fileLoader, getRequest(url, setup.stranger), params)).status).toBe(404)
    const strangerStart = formRequest(base, { mode: 'audio', contentType: 'audio/webm' }, setup.stranger)
    expect((await run(startAction, strangerStart, { callId: setup.callId })).status).toBe(404)
    const strangerChunk = chunkRequest(`${base}/${recordingId}/chunks/2`, setup.stranger, 'x')
    expect((await run(chunkAction, strangerChunk, { ...params, index: '2' })).status).toBe(404)
    expect((await run(stopAction, formRequest(`${url}/stop`, {}, setup.stranger), params)).status).toBe(404)
  })

  it('answers a bad start with 400 and a second recording with 409', async () => {
    const setup = await callWithCookies()
    const base = `/calls/${setup.callId}/recordings`
    const bad = await run(startAction, formRequest(base, { mode: 'hologram', contentType: 'x' }, setup.client), {
      callId: setup.callId,
    })
    expect(bad.status).toBe(400)
    const video = { mode: 'video', contentType: 'video/webm;codecs=vp8,opus' }
    expect((await run(startAction, formRequest(base, video, setup.client), { callId: setup.callId })).status).toBe(201)
    const second = await run(startAction, formRequest(base, video, setup.freelancer), { callId: setup.callId })
    expect(second.status).toBe(409)
    expect(await second.json()).toEqual({ message: 'This call is already being recorded.' })
  })
})
