import { describe, expect, it } from 'vitest'
import { insertContractCall } from './contract-call'
import { action } from '~/routes/_portal.calls.$callId.whiteboard'
import { readCallWhiteboard } from '~/services/video/whiteboard.server'
import type { Stroke } from '~/domain/whiteboard-strokes'
import { createFixedContract } from './fixed-contract'
import { run } from './requests'
import { createTestUser, signedInCookie } from './users'

const stroke: Stroke = {
  id: 's1',
  author: 'peer',
  tool: 'pen',
  color: '#1d4ed8',
  width: 8,
  points: [
    [0.2, 0.5],
    [0.8, 0.5],
  ],
  t: 1,
}

async function callOfContract() {
  const { client, freelancer, contract } = await createFixedContract()
  const callId = await insertContractCall(contract)
  return { client, freelancer, callId }
}

/** As the room sends it: a multipart form with the strokes' JSON. */
function save(callId: string, strokes: string, cookie: string) {
  const body = new FormData()
  body.set('strokes', strokes)
  const request = new Request(`http://localhost/calls/${callId}/whiteboard`, {
    method: 'POST',
    headers: { cookie },
    body,
  })
  return run(action, request, { callId })
}

describe('POST /calls/$callId/whiteboard', () => {
  it("saves the board for the call's participants", async () => {
    const { freelancer, callId } = await callOfContract()
    const response = await save(callId, JSON.stringify([stroke]), await signedInCookie(freelancer.id))
    expect(response.status).toBe(204)
    expect(await readCallWhiteboard(callId)).toEqual([stroke])
  })

  it('answers 404 to someone outside the call, and for a call that does not exist', async () => {
    const { callId } = await callOfContract()
    const stranger = await signedInCookie((await createTestUser('client')).id)
    expect((await save(callId, JSON.stringify([stroke]), stranger)).status).toBe(404)
    expect((await save('no-such-call', '[]', stranger)).status).toBe(404)
    expect(await readCallWhiteboard(callId)).toEqual([])
  })

  it('answers 400 with the reason for strokes that do not parse or a board over the limit', async () => {
    const { client, callId } = await callOfContract()
    const cookie = await signedInCookie(client.id)
    const broken = await save(callId, JSON.stringify([{ ...stroke, points: [[2, 2]] }]), cookie)
    expect(broken.status).toBe(400)
    expect(await broken.text()).toMatch(/^The whiteboard could not be saved/)
    const points = Array.from({ length: 2000 }, (): [number, number] => [0.123456, 0.654321])
    const big = JSON.stringify(Array.from({ length: 15 }, (_, i) => ({ ...stroke, id: `s${i}`, points })))
    const tooLarge = await save(callId, big, cookie)
    expect(tooLarge.status).toBe(400)
    expect(await tooLarge.text()).toMatch(/too large to save/)
  })
})
