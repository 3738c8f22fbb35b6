import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url))
const COMMON_FIELDS = ['intent', 'amount', 'currency', 'email', 'password', 'code', 'redirectTo', 'id', 'revision']

function readSource(file: string): string {
  for (const candidate of [file, `${file}.ts`, `${file}.tsx`]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return fs.readFileSync(candidate, 'utf8')
  }
  return ''
}

/**
 * The field names and button values a route's forms use, read from its source and the schema
 * modules it imports (zod keys, `name=` attributes, literals), so the fuzzer mostly sends fields the
 * action looks at and reaches past its first check; a new route is covered with no list to update.
 */
export function formVocabulary(routeFile: string): { fields: string[]; values: string[] } {
  const route = readSource(routeFile)
  const imported = [...route.matchAll(/from '~\/([^']*(?:schema|form|intent)[^']*)'/gi)].map((match) =>
    readSource(path.join(APP_DIR, match[1]!)),
  )
  const source = [route, ...imported].join('\n')
  const fields = new Set(COMMON_FIELDS)
  for (const match of source.matchAll(/\b(\w+)\s*:\s*(?:z\b|\w+(?:Schema|Field|Amount|Money)\b)/g))
    fields.add(match[1]!)
  for (const match of source.matchAll(/\bname[=:]\s*["'{`]+([\w.[\]-]+)/g)) fields.add(match[1]!)
  const values = new Set<string>()
  for (const match of source.matchAll(/(?:literal\(|value=)["'{`]*([\w-]+)/g)) values.add(match[1]!)
  return { fields: [...fields], values: [...values] }
}

const CONTROL = fc.constantFrom('\u0000', '\u0007', '\b', '\r\n', '\u001b[31m', '\u200b', '\u202e', '\ud800', '\uffff')

/** Values chosen to break parsers and rules: odd text, odd money, odd ids and dates. */
function fieldValue(knownIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(''),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.array(CONTROL, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')),
    fc.integer({ min: 1, max: 100_000 }).map((length) => 'x'.repeat(length)),
    fc
      .oneof(
        fc.integer(),
        fc.maxSafeInteger(),
        fc.maxSafeNat().map((n) => -n),
      )
      .map(String),
    fc.double().map(String),
    fc.constantFrom('1e309', '-0', 'NaN', 'Infinity', '0.001', '12.345', '9007199254740993', '1,000.00', '0x10', ' 5 '),
    fc.constantFrom('USD', 'usd', 'EUR', 'XXX', 'BTC', 'ZZZ', 'U$D'),
    fc.constantFrom(...knownIds, crypto.randomUUID(), '../../etc/passwd', "1' OR '1'='1", '%00', '<script>x</script>'),
    fc.constantFrom(
      'on',
      'true',
      'false',
      '2026-02-30',
      '2026-12-07T14:00:00.000Z',
      '9999-99-99',
      'https://evil.example/',
    ),
  )
}

export type FuzzBody = { multipart: boolean; entries: [string, string][] }

/** A form body: some of the route's fields (missing ones too), extra names, and repeated keys where one value belongs. */
export function formBody(
  vocabulary: { fields: string[]; values: string[] },
  knownIds: string[],
): fc.Arbitrary<FuzzBody> {
  const name = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...vocabulary.fields) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  )
  const value = fc.oneof(
    { weight: 3, arbitrary: fieldValue(knownIds) },
    { weight: 3, arbitrary: plausibleValue(knownIds) },
    { weight: 2, arbitrary: vocabulary.values.length > 0 ? fc.constantFrom(...vocabulary.values) : fc.constant('') },
  )
  const values = fc.oneof(
    { weight: 4, arbitrary: value.map((one) => [one]) },
    { weight: 1, arbitrary: fc.array(value, { minLength: 2, maxLength: 3 }) },
  )
  const intent =
    vocabulary.values.length > 0 ? fc.option(fc.constantFrom(...vocabulary.values), { freq: 3 }) : fc.constant(null)
  return fc
    .record({
      multipart: fc.boolean(),
      intent,
      entries: fc.array(fc.tuple(name, values), { maxLength: 12 }),
    })
    .map(({ multipart, intent, entries }) => ({
      multipart,
      entries: [
        ...(intent === null ? [] : [['intent', intent] as [string, string]]),
        ...entries.flatMap(([key, list]) => list.map((one) => [key, one] as [string, string])),
      ],
    }))
}

/** Values a form would accept, so some cases get past validation to the rules behind it. */
function plausibleValue(knownIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...knownIds),
    fc.integer({ min: 1, max: 100_000 }).map(String),
    fc.integer({ min: 1, max: 100_000 }).map((n) => (n / 100).toFixed(2)),
    fc.constantFrom('USD', 'EUR', 'fixed', 'hourly', 'on', 'client', 'freelancer', 'weekly', 'none', '30', '14'),
    fc.constantFrom(
      'someone@example.com',
      'correct horse battery staple',
      'Europe/Dublin',
      '2026-12-08',
      '2026-12-07T14:00:00.000Z',
    ),
    fc.lorem({ maxCount: 30 }),
  )
}

export function bodyInit(body: FuzzBody): { body: BodyInit; headers: Record<string, string> } {
  if (body.multipart) {
    const form = new FormData()
    for (const [key, value] of body.entries) form.append(key, value)
    return { body: form, headers: {} }
  }
  return {
    body: new URLSearchParams(body.entries).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  }
}
