import { redirect } from '@sveltejs/kit';
import { session } from '$lib/state/session.svelte';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ parent, url }) => {
  await parent();
  if (session.user) return;
  const here = url.pathname + url.search;
  redirect(307, here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`);
};
