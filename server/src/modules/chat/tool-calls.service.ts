import type { EntityManager } from '@mikro-orm/sqlite';
import DataLoader from 'dataloader';
import { conflict, notFound } from '../../errors.ts';
import { requireViewer, type Viewer } from '../../viewer.ts';
import type { Generations } from './generations.ts';
import { ToolCall } from './tool-call.entity.ts';
import type { LiveToolCall } from './tool-runner.ts';

/** What the API shows of a tool call, whether it is running (live) or stored. */
export type ToolCallView = Pick<
  LiveToolCall,
  | 'id'
  | 'serverName'
  | 'toolName'
  | 'status'
  | 'input'
  | 'output'
  | 'isError'
  | 'durationMs'
  | 'textOffset'
>;

const viewOf = (call: ToolCall): ToolCallView => ({
  id: call.id,
  serverName: call.serverName,
  toolName: call.toolName,
  status: call.status as ToolCallView['status'],
  input: call.input,
  output: call.output ?? null,
  isError: call.isError,
  durationMs: call.durationMs ?? null,
  textOffset: call.textOffset,
});

export class ToolCallsService {
  /** A conversation's messages ask for their tool calls in one query, not one each. */
  readonly #byMessage = new DataLoader<number, ToolCallView[]>(async (messageIds) => {
    const calls = await this.em.find(
      ToolCall,
      { message: { $in: [...messageIds] } },
      { orderBy: { id: 'asc' } },
    );
    return messageIds.map((id) =>
      calls.filter((call) => call.message.id === id).map((call) => viewOf(call)),
    );
  });

  constructor(
    private readonly em: EntityManager,
    private readonly generations: Generations,
  ) {}

  /** A message's tool calls, oldest first: live while the reply is written, else stored. */
  forMessage(messageId: number): Promise<readonly ToolCallView[]> {
    const live = this.generations.get(messageId)?.toolCalls;
    return live ? Promise.resolve(live) : this.#byMessage.load(messageId);
  }

  /**
   * Answers a call waiting for approval in one of the viewer's replies. Another user's call is
   * answered like a missing one; one that stopped waiting (ran, timed out) is a CONFLICT.
   */
  async decide(viewer: Viewer | null, id: number, approved: boolean): Promise<ToolCallView> {
    const { user } = requireViewer(viewer);
    const call = await this.em.findOne(ToolCall, {
      id,
      message: { conversation: { owner: user.id } },
    });
    if (!call) throw notFound('That tool call');
    const decided = this.generations.get(call.message.id)?.tools?.decide(id, approved);
    if (!decided) {
      throw conflict(
        approved
          ? 'This tool call is no longer waiting for approval.'
          : 'This tool call is no longer waiting for approval; it cannot be denied now.',
      );
    }
    return decided;
  }
}
