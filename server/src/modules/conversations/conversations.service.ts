import type { EntityManager } from '@mikro-orm/sqlite';
import { badInput, notFound } from '../../errors.ts';
import { requireViewer, type Viewer } from '../../viewer.ts';
import type { ModelCatalog } from '../models/models.service.ts';
import { Conversation } from './conversation.entity.ts';
import { Message } from './message.entity.ts';

export const MAX_TITLE_CHARS = 200;
export const MAX_SYSTEM_PROMPT_CHARS = 20_000;

export type ConversationInput = {
  title?: string | null;
  model?: string | null;
  systemPrompt?: string | null;
  disabledMcpServers?: string[] | null;
};

export type ConversationPage = {
  first: number;
  after?: { at: number; id: number };
  search?: string;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export class ConversationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: ModelCatalog,
    private readonly defaultModel: string,
  ) {}

  /** The viewer's conversation; another user's is answered exactly like a missing one. */
  async findOwn(viewer: Viewer | null, id: number): Promise<Conversation> {
    const { user } = requireViewer(viewer);
    const conversation = await this.em.findOne(Conversation, { id, owner: user.id });
    if (!conversation) throw notFound('That conversation');
    return conversation;
  }

  /** Newest activity first; `search` matches titles and message text. */
  async list(viewer: Viewer | null, page: ConversationPage): Promise<Conversation[]> {
    const { user } = requireViewer(viewer);
    const qb = this.em
      .createQueryBuilder(Conversation, 'c')
      .where({ owner: user.id })
      .orderBy({ lastActivityAt: 'desc', id: 'desc' })
      .limit(page.first);
    if (page.after) {
      const at = new Date(page.after.at);
      qb.andWhere({
        $or: [{ lastActivityAt: { $lt: at } }, { lastActivityAt: at, id: { $lt: page.after.id } }],
      });
    }
    const search = page.search?.trim();
    if (search) {
      const pattern = `%${escapeLike(search.slice(0, 200))}%`;
      qb.andWhere(
        `(c.title like ? escape '\\' or exists (select 1 from messages m where m.conversation_id = c.id and m.content like ? escape '\\'))`,
        [pattern, pattern],
      );
    }
    return qb.getResultList();
  }

  async create(viewer: Viewer | null, input: ConversationInput): Promise<Conversation> {
    const { user } = requireViewer(viewer);
    const conversation = this.em.create(Conversation, {
      owner: user,
      title: this.#title(input.title),
      model: this.#model(input.model ?? this.defaultModel),
      systemPrompt: this.#systemPrompt(input.systemPrompt),
    });
    await this.em.flush();
    return conversation;
  }

  async update(viewer: Viewer | null, id: number, input: ConversationInput): Promise<Conversation> {
    const conversation = await this.findOwn(viewer, id);
    if (input.title !== undefined) conversation.title = this.#title(input.title);
    if (input.model != null) conversation.model = this.#model(input.model);
    if (input.systemPrompt !== undefined)
      conversation.systemPrompt = this.#systemPrompt(input.systemPrompt);
    if (input.disabledMcpServers != null)
      conversation.disabledMcpServers = this.#serverNames(input.disabledMcpServers);
    await this.em.flush();
    return conversation;
  }

  async delete(viewer: Viewer | null, id: number): Promise<void> {
    const conversation = await this.findOwn(viewer, id);
    await this.em.removeAndFlush(conversation);
  }

  messages(conversation: Conversation): Promise<Message[]> {
    return this.em.find(Message, { conversation: conversation.id }, { orderBy: { id: 'asc' } });
  }

  #title(title: string | null | undefined): string | null {
    const trimmed = title?.trim();
    if (!trimmed) return null;
    if (trimmed.length > MAX_TITLE_CHARS) {
      throw badInput(`A title has at most ${MAX_TITLE_CHARS} characters.`, 'title');
    }
    return trimmed;
  }

  #model(model: string): string {
    this.catalog.price(model);
    return model;
  }

  /** Names only: a server that does not exist (yet) is simply never offered. */
  #serverNames(names: string[]): string[] | null {
    const unique = [...new Set(names.map((name) => name.trim()))];
    if (unique.length > 100 || unique.some((name) => !name || name.length > 32)) {
      throw badInput('List at most 100 MCP server names.', 'disabledMcpServers');
    }
    return unique.length > 0 ? unique : null;
  }

  #systemPrompt(prompt: string | null | undefined): string | null {
    if (!prompt?.trim()) return null;
    if (prompt.length > MAX_SYSTEM_PROMPT_CHARS) {
      throw badInput(
        `A system prompt has at most ${MAX_SYSTEM_PROMPT_CHARS} characters.`,
        'systemPrompt',
      );
    }
    return prompt;
  }
}
