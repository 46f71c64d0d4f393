import type {
  ContentBlockParam,
  RawContentBlockDeltaEvent,
  RawContentBlockStartEvent,
  ToolUseBlockParam,
} from '@anthropic-ai/sdk/resources/messages';

type Block =
  { type: 'text'; text: string } | { type: 'tool_use'; use: ToolUseBlockParam; json: string };

/**
 * The content blocks of one streamed upstream call, put back together: the text, and each
 * tool_use with its input from the input_json_delta pieces. A tool round sends them back as the
 * assistant turn, followed by the tool results.
 */
export class CallBlocks {
  readonly #blocks: Block[] = [];

  start(event: RawContentBlockStartEvent): void {
    const block = event.content_block;
    if (block.type === 'text') this.#blocks[event.index] = { type: 'text', text: block.text };
    if (block.type === 'tool_use') {
      this.#blocks[event.index] = {
        type: 'tool_use',
        use: { type: 'tool_use', id: block.id, name: block.name, input: {} },
        json: '',
      };
    }
  }

  /** Adds a delta; returns the characters of output it carried (text or tool input). */
  delta(event: RawContentBlockDeltaEvent): number {
    const block = this.#blocks[event.index];
    if (event.delta.type === 'text_delta' && block?.type === 'text') {
      block.text += event.delta.text;
      return event.delta.text.length;
    }
    if (event.delta.type === 'input_json_delta' && block?.type === 'tool_use') {
      block.json += event.delta.partial_json;
      return event.delta.partial_json.length;
    }
    return 0;
  }

  /** The tool calls, with their inputs parsed (an unreadable input becomes `{}`). */
  toolUses(): ToolUseBlockParam[] {
    return this.#blocks.flatMap((block) => {
      if (block?.type !== 'tool_use') return [];
      let input: unknown = {};
      try {
        input = block.json.trim() ? JSON.parse(block.json) : {};
      } catch {
        // Cut off mid-way (max_tokens): the tool's server reports the missing arguments.
      }
      return [{ ...block.use, input }];
    });
  }

  /** The assistant turn to send back: non-empty text and the tool calls, in order. */
  content(): ContentBlockParam[] {
    const uses = new Map(this.toolUses().map((use) => [use.id, use]));
    return this.#blocks.flatMap((block): ContentBlockParam[] => {
      if (block?.type === 'text') return block.text ? [{ type: 'text', text: block.text }] : [];
      if (block?.type === 'tool_use') {
        const use = uses.get(block.use.id)!;
        return [{ type: 'tool_use', id: use.id, name: use.name, input: use.input }];
      }
      return [];
    });
  }
}
