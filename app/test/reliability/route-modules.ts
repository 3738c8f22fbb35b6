import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown>
  action?: (args: ActionFunctionArgs) => Promise<unknown>
}

const ROUTES_DIR = fileURLToPath(new URL('../../routes', import.meta.url))

/** Every route module's id (its file name without extension), read from app/routes, so a new route is seen. */
export function listRouteIds(): string[] {
  return fs
    .readdirSync(ROUTES_DIR)
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => file.replace(/\.tsx?$/, ''))
    .sort()
}

export async function importRoute(id: string): Promise<RouteModule> {
  const file = fs.existsSync(path.join(ROUTES_DIR, `${id}.tsx`)) ? `${id}.tsx` : `${id}.ts`
  return (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as RouteModule
}

/** The URL path Remix's flat-routes convention gives a route id, with its params filled in. */
export function routePath(id: string, params: Record<string, string>): string {
  const segments = id
    .split(/(?<!\[)\.(?!\])/)
    .map((segment) => segment.replace('[.]', '.'))
    .filter((segment) => !segment.startsWith('_')) // pathless layouts and _index
    .map((segment) => segment.replace(/_$/, ''))
    .map((segment) =>
      segment.replace(/^\$(\w+)(.*)$/, (_, name: string, rest: string) => `${params[name] ?? name}${rest}`),
    )
  return `/${segments.join('/')}`
}
