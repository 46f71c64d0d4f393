import { graphql } from './graphql.mjs';
import { megabytes, ms, percentile, progress } from './report.mjs';

const SETUP_ADMIN = `mutation($input: SetupAdminInput!){ setupAdmin(input:$input){ accessToken } }`;
const LOGIN = `mutation($input: LoginInput!){ login(input:$input){ accessToken } }`;
const ADMIN = { username: 'bench', email: 'bench@example.com', password: 'bench password 1' };
const LOGINS = 1_000;
const CONCURRENCY = 4;

/** Successful sign-ins (never throttled; each one stores a session) against a running server. */
export async function accounts(server) {
  await graphql(server.url, SETUP_ADMIN, { input: ADMIN });

  const sequential = await signIn(server.url, LOGINS, 1);
  const rssAfterSequential = server.rssBytes();
  const concurrent = await signIn(server.url, LOGINS, CONCURRENCY);
  const rssAfterConcurrent = server.rssBytes();

  const latency = (p, run) => `p${p} ${ms(percentile(run.latencies, p))}`;
  return [
    {
      label: `RSS after ${LOGINS.toLocaleString('en')} logins`,
      figures: megabytes(rssAfterSequential),
      goal: '< 90 MB',
    },
    {
      label: 'login latency',
      figures: [50, 90, 99].map((p) => latency(p, sequential)).join('  '),
      goal: 'p50 < 150 ms',
    },
    {
      label: `logins, ${CONCURRENCY} concurrent`,
      figures: `${Math.round(LOGINS / concurrent.seconds)}/s   ${latency(50, concurrent)}  ${latency(99, concurrent)}`,
    },
    {
      label: `RSS after ${(2 * LOGINS).toLocaleString('en')} logins`,
      figures: megabytes(rssAfterConcurrent),
      goal: '< 90 MB',
    },
  ];
}

/** `count` logins over `concurrency` connections; each latency is one request's round trip. */
async function signIn(url, count, concurrency) {
  const latencies = [];
  let started = 0;
  let failed = false;
  const worker = async () => {
    while (started < count && !failed) {
      started++;
      const sentAt = performance.now();
      try {
        const { login } = await graphql(url, LOGIN, {
          input: { username: ADMIN.username, password: ADMIN.password },
        });
        if (!login?.accessToken) throw new Error('login answered without an access token');
      } catch (error) {
        failed = true;
        throw error;
      }
      latencies.push(performance.now() - sentAt);
      if (latencies.length % 50 === 0)
        progress(`logins ×${concurrency} ${latencies.length}/${count}`);
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, seconds: (performance.now() - startedAt) / 1000 };
}
