import type { Conversation } from './conversation.entity.ts';
import type { Message } from './message.entity.ts';

export const EXPORT_FORMAT_VERSION = 1;

/** A document a person can read: title, settings, then each message under its speaker. */
export function conversationMarkdown(conversation: Conversation, messages: Message[]): string {
  const lines = [`# ${conversation.title ?? 'Untitled conversation'}`, ''];
  lines.push(
    `- Model: ${conversation.model}`,
    `- Started: ${conversation.createdAt.toISOString()}`,
  );
  if (conversation.systemPrompt) lines.push('', '## System prompt', '', conversation.systemPrompt);
  for (const message of messages) {
    const speaker =
      message.role === 'USER' ? 'You' : `Claude (${message.model ?? conversation.model})`;
    lines.push(
      '',
      `## ${speaker}`,
      '',
      `_${message.createdAt.toISOString()}_`,
      '',
      message.content,
    );
    if (message.status === 'STOPPED') lines.push('', '_(stopped)_');
    if (message.status === 'FAILED')
      lines.push('', `_(failed: ${message.error ?? 'unknown error'})_`);
  }
  return `${lines.join('\n')}\n`;
}

/** Everything needed to re-import the conversation later, usage and cost included. */
export function conversationJson(conversation: Conversation, messages: Message[]): string {
  return JSON.stringify(
    {
      format: 'claude-rasp.conversation',
      version: EXPORT_FORMAT_VERSION,
      exportedAt: new Date().toISOString(),
      conversation: {
        title: conversation.title,
        model: conversation.model,
        systemPrompt: conversation.systemPrompt,
        createdAt: conversation.createdAt.toISOString(),
        updatedAt: conversation.updatedAt.toISOString(),
      },
      messages: messages.map((m) => ({
        role: m.role,
        content: m.content,
        status: m.status,
        stopReason: m.stopReason,
        error: m.error,
        model: m.model,
        inputTokens: m.inputTokens,
        outputTokens: m.outputTokens,
        cacheReadTokens: m.cacheReadTokens,
        cacheWriteTokens: m.cacheWriteTokens,
        costUsd: m.costUsd,
        createdAt: m.createdAt.toISOString(),
        completedAt: m.completedAt?.toISOString() ?? null,
      })),
    },
    null,
    2,
  );
}
