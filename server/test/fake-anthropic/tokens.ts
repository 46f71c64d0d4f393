import type { MessagesRequestBody } from './types.ts';

/** The fake's tokenizer: about four characters per token, like English text on Claude. */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}

/** Characters of a content value: text blocks by their text, other blocks by their JSON. */
function contentChars(content: unknown): number {
  if (typeof content === 'string') return content.length;
  if (!Array.isArray(content)) return 0;
  let chars = 0;
  for (const block of content as unknown[]) {
    if (isTextBlock(block)) chars += block.text.length;
    else chars += JSON.stringify(block).length;
  }
  return chars;
}

function isTextBlock(block: unknown): block is { type: 'text'; text: string } {
  return (
    typeof block === 'object' &&
    block !== null &&
    (block as { type?: unknown }).type === 'text' &&
    typeof (block as { text?: unknown }).text === 'string'
  );
}

/** Deterministic input size: system prompt, every message's content, and the tool definitions. */
export function requestChars(body: MessagesRequestBody): number {
  let chars = contentChars(body.system);
  for (const message of body.messages ?? []) chars += contentChars(message.content);
  if (body.tools?.length) chars += JSON.stringify(body.tools).length;
  return chars;
}

export function inputTokens(body: MessagesRequestBody): number {
  return Math.max(1, estimateTokens(requestChars(body)));
}
