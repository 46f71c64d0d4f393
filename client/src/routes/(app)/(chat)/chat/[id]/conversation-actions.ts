import { useFragment } from '$lib/graphql';
import { errorMessage, handleError } from '$lib/handle-error';
import { downloadText, fileNameFrom } from '$lib/download';
import { client } from '$lib/urql';
import { ConversationSummaryFields } from '../../conversation-list.graphql';
import type { ConversationSummary } from '../../conversation-list.svelte';
import {
  DeleteConversationMutation,
  ExportConversationQuery,
  UpdateConversationMutation,
} from './conversation.graphql';

type Change = { title?: string | null; model?: string };
type Changed = { summary: ConversationSummary } | { problem: string };

/** Renames or switches the model of a conversation; a problem comes back for inline display. */
export async function updateConversation(id: string, input: Change): Promise<Changed> {
  const result = await client.mutation(UpdateConversationMutation, { id, input }).toPromise();
  if (!result.data) return { problem: errorMessage(result.error) };
  return { summary: useFragment(ConversationSummaryFields, result.data.updateConversation) };
}

export async function deleteConversation(id: string): Promise<boolean> {
  const result = await client.mutation(DeleteConversationMutation, { id }).toPromise();
  if (!result.data) handleError(result.error);
  return !!result.data;
}

const formats = {
  MARKDOWN: { extension: 'md', type: 'text/markdown;charset=utf-8' },
  JSON: { extension: 'json', type: 'application/json;charset=utf-8' },
} as const;

export type ExportFormat = keyof typeof formats;

/** Downloads the conversation as a file named after its title. */
export async function exportConversation(
  id: string,
  title: string | null | undefined,
  format: ExportFormat,
): Promise<void> {
  const result = await client
    .query(ExportConversationQuery, { id, format }, { requestPolicy: 'network-only' })
    .toPromise();
  if (!result.data) return handleError(result.error);
  const { extension, type } = formats[format];
  downloadText(result.data.exportConversation, fileNameFrom(title, extension), type);
}
