import { client } from '$lib/urql';
import { setCurrency } from '$lib/money';
import { AppInfoQuery } from './app-info.graphql';

/** What the server can do right now: demo mode, whether chat has an API key, the currency. */
class AppInfo {
  #demoMode = $state(false);
  #chatAvailable = $state(true);
  #version = $state('');

  get demoMode() {
    return this.#demoMode;
  }

  get chatAvailable() {
    return this.#chatAvailable;
  }

  get version() {
    return this.#version;
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
    setCurrency(info.currency);
  }
}

export const appInfo = new AppInfo();
