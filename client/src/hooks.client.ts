import type { HandleClientError } from '@sveltejs/kit';
import { errorMessage } from '$lib/handle-error';

// Errors thrown while loading a page (e.g. the server is unreachable) reach the error page here.
export const handleError: HandleClientError = ({ error }) => ({ message: errorMessage(error) });
