import type { ToolResultBlockParam, ToolUseBlockParam } from '@anthropic-ai/sdk/resources/messages';
import type { MikroORM } from '@mikro-orm/sqlite';
import type { McpToolOutcome } from '../../integrations/mcp-client.ts';
import type { Logger } from '../../logger.ts';
import type { PubSub } from '../../pubsub.ts';
import type { McpManager } from '../mcp/mcp-manager.ts';
import { ToolCall, type ToolCallStatus } from './tool-call.entity.ts';
import type { ToolSet } from './tool-set.ts';

export type ToolSettings = Readonly<{
  timeoutMs: number;
  outputChars: number;
  maxRounds: number;
  approvalTimeoutMs: number;
}>;

export type ToolRunnerDeps = {
  orm: MikroORM;
  mcp: McpManager;
  pubsub: PubSub;
  logger: Logger;
  toolSettings: ToolSettings;
};

/** A tool call as the API shows it, live while the reply is written. */
export type LiveToolCall = {
  id: number;
  serverName: string;
  toolName: string;
  status: ToolCallStatus;
  input: Record<string, unknown>;
  output: string | null;
  isError: boolean;
  durationMs: number | null;
  textOffset: number;
};

type Decision = { approved: boolean; reason: string | null };

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} seconds`;

/**
 * Runs the tools Claude asks for in one reply: each call is stored, streamed as it changes,
 * approved first when its server asks for that, bounded in time and output, and always answered
 * with a tool_result, an error one when anything went wrong.
 */
export class ToolRunner {
  readonly calls: LiveToolCall[] = [];
  /** Every state each call went through, in order: subscribers replay what they have not seen. */
  readonly changes: LiveToolCall[] = [];
  readonly #waiting = new Map<number, (decision: Decision) => void>();

  constructor(
    private readonly messageId: number,
    readonly tools: ToolSet,
    private readonly deps: ToolRunnerDeps,
  ) {}

  get maxRounds(): number {
    return this.deps.toolSettings.maxRounds;
  }

  /** One round: every tool_use block at once; the results come back in the blocks' order. */
  run(
    uses: ToolUseBlockParam[],
    textOffset: number,
    signal: AbortSignal,
  ): Promise<ToolResultBlockParam[]> {
    return Promise.all(uses.map((use) => this.#runOne(use, textOffset, signal)));
  }

  /** The user's answer to a call awaiting approval; null when that call is not waiting. */
  decide(toolCallId: number, approved: boolean): LiveToolCall | null {
    const resolve = this.#waiting.get(toolCallId);
    if (!resolve) return null;
    resolve({ approved, reason: approved ? null : 'The user denied this tool call.' });
    const call = this.calls.find((c) => c.id === toolCallId);
    return call ? { ...call, status: approved ? 'RUNNING' : 'DENIED' } : null;
  }

  async #runOne(
    use: ToolUseBlockParam,
    textOffset: number,
    signal: AbortSignal,
  ): Promise<ToolResultBlockParam> {
    const entry = this.tools.find(use.name);
    const input = (use.input ?? {}) as Record<string, unknown>;
    const server = entry && this.deps.mcp.get(entry.serverKey);
    const asks = server?.definition.approvalMode !== 'AUTO';
    const call = await this.#insert({
      toolUseId: use.id,
      serverName: entry?.serverName ?? '',
      toolName: entry?.tool.name ?? use.name,
      status: entry && asks ? 'AWAITING_APPROVAL' : 'RUNNING',
      input,
      textOffset,
    });
    if (!entry)
      return this.#finish(call, use, { text: `No tool is named ${use.name}.`, isError: true });
    if (asks) {
      const decision = await this.#approval(call, signal);
      if (!decision.approved) {
        return this.#finish(call, use, { text: decision.reason!, isError: true }, 'DENIED');
      }
      await this.#persist(call.id, { status: 'RUNNING' });
    }
    const started = performance.now();
    let outcome: McpToolOutcome;
    try {
      outcome = await this.deps.mcp.callTool(entry.serverKey, entry.tool.name, input, {
        signal,
        timeoutMs: this.deps.toolSettings.timeoutMs,
      });
    } catch (error) {
      outcome = { text: this.#failure(error, signal, entry.serverName), isError: true };
    }
    call.durationMs = Math.round(performance.now() - started);
    return this.#finish(call, use, outcome);
  }

  /** Waits for approve/deny; no answer in time, or a stopped reply, counts as a denial. */
  #approval(call: LiveToolCall, signal: AbortSignal): Promise<Decision> {
    const { approvalTimeoutMs } = this.deps.toolSettings;
    return new Promise((resolve) => {
      const settle = (decision: Decision) => {
        if (!this.#waiting.delete(call.id)) return;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        // Subscribers see the call run at once; a denial shows with its reason, from #finish.
        if (decision.approved) this.#change(call, { status: 'RUNNING' });
        resolve(decision);
      };
      const timer = setTimeout(
        () =>
          settle({
            approved: false,
            reason: `Nobody approved this tool call within ${seconds(approvalTimeoutMs)}, so it was not run.`,
          }),
        approvalTimeoutMs,
      );
      const onAbort = () =>
        settle({ approved: false, reason: 'The reply was stopped before this tool call ran.' });
      this.#waiting.set(call.id, settle);
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  #failure(error: unknown, signal: AbortSignal, serverName: string): string {
    const message = error instanceof Error ? error.message : String(error);
    if (signal.aborted) return 'The reply was stopped while this tool was running.';
    if (/-32001|timed out/i.test(message)) {
      return `The tool did not answer within ${seconds(this.deps.toolSettings.timeoutMs)}.`;
    }
    if (/-32000|connection closed/i.test(message)) {
      return `The ${serverName} server stopped while running this tool.`;
    }
    return message;
  }

  /** Caps the output, stores the end state, and answers Claude. */
  async #finish(
    call: LiveToolCall,
    use: ToolUseBlockParam,
    outcome: McpToolOutcome,
    status?: ToolCallStatus,
  ): Promise<ToolResultBlockParam> {
    const { outputChars } = this.deps.toolSettings;
    const output =
      outcome.text.length > outputChars
        ? `${outcome.text.slice(0, outputChars)}\n\n[Output truncated: the tool returned ${outcome.text.length} characters; only the first ${outputChars} are shown.]`
        : outcome.text;
    await this.#update(
      call,
      {
        status: status ?? (outcome.isError ? 'ERROR' : 'DONE'),
        output,
        isError: outcome.isError,
        durationMs: call.durationMs,
      },
      true,
    );
    return {
      type: 'tool_result',
      tool_use_id: use.id,
      ...(output ? { content: output } : {}), // the API refuses empty text
      ...(outcome.isError ? { is_error: true } : {}),
    };
  }

  async #insert(fields: {
    toolUseId: string;
    serverName: string;
    toolName: string;
    status: ToolCallStatus;
    input: Record<string, unknown>;
    textOffset: number;
  }): Promise<LiveToolCall> {
    const em = this.deps.orm.em.fork();
    const row = em.create(ToolCall, { ...fields, message: this.messageId });
    await em.flush();
    const call: LiveToolCall = {
      id: row.id,
      serverName: fields.serverName,
      toolName: fields.toolName,
      status: fields.status,
      input: fields.input,
      output: null,
      isError: false,
      durationMs: null,
      textOffset: fields.textOffset,
    };
    this.calls.push(call);
    this.changes.push({ ...call });
    this.#signal();
    return call;
  }

  /** Shows a change at once, then stores it; `ended` also stamps the completion time. */
  async #update(
    call: LiveToolCall,
    changes: Partial<Pick<LiveToolCall, 'status' | 'output' | 'isError' | 'durationMs'>>,
    ended = false,
  ): Promise<void> {
    this.#change(call, changes);
    await this.#persist(call.id, { ...changes, ...(ended ? { completedAt: new Date() } : {}) });
  }

  async #persist(
    id: number,
    changes: Partial<Pick<LiveToolCall, 'status' | 'output' | 'isError' | 'durationMs'>> & {
      completedAt?: Date;
    },
  ): Promise<void> {
    try {
      await this.deps.orm.em.fork().nativeUpdate(ToolCall, { id }, changes);
    } catch (error) {
      this.deps.logger.error({ err: error, toolCallId: id }, 'could not store a tool call');
    }
  }

  #change(call: LiveToolCall, changes: Partial<LiveToolCall>): void {
    Object.assign(call, changes);
    this.changes.push({ ...call });
    this.#signal();
  }

  #signal(): void {
    this.deps.pubsub.publish('messageStream', this.messageId, { kind: 'toolCall' });
  }
}
