import type { ApiScope } from './scopes.ts';

/**
 * What each root field asks of a caller with an API token (sessions have their user's full
 * rights; anonymous callers are refused by the services themselves):
 * - ANYONE: no scope needed (public fields, and signing in, which takes no token);
 * - READ, CHAT, ADMIN: the token must hold that scope (ADMIN fields also need an admin owner);
 * - SESSION: never with an API token: managing tokens and the account needs a person.
 * Every root field of the schema must be listed here (a test checks it). A field missing from
 * the table falls back to READ for queries and subscriptions and CHAT for mutations.
 */
export type FieldRule = ApiScope | 'ANYONE' | 'SESSION';
export type RootType = 'Query' | 'Mutation' | 'Subscription';

export const DEFAULT_RULES: Readonly<Record<RootType, FieldRule>> = {
  Query: 'READ',
  Mutation: 'CHAT',
  Subscription: 'READ',
};

export const ROOT_FIELD_RULES: Readonly<Record<RootType, Readonly<Record<string, FieldRule>>>> = {
  Query: {
    __typename: 'ANYONE',
    __schema: 'READ',
    __type: 'READ',
    appInfo: 'ANYONE',
    setupRequired: 'ANYONE',
    viewer: 'READ',
    apiTokens: 'SESSION',
    models: 'READ',
    conversations: 'READ',
    conversation: 'READ',
    exportConversation: 'READ',
    budget: 'READ',
    budgetAlertHistory: 'READ',
    usage: 'READ',
    mcpServers: 'READ',
    mcpTools: 'READ',
    users: 'ADMIN',
    globalBudget: 'ADMIN',
    usageByUser: 'ADMIN',
    mcpCommandLine: 'ADMIN',
  },
  Mutation: {
    __typename: 'ANYONE',
    setupAdmin: 'ANYONE',
    login: 'ANYONE',
    refreshSession: 'ANYONE',
    logout: 'SESSION',
    changePassword: 'SESSION',
    createApiToken: 'SESSION',
    revokeApiToken: 'SESSION',
    createConversation: 'CHAT',
    updateConversation: 'CHAT',
    deleteConversation: 'CHAT',
    sendMessage: 'CHAT',
    stopGeneration: 'CHAT',
    approveToolCall: 'CHAT',
    denyToolCall: 'CHAT',
    setLimits: 'CHAT',
    createUser: 'ADMIN',
    updateUser: 'ADMIN',
    deleteUser: 'ADMIN',
    setGlobalLimits: 'ADMIN',
    createMcpServer: 'ADMIN',
    updateMcpServer: 'ADMIN',
    deleteMcpServer: 'ADMIN',
    testMcpServer: 'ADMIN',
  },
  Subscription: {
    __typename: 'ANYONE',
    messageStream: 'READ',
    budgetAlerts: 'READ',
    mcpServers: 'READ',
  },
};

export function ruleFor(rootType: RootType, field: string): FieldRule {
  return ROOT_FIELD_RULES[rootType][field] ?? DEFAULT_RULES[rootType];
}
