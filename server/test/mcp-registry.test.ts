import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { readMcpConfig } from '../src/modules/mcp/config-file.ts';
import { repositoryRoot } from '../src/paths.ts';
import {
  addServer,
  connected,
  createMcpServer,
  deleteServer,
  listServers,
  testServer,
  updateServer,
  waitForServer,
} from './fixtures/mcp/api.ts';
import { fixtureStdio, isAlive, recordedPids } from './fixtures/mcp/fixture.ts';
import { createMember, errorCode, gql, setupAdmin } from './helpers/graphql.ts';
import { startServer, type TestServer } from './helpers/server.ts';

const SECRET = 'sk-test-0123456789abcdef-SECRET';

let dir: string;
let server: TestServer;
let running: TestServer | undefined;
let admin: Awaited<ReturnType<typeof setupAdmin>>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claude-rasp-mcp-'));
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  server = running = await startServer(env);
  admin = await setupAdmin(server.url);
  return server;
}

const stdioInput = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  transport: 'STDIO',
  ...fixtureStdio(),
  env: [
    { name: 'FIXTURE_PID_FILE', value: join(dir, `${name}.pids`) },
    { name: 'API_KEY', value: SECRET },
  ],
  ...extra,
});

describe('who may configure MCP servers', () => {
  it('lets every signed-in user read, only admins write, nobody anonymous', async () => {
    await start();
    const member = await createMember(server.url, admin.token);
    const created = await addServer(server.url, admin.token, stdioInput('tools'));
    expect((await listServers(server.url, member.token)).map((s) => s.name)).toEqual(['tools']);

    const input = stdioInput('other');
    expect(errorCode(await createMcpServer(server.url, member.token, input))).toBe('FORBIDDEN');
    expect(
      errorCode(await updateServer(server.url, member.token, created.id, { enabled: false })),
    ).toBe('FORBIDDEN');
    expect(errorCode(await deleteServer(server.url, member.token, created.id))).toBe('FORBIDDEN');
    expect(errorCode(await testServer(server.url, member.token, created.id))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, '{ mcpServers { id } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(server.url, '{ mcpTools { name } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('server definitions', () => {
  it.each([
    ['no command', { name: 'a', transport: 'STDIO' }, 'command'],
    [
      'a command line in the command',
      { name: 'a', transport: 'STDIO', command: 'npx -y x' },
      'command',
    ],
    ['no URL', { name: 'a', transport: 'HTTP' }, 'url'],
    ['a URL that is not one', { name: 'a', transport: 'HTTP', url: 'not a url' }, 'url'],
    ['a URL that is not HTTP', { name: 'a', transport: 'SSE', url: 'ftp://example.com/' }, 'url'],
    ['a name with spaces', { name: 'my tools', transport: 'HTTP', url: 'http://x/' }, 'name'],
    [
      'a bad environment variable',
      { name: 'a', transport: 'STDIO', command: 'x', env: [{ name: 'A-B', value: '1' }] },
      'env',
    ],
    [
      'a header value with a line break',
      { name: 'a', transport: 'HTTP', url: 'http://x/', headers: [{ name: 'X', value: 'a\nb' }] },
      'headers',
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_what, input, field) => {
    await start();
    const result = await createMcpServer(server.url, admin.token, input);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(await listServers(server.url, admin.token)).toEqual([]);
  });

  it('refuses a duplicate name', async () => {
    await start();
    await addServer(server.url, admin.token, stdioInput('tools'));
    const again = await createMcpServer(server.url, admin.token, {
      name: 'tools',
      transport: 'HTTP',
      url: 'http://127.0.0.1:1/mcp',
    });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0]!.message).toMatch(/already exists/);
  });

  it('never returns secrets in full, and shows the exact command line', async () => {
    await start();
    const created = await addServer(server.url, admin.token, {
      ...stdioInput('tools'),
      transport: 'STDIO',
      args: [...fixtureStdio().args, 'two words', "it's"],
    });
    const http = await addServer(server.url, admin.token, {
      name: 'remote',
      transport: 'HTTP',
      url: 'http://127.0.0.1:1/mcp',
      headers: [{ name: 'Authorization', value: `Bearer ${SECRET}` }],
      enabled: false,
    });
    const everything = JSON.stringify(await listServers(server.url, admin.token));
    expect(everything).not.toContain(SECRET);
    expect(JSON.stringify([created, http])).not.toContain(SECRET);
    expect(created.env.find((e) => e.name === 'API_KEY')!.maskedValue).toBe('••••CRET');
    expect(http.headers).toEqual([{ name: 'Authorization', maskedValue: '••••CRET' }]);
    expect(created.commandLine).toContain(`API_KEY=••••CRET ${process.execPath} --import`);
    expect(created.commandLine).toMatch(/stdio 'two words' 'it'\\''s'$/);

    const preview = await gql(
      server.url,
      'query($input: McpCommandLineInput!) { mcpCommandLine(input: $input) { commandLine resolvedCommand } }',
      { input: { command: 'node', args: ['a b'], env: [{ name: 'TOKEN', value: 'short' }] } },
      { token: admin.token },
    );
    expect(preview.data!.mcpCommandLine.commandLine).toBe("TOKEN=•••••••• node 'a b'");
    expect(preview.data!.mcpCommandLine.resolvedCommand).toMatch(/\/node$/);
    const missing = await gql(
      server.url,
      'query($input: McpCommandLineInput!) { mcpCommandLine(input: $input) { resolvedCommand } }',
      { input: { command: 'no-such-program-here' } },
      { token: admin.token },
    );
    expect(missing.data!.mcpCommandLine.resolvedCommand).toBeNull();
  });

  it('updates in place: a rename keeps the process, a null value keeps a secret', async () => {
    await start();
    const created = await addServer(server.url, admin.token, stdioInput('tools'));
    await waitForServer(server.url, admin.token, 'tools', connected);
    const renamed = await updateServer(server.url, admin.token, created.id, {
      name: 'kit',
      approvalMode: 'AUTO',
      env: [
        { name: 'FIXTURE_PID_FILE', value: null },
        { name: 'API_KEY', value: null },
      ],
    });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data!.updateMcpServer).toMatchObject({
      name: 'kit',
      approvalMode: 'AUTO',
      status: { state: 'CONNECTED' },
    });
    expect(recordedPids(join(dir, 'tools.pids')).servers).toHaveLength(1);
    const tools = await gql(
      server.url,
      '{ mcpTools { qualifiedName serverName } }',
      {},
      {
        token: admin.token,
      },
    );
    expect(tools.data!.mcpTools[0]).toMatchObject({ serverName: 'kit' });
    expect(tools.data!.mcpTools.map((t: any) => t.qualifiedName)).toContain('kit__echo');

    const unknownValue = await updateServer(server.url, admin.token, created.id, {
      env: [{ name: 'NEW_ONE', value: null }],
    });
    expect(errorCode(unknownValue)).toBe('BAD_USER_INPUT');
  });

  it('stops the process when a server is disabled or deleted', async () => {
    await start();
    const created = await addServer(server.url, admin.token, stdioInput('tools'));
    await waitForServer(server.url, admin.token, 'tools', connected);
    const [pid] = recordedPids(join(dir, 'tools.pids')).servers;

    const disabled = await updateServer(server.url, admin.token, created.id, { enabled: false });
    expect(disabled.data!.updateMcpServer.status.state).toBe('DISABLED');
    await waitUntil(() => !isAlive(pid!));
    const tools = await gql(server.url, '{ mcpTools { name } }', {}, { token: admin.token });
    expect(tools.data!.mcpTools).toEqual([]);

    // A test of a disabled server lists its tools without keeping it running.
    const tested = await testServer(server.url, admin.token, created.id);
    expect(tested.data!.testMcpServer.status).toMatchObject({ state: 'DISABLED', toolCount: 8 });
    await updateServer(server.url, admin.token, created.id, { enabled: true });
    await waitForServer(server.url, admin.token, 'tools', connected);
    const pids = recordedPids(join(dir, 'tools.pids')).servers;

    expect((await deleteServer(server.url, admin.token, created.id)).data!.deleteMcpServer).toBe(
      created.id,
    );
    expect(await listServers(server.url, admin.token)).toEqual([]);
    await waitUntil(() => pids.every((p) => !isAlive(p)));
    expect(errorCode(await deleteServer(server.url, admin.token, created.id))).toBe('NOT_FOUND');
  });
});

describe('the MCP_CONFIG file', () => {
  function writeConfig(path: string, servers: unknown[]) {
    // Written beside and renamed into place, the way editors and deploy tools replace files.
    writeFileSync(`${path}.tmp`, JSON.stringify({ servers }));
    renameSync(`${path}.tmp`, path);
  }

  const fileServer = (name: string) => ({
    name,
    ...fixtureStdio(),
    env: { FIXTURE_PID_FILE: join(dir, `${name}.pids`), API_KEY: SECRET },
    approvalMode: 'auto',
  });

  it('lists file servers read-only, and reloads the file when it changes', async () => {
    const path = join(dir, 'mcp.yaml');
    writeFileSync(
      path,
      [
        'servers:',
        '  - name: files',
        `    command: ${process.execPath}`,
        `    args: ${JSON.stringify(fixtureStdio().args)}`,
        '    env:',
        `      FIXTURE_PID_FILE: ${join(dir, 'files.pids')}`,
        '  - name: remote',
        '    transport: http',
        '    url: http://127.0.0.1:1/mcp',
        '    enabled: false',
      ].join('\n'),
    );
    await start({ MCP_CONFIG: path });
    const files = await waitForServer(server.url, admin.token, 'files', connected);
    expect(files).toMatchObject({ source: 'FILE', transport: 'STDIO', approvalMode: 'ASK' });
    const [remote] = (await listServers(server.url, admin.token)).filter(
      (s) => s.name === 'remote',
    );
    expect(remote).toMatchObject({
      source: 'FILE',
      transport: 'HTTP',
      status: { state: 'DISABLED' },
    });

    const edit = await updateServer(server.url, admin.token, files.id, { enabled: false });
    expect(errorCode(edit)).toBe('BAD_USER_INPUT');
    expect(edit.errors![0]!.message).toMatch(/MCP_CONFIG/);
    expect(errorCode(await deleteServer(server.url, admin.token, files.id))).toBe('BAD_USER_INPUT');
    const taken = await createMcpServer(server.url, admin.token, stdioInput('files'));
    expect(errorCode(taken)).toBe('BAD_USER_INPUT');
    const testedFile = await testServer(server.url, admin.token, files.id);
    expect(testedFile.data!.testMcpServer.status.state).toBe('CONNECTED');

    // The file changes: one server goes, another comes.
    const [oldPid] = recordedPids(join(dir, 'files.pids')).servers;
    writeConfig(path, [fileServer('kit')]);
    const kit = await waitForServer(server.url, admin.token, 'kit', connected);
    expect(kit.approvalMode).toBe('AUTO');
    expect(kit.env.map((e) => e.maskedValue)).not.toContain(SECRET);
    expect((await listServers(server.url, admin.token)).map((s) => s.name)).toEqual(['kit']);
    await waitUntil(() => !isAlive(oldPid!));

    // A broken file is ignored: the servers it had stay.
    writeFileSync(path, 'servers:\n  - name: [unclosed');
    writeConfig(path, [{ name: 'no command here' }]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await listServers(server.url, admin.token)).map((s) => s.name)).toEqual(['kit']);
  });

  it('reads the shipped example', () => {
    const servers = readMcpConfig(join(repositoryRoot, 'ops', 'mcp.example.yaml'));
    expect(servers.map((s) => [s.name, s.transport, s.enabled, s.approvalMode])).toEqual([
      ['files', 'STDIO', true, 'ASK'],
      ['memory', 'STDIO', false, 'AUTO'],
      ['home', 'HTTP', false, 'ASK'],
    ]);
  });

  it('stops the start with one clear line when the file is broken', () => {
    const path = join(dir, 'mcp.yaml');
    for (const [content, message] of [
      [
        'servers:\n  - name: a\n    transport: stdio\n',
        /servers\[0\] \(a\): A stdio server needs a command/,
      ],
      [
        'servers:\n  - name: a\n    url: gopher://x\n',
        /servers\[0\] \(a\): The URL must start with http/,
      ],
      [
        'servers: [{name: a, command: x}, {name: a, command: y}]',
        /servers\[1\] \(a\): Another server is already named a/,
      ],
      ['servers:\n  - name: a\n    comand: x\n', /Unrecognized key/],
      ['servers: [', /not valid YAML/],
    ] as const) {
      writeFileSync(path, content);
      const config = loadConfig({
        STORAGE_DIR: dir,
        LOG_LEVEL: 'silent',
        MCP_CONFIG: path,
      });
      expect(() => buildApp(config)).toThrow(ConfigError);
      expect(() => buildApp(config)).toThrow(message);
    }
    const config = loadConfig({
      STORAGE_DIR: dir,
      LOG_LEVEL: 'silent',
      MCP_CONFIG: join(dir, 'missing.yaml'),
    });
    expect(() => buildApp(config)).toThrow(/cannot be read/);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}
