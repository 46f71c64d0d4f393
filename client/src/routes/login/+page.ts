import { redirect } from '@sveltejs/kit';
import { pageAfterSignIn } from '$lib/page-after-sign-in';
import { session } from '$lib/state/session.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  if (session.user) redirect(307, pageAfterSignIn(url));
};
