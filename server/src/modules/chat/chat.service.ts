import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import { AppError, badInput, conflict, notFound } from '../../errors.ts';
import type { Anthropic } from '../../integrations/anthropic.ts';
import type { Logger } from '../../logger.ts';
import type { PubSub } from '../../pubsub.ts';
import { requireViewer, type Viewer } from '../../viewer.ts';
import { Conversation } from '../conversations/conversation.entity.ts';
import { ConversationsService } from '../conversations/conversations.service.ts';
import { Message } from '../conversations/message.entity.ts';
import type { Budgets } from '../budget/budgets.ts';
import type { McpManager } from '../mcp/mcp-manager.ts';
import type { ModelCatalog } from '../models/models.service.ts';
import type { Reservation } from '../budget/budget-gate.ts';
import { Generation } from './generation.ts';
import type { Generations } from './generations.ts';
import type { ToolSettings } from './tool-runner.ts';
import { ToolSet } from './tool-set.ts';

/** The longest message a user can send, in characters (about 25,000 tokens). */
export const MAX_MESSAGE_CHARS = 100_000;
const TITLE_CHARS = 60;

export type ChatDependencies = {
  orm: MikroORM;
  anthropic: Anthropic | null;
  catalog: ModelCatalog;
  generations: Generations;
  pubsub: PubSub;
  logger: Logger;
  defaultModel: string;
  maxOutputTokens: number;
  budgets: Budgets;
  mcp: McpManager;
  toolSettings: ToolSettings;
};

export type SendMessageInput = { conversationId: number; content: string; model?: string | null };

/** A title from the first message: its first line, cut at a word near 60 characters. */
export function titleFrom(content: string): string {
  const line = content.trim().split('\n')[0]!.trim();
  if (line.length <= TITLE_CHARS) return line;
  const cut = line.slice(0, TITLE_CHARS);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 30 ? cut.lastIndexOf(' ') : TITLE_CHARS)}…`;
}

/** The characters a call's prompt holds, for the budget's estimate before the call. */
function promptLength(system: string | undefined, history: MessageParam[]): number {
  let length = system?.length ?? 0;
  for (const message of history) {
    length +=
      typeof message.content === 'string'
        ? message.content.length
        : JSON.stringify(message.content).length;
  }
  return length;
}

export class ChatService {
  readonly #conversations: ConversationsService;

  constructor(
    private readonly em: EntityManager,
    private readonly deps: ChatDependencies,
  ) {
    this.#conversations = new ConversationsService(em, deps.catalog, deps.defaultModel);
  }

  /** Validates, stores the user's message and an empty STREAMING reply, and starts writing it. */
  async sendMessage(viewer: Viewer | null, input: SendMessageInput) {
    const { user } = requireViewer(viewer);
    const content = input.content.trim();
    if (!content) throw badInput('A message cannot be empty.', 'content');
    if (input.content.length > MAX_MESSAGE_CHARS) {
      throw badInput(
        `A message has at most ${MAX_MESSAGE_CHARS.toLocaleString('en')} characters.`,
        'content',
      );
    }
    const conversation = await this.#conversations.findOwn(viewer, input.conversationId);
    const model = input.model ?? conversation.model;
    const price = this.deps.catalog.price(model);
    if (!this.deps.anthropic) {
      throw new AppError(
        'UPSTREAM_ERROR',
        'Chat is not available yet: the administrator has not set an Anthropic API key.',
      );
    }
    if (!this.deps.generations.claim(conversation.id)) {
      throw conflict('Claude is still answering in this conversation. Wait, or stop the reply.');
    }
    let reservation: Reservation | undefined;
    try {
      const history = await this.#history(conversation);
      const system = conversation.systemPrompt ?? undefined;
      const tools = ToolSet.for(this.deps.mcp, conversation.disabledMcpServers ?? []);
      reservation = await this.deps.budgets.reserve(user.id, {
        price,
        promptChars:
          promptLength(system, history) + input.content.length + (tools?.promptChars ?? 0),
        maxTokens: this.deps.maxOutputTokens,
      });
      const now = new Date();
      const userMessage = this.em.create(Message, {
        conversation,
        role: 'USER',
        content: input.content,
        status: 'COMPLETE',
        completedAt: now,
      });
      const assistantMessage = this.em.create(Message, {
        conversation,
        role: 'ASSISTANT',
        status: 'STREAMING',
        model,
      });
      conversation.title ??= titleFrom(content);
      conversation.lastActivityAt = now;
      await this.em.flush();
      const generation = new Generation(
        {
          messageId: assistantMessage.id,
          conversationId: conversation.id,
          userId: user.id,
          reservation,
          model,
          price,
          system,
          history: [...history, { role: 'user', content: input.content }],
          tools,
        },
        this.deps as ChatDependencies & { anthropic: Anthropic },
      );
      this.deps.generations.run(generation);
      return { userMessage, assistantMessage };
    } catch (error) {
      reservation?.release();
      this.deps.generations.release(conversation.id);
      throw error;
    }
  }

  async stopGeneration(viewer: Viewer | null, messageId: number): Promise<Message> {
    const message = await this.findOwnMessage(viewer, messageId);
    await this.deps.generations.get(message.id)?.stop('user');
    await this.em.refresh(message);
    return message;
  }

  /** The viewer's message; another user's is answered exactly like a missing one. */
  async findOwnMessage(viewer: Viewer | null, messageId: number): Promise<Message> {
    const { user } = requireViewer(viewer);
    const message = await this.em.findOne(Message, {
      id: messageId,
      conversation: { owner: user.id },
    });
    if (!message) throw notFound('That message');
    return message;
  }

  /** What the upstream sees: every earlier message with text, in order. */
  async #history(conversation: Conversation): Promise<MessageParam[]> {
    const messages = await this.em.find(
      Message,
      { conversation: conversation.id, content: { $ne: '' } },
      { orderBy: { id: 'asc' } },
    );
    return messages.map((m) => ({
      role: m.role === 'USER' ? ('user' as const) : ('assistant' as const),
      content: m.content,
    }));
  }
}
