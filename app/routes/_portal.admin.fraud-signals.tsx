import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

/** The old fraud-signals page is part of the fraud desk now: its messages are off-platform alerts. */
export async function loader(_: LoaderFunctionArgs) {
  return redirect('/admin/fraud?type=off_platform', 301)
}
