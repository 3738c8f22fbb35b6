import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { FORM_BODY_LIMIT } from '~/http/form-data.server'
import { uploadsDir } from '~/services/files/uploads.server'
import { run } from '../requests'
import { trackChanges } from './db-changes'
import { importRoute, listRouteIds, routePath } from './route-modules'
import { createWorld, ROLES, type World } from './world'

const ROUTES_DIR = fileURLToPath(new URL('../../routes', import.meta.url))
const actionIds: string[] = []
for (const id of listRouteIds()) if ((await importRoute(id)).action) actionIds.push(id)
const sourceOf = (id: string) => {
  const file = fs.readdirSync(ROUTES_DIR).find((name) => name.replace(/\.tsx?$/, '') === id)!
  return fs.readFileSync(path.join(ROUTES_DIR, file), 'utf8')
}
/** Routes that take files, found by what their source reads the body with. */
const uploadIds = actionIds.filter((id) => sourceOf(id).includes('readUploadForm('))
/** The name a route reads its files under. */
const fileField = (id: string) =>
  ['images', 'files', 'file'].find((name) => sourceOf(id).includes(`'${name}'`)) ?? 'file'

/** A body that streams in 64 kB pieces and declares no length, as a chunked request does. */
function chunked(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close()
      controller.enqueue(bytes.subarray(at, (at += 64_000)))
    },
  })
}

let world: World
let changes: ReturnType<typeof trackChanges>
beforeAll(async () => {
  world = await createWorld()
  changes = trackChanges()
})

const filesOnDisk = () => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir(), { recursive: true }).length : 0)

describe('oversized bodies', () => {
  const form = new TextEncoder().encode(`note=${'x'.repeat(FORM_BODY_LIMIT + 100_000)}`)

  it.each(actionIds)(
    '%s refuses a form over the limit with 413 (or before reading it) and changes nothing',
    async (id) => {
      const params = world.paramsFor(id)
      const action = (await importRoute(id)).action!
      for (const role of ROLES) {
        const cookie = await world.cookieFor(role)
        const before = changes.perTable()
        const request = new Request(`http://localhost${routePath(id, params)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
          body: chunked(form),
          duplex: 'half',
        } as RequestInit)
        const response = await run(action, request, params)
        // Refused for the size, or for who is asking before the body is read; never a 5xx, and never
        // a 400 from parsing a truncated form. An action that reads no body (joining a call) may succeed.
        expect(response.status, `${role} got ${response.status}`).toBeLessThan(500)
        expect(response.status, `${role} got ${response.status}`).not.toBe(400)
        if (response.status === 413) expect(await response.text()).toMatch(/more than|too large/i)
        if (response.status >= 300) expect(changes.perTable()).toEqual(before)
      }
    },
  )

  it('found the upload routes', () => expect(uploadIds.length).toBeGreaterThanOrEqual(4))

  it.each(uploadIds)('%s refuses an oversized file before it is written', async (id) => {
    const params = world.paramsFor(id)
    const action = (await importRoute(id)).action!
    const boundary = 'fuzz-boundary'
    const file = 'a'.repeat(12_000_000)
    const body = new TextEncoder().encode(
      ['body', 'reason', 'title', 'note']
        .map(
          (name) =>
            `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\nHere is the file we talked about.\r\n`,
        )
        .join('') +
        `--${boundary}\r\nContent-Disposition: form-data; name="${fileField(id)}"; filename="big.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n${file}\r\n` +
        `--${boundary}--\r\n`,
    )
    const statuses: number[] = []
    for (const role of ROLES) {
      const cookie = await world.cookieFor(role)
      const [beforeRows, beforeFiles] = [changes.perTable(), filesOnDisk()]
      const request = new Request(`http://localhost${routePath(id, params)}`, {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(cookie ? { cookie } : {}) },
        body: chunked(body),
        duplex: 'half',
      } as RequestInit)
      const response = await run(action, request, params)
      statuses.push(response.status)
      expect(response.status).toBeGreaterThanOrEqual(300)
      expect([changes.perTable(), filesOnDisk()]).toEqual([beforeRows, beforeFiles])
    }
    // Someone allowed to upload there reached the reader and was told the file is too large
    // (413, or 400 with the message beside the file field).
    expect(statuses.some((status) => status === 413 || status === 400)).toBe(true)
  })
})
