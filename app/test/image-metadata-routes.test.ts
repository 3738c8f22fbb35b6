import fs from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { listMessages } from '~/models/conversations.server'
import { listPortfolioItems } from '~/models/portfolio.server'
import { findUpload } from '~/models/uploads.server'
import { action as conversationAction } from '~/routes/_portal.messages.$conversationId'
import { loader as attachmentLoader } from '~/routes/_portal.messages.$conversationId.files.$uploadId'
import { loader as portfolioImageLoader } from '~/routes/_portal.portfolio.images.$imageId'
import { action as portfolioAction } from '~/routes/_portal.settings.portfolio'
import { uploadsDir } from '~/services/files/uploads.server'
import { openConversationFor } from '~/services/messaging/messaging.server'
import { hireBetweenNewUsers } from './escrow-fixtures'
import { CLEAN_JPEG, CLEAN_PNG, jpegWithMetadata, leaksIn, pngWithMetadata } from './image-fixtures'
import { getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

/*
 * A phone photo keeps where it was taken (GPS), the camera and often its owner's name in its Exif,
 * XMP and IPTC blocks. Portfolio images were served byte for byte to anyone reading a public
 * profile, search engines included, and attachments to whoever was sent them: a freelancer's
 * photo of their desk told every visitor where they live. Images are now kept and served without
 * their metadata (only the orientation stays), files stored before this included.
 */

function portfolioPost(cookie: string, image: { bytes: Uint8Array<ArrayBuffer>; name: string; type: string }) {
  const form = new FormData()
  form.set('title', 'Bakery shop')
  form.set('description', 'Photos of the shop I built.')
  form.set('links', '')
  form.append('images', new File([image.bytes], image.name, { type: image.type }))
  return new Request('http://localhost/settings/portfolio', { method: 'POST', headers: { cookie }, body: form })
}

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer())

describe('an uploaded photo’s location and camera details', () => {
  it('are not in a portfolio image a visitor loads, stored before this or after; its orientation is', async () => {
    const freelancer = await createTestUser('freelancer')
    const cookie = await signedInCookie(freelancer.id)
    const dirty = jpegWithMetadata(6)
    expect(leaksIn(dirty)).not.toEqual([])

    const saved = await run(
      portfolioAction,
      portfolioPost(cookie, { bytes: dirty, name: 'desk.jpg', type: 'image/jpeg' }),
    )
    expect(saved.status).toBe(302)
    const imageId = (await listPortfolioItems(freelancer.id))[0]!.images[0]!.uploadId
    const load = () => run(portfolioImageLoader, getRequest(`/portfolio/images/${imageId}`), { imageId })

    const shown = await load()
    expect(shown.status).toBe(200)
    const served = await bytesOf(shown)
    expect(leaksIn(served)).toEqual([])
    expect(
      served.includes(Buffer.from('Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06', 'latin1')),
    ).toBe(true)
    expect(served.length).toBe(CLEAN_JPEG.length + 36)
    expect(shown.headers.get('content-length')).toBe(String(served.length))
    // What is kept on disk and counted is the image without them too.
    const stored = path.join(uploadsDir(), imageId.slice(0, 2), imageId)
    expect(leaksIn(await fs.readFile(stored))).toEqual([])
    expect((await findUpload(imageId))?.sizeBytes).toBe(served.length)

    // A photo stored with its metadata before this is served without it all the same.
    await fs.writeFile(stored, dirty)
    expect(leaksIn(await bytesOf(await load()))).toEqual([])
  })

  it('are not in an image sent in a message', async () => {
    const { client, freelancer, contract } = await hireBetweenNewUsers(
      { type: 'fixed', title: 'Shop contract', projectTitle: 'Build a shop', amountMinor: 90_000 },
      { client: 'Clara Test', freelancer: 'Felix Test' },
    )
    const conversationId = (await openConversationFor('proposal', contract.proposalId, freelancer.id))!.id
    const form = new FormData()
    form.set('body', 'The mock-up')
    form.append('files', new File([pngWithMetadata()], 'mock-up.png', { type: 'image/png' }))
    const cookie = await signedInCookie(freelancer.id)
    const request = new Request(`http://localhost/messages/${conversationId}`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    })
    expect((await run(conversationAction, request, { conversationId })).status).toBe(302)
    const [message] = await listMessages(conversationId)
    const uploadId = message!.attachments[0]!.uploadId
    const download = await run(attachmentLoader, getRequest('/', await signedInCookie(client.id)), {
      conversationId,
      uploadId,
    })
    expect(await bytesOf(download)).toEqual(Buffer.from(CLEAN_PNG))
  })

  it('an image that cannot be read as one is refused with what to do, and nothing is kept', async () => {
    const freelancer = await createTestUser('freelancer')
    const damaged = CLEAN_JPEG.subarray(0, 300)
    const answer = await run(
      portfolioAction,
      portfolioPost(await signedInCookie(freelancer.id), { bytes: damaged, name: 'desk.jpg', type: 'image/jpeg' }),
    )
    expect(answer.status).toBe(400)
    expect(JSON.stringify(await answer.json())).toContain(
      '\\"desk.jpg\\" could not be read as a JPEG image; it may be damaged. Save it again and choose it again.',
    )
    expect(await listPortfolioItems(freelancer.id)).toEqual([])
  })
})

describe('an uploaded image’s size in pixels', () => {
  it('past 50 megapixels is refused, whatever its file weighs', async () => {
    // A 1 MB PNG of one colour can be 16,000 × 16,000 pixels: a gigabyte in each viewer's memory.
    const freelancer = await createTestUser('freelancer')
    const huge = Uint8Array.from(CLEAN_PNG)
    huge.set([0, 0, 0x3e, 0x80, 0, 0, 0x3e, 0x80], 16)
    const answer = await run(
      portfolioAction,
      portfolioPost(await signedInCookie(freelancer.id), { bytes: huge, name: 'banner.png', type: 'image/png' }),
    )
    expect(answer.status).toBe(400)
    expect(JSON.stringify(await answer.json())).toContain(
      '\\"banner.png\\" has 256 megapixels; an image may have at most 50. Save it at a smaller size and choose it again.',
    )
    expect(await listPortfolioItems(freelancer.id)).toEqual([])
  })
})
