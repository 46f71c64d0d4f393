import { client } from '$lib/urql';
import { setCurrency } from '$lib/money';
import { AppInfoQuery } from './app-info.graphql';

/**
 * What the server can do right now: demo mode, whether chat has an API key, the currency, and
 * the time zone in which budget days and months are cut.
 */
class AppInfo {
  #demoMode = $state(false);
  #chatAvailable = $state(true);
  #version = $state('');
  #budgetTimeZone = $state('UTC');

  get demoMode() {
    return this.#demoMode;
  }

  get chatAvailable() {
    return this.#chatAvailable;
  }

  get version() {
    return this.#version;
  }

  /** An IANA zone: "today" and "this month" of every budget and usage figure are cut there. */
  get budgetTimeZone() {
    return this.#budgetTimeZone;
  }

  async load(): Promise<void> {
    const result = await client
      .query(AppInfoQuery, {}, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error) throw result.error;
    const info = result.data!.appInfo;
    this.#demoMode = info.demoMode;
    this.#chatAvailable = info.chatAvailable;
    this.#version = info.version;
    this.#budgetTimeZone = info.budgetTimeZone;
    setCurrency(info.currency);
  }
}

export const appInfo = new AppInfo();
