import type { MikroORM } from '@mikro-orm/sqlite';
import type { Logger } from '../../logger.ts';
import { Message } from '../conversations/message.entity.ts';
import { ToolCall } from './tool-call.entity.ts';

/**
 * A reply still STREAMING at start was cut off by a crash or a kill: keep its last checkpointed
 * text and mark it FAILED, so nothing waits for it forever.
 */
export async function failInterruptedReplies(orm: MikroORM, logger: Logger): Promise<void> {
  const count = await orm.em.fork().nativeUpdate(
    Message,
    { status: 'STREAMING' },
    {
      status: 'FAILED',
      stopReason: 'interrupted',
      error: 'The server stopped while this reply was being written.',
      completedAt: new Date(),
    },
  );
  if (count > 0) logger.warn({ count }, 'replies cut off by the last shutdown were marked failed');
  await orm.em.fork().nativeUpdate(
    ToolCall,
    { status: { $in: ['AWAITING_APPROVAL', 'RUNNING'] } },
    {
      status: 'ERROR',
      isError: true,
      output: 'The server stopped during this tool call.',
      completedAt: new Date(),
    },
  );
}
