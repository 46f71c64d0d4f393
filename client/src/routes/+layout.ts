import { redirect } from '@sveltejs/kit';
import { appInfo } from '$lib/state/app-info.svelte';
import { session } from '$lib/state/session.svelte';
import type { LayoutLoad } from './$types';

export const ssr = false;
export const prerender = false;

export const load: LayoutLoad = async ({ url }) => {
  await Promise.all([session.start(), appInfo.load()]);
  const onSetup = url.pathname === '/setup';
  if (session.setupRequired && !onSetup) redirect(307, '/setup');
  if (!session.setupRequired && onSetup) redirect(307, session.user ? '/' : '/login');
};
