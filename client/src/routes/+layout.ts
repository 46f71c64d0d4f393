import { redirect } from '@sveltejs/kit';
import { session } from '$lib/state/session.svelte';
import type { LayoutLoad } from './$types';

export const ssr = false;
export const prerender = false;

export const load: LayoutLoad = async ({ url }) => {
  await session.start();
  const onSetup = url.pathname === '/setup';
  if (session.setupRequired && !onSetup) redirect(307, '/setup');
  if (!session.setupRequired && onSetup) redirect(307, session.user ? '/' : '/login');
};
