import type { Logger } from '../../logger.ts';

export type WebhookMessage = { title: string; text: string; urgent: boolean };

/** Waits between attempts: a webhook that is down for a minute still gets the alert. */
const RETRY_DELAYS_MS = [1_000, 5_000, 30_000];
const ATTEMPT_TIMEOUT_MS = 5_000;

/**
 * Posts alerts to ALERT_WEBHOOK_URL in the background, never delaying a chat. The body is plain
 * text and the headers are ntfy's (Title, Priority, Tags), which other services ignore.
 */
export class AlertWebhook {
  readonly #pending = new Set<Promise<void>>();
  #closed = false;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    private readonly delays: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  send(message: WebhookMessage): void {
    const delivery = this.#deliver(message).finally(() => this.#pending.delete(delivery));
    this.#pending.add(delivery);
  }

  async #deliver(message: WebhookMessage): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(this.url, {
          method: 'POST',
          headers: {
            'content-type': 'text/plain; charset=utf-8',
            title: message.title,
            priority: message.urgent ? 'high' : 'default',
            tags: 'moneybag',
          },
          body: message.text,
          signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
        });
        await response.body?.cancel();
        if (response.ok) return;
        throw new Error(`the webhook answered ${response.status}`);
      } catch (error) {
        const delay = this.delays[attempt];
        if (delay === undefined || this.#closed) {
          this.logger.warn({ err: error, attempts: attempt + 1 }, 'alert webhook: gave up');
          return;
        }
        this.logger.info({ err: error, retryInMs: delay }, 'alert webhook: will retry');
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }

  /** On shutdown: lets deliveries in progress finish their current attempt, retries no more. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.race([
      Promise.allSettled([...this.#pending]),
      new Promise((resolve) => setTimeout(resolve, ATTEMPT_TIMEOUT_MS).unref()),
    ]);
  }
}
