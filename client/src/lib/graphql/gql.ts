/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AppInfo {\n    appInfo {\n      version\n      demoMode\n      chatAvailable\n      currency\n      budgetTimeZone\n    }\n  }\n": typeof types.AppInfoDocument,
    "\n  fragment BudgetStatusFields on BudgetStatus {\n    currency\n    blocked\n    blockedBy {\n      scope\n      period\n      resetsAt\n    }\n    killSwitchEnabled\n    daily {\n      spent\n      reserved\n      limit\n      percent\n      resetsAt\n    }\n    monthly {\n      spent\n      reserved\n      limit\n      percent\n      resetsAt\n    }\n    limits {\n      dailyLimit\n      monthlyLimit\n      alertThresholds\n      killSwitchEnabled\n    }\n  }\n": typeof types.BudgetStatusFieldsFragmentDoc,
    "\n  fragment LimitsFields on Limits {\n    dailyLimit\n    monthlyLimit\n    alertThresholds\n    killSwitchEnabled\n  }\n": typeof types.LimitsFieldsFragmentDoc,
    "\n  mutation SetLimits($input: SetLimitsInput!) {\n    setLimits(input: $input) {\n      ...LimitsFields\n    }\n  }\n": typeof types.SetLimitsDocument,
    "\n  fragment BudgetAlertFields on BudgetAlert {\n    id\n    scope\n    period\n    threshold\n    spent\n    limit\n    at\n  }\n": typeof types.BudgetAlertFieldsFragmentDoc,
    "\n  query Budget {\n    budget {\n      ...BudgetStatusFields\n    }\n  }\n": typeof types.BudgetDocument,
    "\n  subscription BudgetAlerts {\n    budgetAlerts {\n      ...BudgetAlertFields\n    }\n  }\n": typeof types.BudgetAlertsDocument,
    "\n  query SetupRequired {\n    setupRequired\n  }\n": typeof types.SetupRequiredDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  fragment ChatMessage on Message {\n    id\n    role\n    content\n    status\n    stopReason\n    error\n    model\n    inputTokens\n    outputTokens\n    cacheReadTokens\n    cacheWriteTokens\n    cost\n    createdAt\n    toolCalls {\n      id\n      serverName\n      toolName\n      status\n      input\n      output\n      isError\n      durationMs\n      textOffset\n    }\n  }\n": typeof types.ChatMessageFragmentDoc,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummary\n      messages {\n        ...ChatMessage\n      }\n    }\n  }\n": typeof types.ConversationDocument,
    "\n  query ConversationSummaryById($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummary\n    }\n  }\n": typeof types.ConversationSummaryByIdDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      userMessage {\n        ...ChatMessage\n      }\n      assistantMessage {\n        ...ChatMessage\n      }\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  mutation StopGeneration($messageId: ID!) {\n    stopGeneration(messageId: $messageId) {\n      ...ChatMessage\n    }\n  }\n": typeof types.StopGenerationDocument,
    "\n  subscription MessageStream($messageId: ID!) {\n    messageStream(messageId: $messageId) {\n      __typename\n      ... on MessageDelta {\n        text\n        offset\n      }\n      ... on ToolCallEvent {\n        toolCall {\n          id\n          serverName\n          toolName\n          status\n          input\n          output\n          isError\n          durationMs\n          textOffset\n        }\n      }\n      ... on MessageCompleted {\n        message {\n          ...ChatMessage\n        }\n      }\n    }\n  }\n": typeof types.MessageStreamDocument,
    "\n  mutation UpdateConversation($id: ID!, $input: UpdateConversationInput!) {\n    updateConversation(id: $id, input: $input) {\n      ...ConversationSummary\n    }\n  }\n": typeof types.UpdateConversationDocument,
    "\n  mutation DeleteConversation($id: ID!) {\n    deleteConversation(id: $id)\n  }\n": typeof types.DeleteConversationDocument,
    "\n  query ExportConversation($id: ID!, $format: ExportFormat!) {\n    exportConversation(id: $id, format: $format)\n  }\n": typeof types.ExportConversationDocument,
    "\n  mutation ApproveToolCall($id: ID!) {\n    approveToolCall(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ApproveToolCallDocument,
    "\n  mutation DenyToolCall($id: ID!) {\n    denyToolCall(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.DenyToolCallDocument,
    "\n  query ConversationTools($id: ID!) {\n    conversation(id: $id) {\n      id\n      disabledMcpServers\n    }\n    mcpServers {\n      id\n      name\n      enabled\n      status {\n        state\n        toolCount\n      }\n    }\n  }\n": typeof types.ConversationToolsDocument,
    "\n  mutation SetConversationTools($id: ID!, $input: UpdateConversationInput!) {\n    updateConversation(id: $id, input: $input) {\n      id\n      disabledMcpServers\n    }\n  }\n": typeof types.SetConversationToolsDocument,
    "\n  fragment ConversationSummary on Conversation {\n    id\n    title\n    model\n    updatedAt\n  }\n": typeof types.ConversationSummaryFragmentDoc,
    "\n  query Conversations($first: Int, $after: String, $search: String) {\n    conversations(first: $first, after: $after, search: $search) {\n      edges {\n        node {\n          ...ConversationSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConversationsDocument,
    "\n  mutation CreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      ...ConversationSummary\n    }\n  }\n": typeof types.CreateConversationDocument,
    "\n  query Models {\n    models {\n      id\n      displayName\n      inputPrice\n      outputPrice\n    }\n  }\n": typeof types.ModelsDocument,
    "\n  query AdminLimits($from: Date!, $to: Date!, $first: Int!) {\n    globalBudget {\n      ...BudgetStatusFields\n    }\n    users(first: $first) {\n      edges {\n        node {\n          id\n          username\n          isAdmin\n          isActive\n          budget {\n            ...BudgetStatusFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    usageByUser(from: $from, to: $to) {\n      userId\n      username\n      cost\n      inputTokens\n      outputTokens\n      calls\n    }\n  }\n": typeof types.AdminLimitsDocument,
    "\n  mutation SetGlobalLimits($input: SetGlobalLimitsInput!) {\n    setGlobalLimits(input: $input) {\n      ...LimitsFields\n    }\n  }\n": typeof types.SetGlobalLimitsDocument,
    "\n  fragment McpServerFields on McpServer {\n    id\n    name\n    transport\n    command\n    args\n    commandLine\n    env {\n      name\n      maskedValue\n    }\n    url\n    headers {\n      name\n      maskedValue\n    }\n    enabled\n    approvalMode\n    source\n    status {\n      state\n      error\n      toolCount\n      lastCheckedAt\n      retryAt\n    }\n    tools {\n      name\n      qualifiedName\n      description\n      inputSchema\n    }\n  }\n": typeof types.McpServerFieldsFragmentDoc,
    "\n  query McpServers {\n    mcpServers {\n      ...McpServerFields\n    }\n  }\n": typeof types.McpServersDocument,
    "\n  subscription McpServersLive {\n    mcpServers {\n      ...McpServerFields\n    }\n  }\n": typeof types.McpServersLiveDocument,
    "\n  query McpCommandLine($input: McpCommandLineInput!) {\n    mcpCommandLine(input: $input) {\n      commandLine\n      resolvedCommand\n    }\n  }\n": typeof types.McpCommandLineDocument,
    "\n  mutation CreateMcpServer($input: CreateMcpServerInput!) {\n    createMcpServer(input: $input) {\n      ...McpServerFields\n    }\n  }\n": typeof types.CreateMcpServerDocument,
    "\n  mutation UpdateMcpServer($id: ID!, $input: UpdateMcpServerInput!) {\n    updateMcpServer(id: $id, input: $input) {\n      ...McpServerFields\n    }\n  }\n": typeof types.UpdateMcpServerDocument,
    "\n  mutation DeleteMcpServer($id: ID!) {\n    deleteMcpServer(id: $id)\n  }\n": typeof types.DeleteMcpServerDocument,
    "\n  mutation TestMcpServer($id: ID!) {\n    testMcpServer(id: $id) {\n      ...McpServerFields\n    }\n  }\n": typeof types.TestMcpServerDocument,
    "\n  query Users($first: Int, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          username\n          email\n          isAdmin\n          isActive\n          createdAt\n          lastLoginAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n      email\n      isAdmin\n      isActive\n      createdAt\n      lastLoginAt\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      username\n      email\n      isAdmin\n      isActive\n      createdAt\n      lastLoginAt\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n": typeof types.DeleteUserDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scopes\n    prefix\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query MonthUsage($from: Date!, $to: Date!) {\n    usage(from: $from, to: $to, granularity: DAY) {\n      currency\n      totals {\n        inputTokens\n        outputTokens\n        cacheReadTokens\n        cacheWriteTokens\n        calls\n        cost\n      }\n      series {\n        date\n        inputTokens\n        outputTokens\n        calls\n        cost\n      }\n      byModel {\n        model\n        inputTokens\n        outputTokens\n        calls\n        cost\n      }\n    }\n    models {\n      id\n      displayName\n    }\n  }\n": typeof types.MonthUsageDocument,
    "\n  query RecentAlerts($first: Int!) {\n    budgetAlertHistory(first: $first) {\n      edges {\n        node {\n          ...BudgetAlertFields\n        }\n      }\n    }\n  }\n": typeof types.RecentAlertsDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation SetupAdmin($input: SetupAdminInput!) {\n    setupAdmin(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n": typeof types.SetupAdminDocument,
};
const documents: Documents = {
    "\n  query AppInfo {\n    appInfo {\n      version\n      demoMode\n      chatAvailable\n      currency\n      budgetTimeZone\n    }\n  }\n": types.AppInfoDocument,
    "\n  fragment BudgetStatusFields on BudgetStatus {\n    currency\n    blocked\n    blockedBy {\n      scope\n      period\n      resetsAt\n    }\n    killSwitchEnabled\n    daily {\n      spent\n      reserved\n      limit\n      percent\n      resetsAt\n    }\n    monthly {\n      spent\n      reserved\n      limit\n      percent\n      resetsAt\n    }\n    limits {\n      dailyLimit\n      monthlyLimit\n      alertThresholds\n      killSwitchEnabled\n    }\n  }\n": types.BudgetStatusFieldsFragmentDoc,
    "\n  fragment LimitsFields on Limits {\n    dailyLimit\n    monthlyLimit\n    alertThresholds\n    killSwitchEnabled\n  }\n": types.LimitsFieldsFragmentDoc,
    "\n  mutation SetLimits($input: SetLimitsInput!) {\n    setLimits(input: $input) {\n      ...LimitsFields\n    }\n  }\n": types.SetLimitsDocument,
    "\n  fragment BudgetAlertFields on BudgetAlert {\n    id\n    scope\n    period\n    threshold\n    spent\n    limit\n    at\n  }\n": types.BudgetAlertFieldsFragmentDoc,
    "\n  query Budget {\n    budget {\n      ...BudgetStatusFields\n    }\n  }\n": types.BudgetDocument,
    "\n  subscription BudgetAlerts {\n    budgetAlerts {\n      ...BudgetAlertFields\n    }\n  }\n": types.BudgetAlertsDocument,
    "\n  query SetupRequired {\n    setupRequired\n  }\n": types.SetupRequiredDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  fragment ChatMessage on Message {\n    id\n    role\n    content\n    status\n    stopReason\n    error\n    model\n    inputTokens\n    outputTokens\n    cacheReadTokens\n    cacheWriteTokens\n    cost\n    createdAt\n    toolCalls {\n      id\n      serverName\n      toolName\n      status\n      input\n      output\n      isError\n      durationMs\n      textOffset\n    }\n  }\n": types.ChatMessageFragmentDoc,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummary\n      messages {\n        ...ChatMessage\n      }\n    }\n  }\n": types.ConversationDocument,
    "\n  query ConversationSummaryById($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummary\n    }\n  }\n": types.ConversationSummaryByIdDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      userMessage {\n        ...ChatMessage\n      }\n      assistantMessage {\n        ...ChatMessage\n      }\n    }\n  }\n": types.SendMessageDocument,
    "\n  mutation StopGeneration($messageId: ID!) {\n    stopGeneration(messageId: $messageId) {\n      ...ChatMessage\n    }\n  }\n": types.StopGenerationDocument,
    "\n  subscription MessageStream($messageId: ID!) {\n    messageStream(messageId: $messageId) {\n      __typename\n      ... on MessageDelta {\n        text\n        offset\n      }\n      ... on ToolCallEvent {\n        toolCall {\n          id\n          serverName\n          toolName\n          status\n          input\n          output\n          isError\n          durationMs\n          textOffset\n        }\n      }\n      ... on MessageCompleted {\n        message {\n          ...ChatMessage\n        }\n      }\n    }\n  }\n": types.MessageStreamDocument,
    "\n  mutation UpdateConversation($id: ID!, $input: UpdateConversationInput!) {\n    updateConversation(id: $id, input: $input) {\n      ...ConversationSummary\n    }\n  }\n": types.UpdateConversationDocument,
    "\n  mutation DeleteConversation($id: ID!) {\n    deleteConversation(id: $id)\n  }\n": types.DeleteConversationDocument,
    "\n  query ExportConversation($id: ID!, $format: ExportFormat!) {\n    exportConversation(id: $id, format: $format)\n  }\n": types.ExportConversationDocument,
    "\n  mutation ApproveToolCall($id: ID!) {\n    approveToolCall(id: $id) {\n      id\n      status\n    }\n  }\n": types.ApproveToolCallDocument,
    "\n  mutation DenyToolCall($id: ID!) {\n    denyToolCall(id: $id) {\n      id\n      status\n    }\n  }\n": types.DenyToolCallDocument,
    "\n  query ConversationTools($id: ID!) {\n    conversation(id: $id) {\n      id\n      disabledMcpServers\n    }\n    mcpServers {\n      id\n      name\n      enabled\n      status {\n        state\n        toolCount\n      }\n    }\n  }\n": types.ConversationToolsDocument,
    "\n  mutation SetConversationTools($id: ID!, $input: UpdateConversationInput!) {\n    updateConversation(id: $id, input: $input) {\n      id\n      disabledMcpServers\n    }\n  }\n": types.SetConversationToolsDocument,
    "\n  fragment ConversationSummary on Conversation {\n    id\n    title\n    model\n    updatedAt\n  }\n": types.ConversationSummaryFragmentDoc,
    "\n  query Conversations($first: Int, $after: String, $search: String) {\n    conversations(first: $first, after: $after, search: $search) {\n      edges {\n        node {\n          ...ConversationSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConversationsDocument,
    "\n  mutation CreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      ...ConversationSummary\n    }\n  }\n": types.CreateConversationDocument,
    "\n  query Models {\n    models {\n      id\n      displayName\n      inputPrice\n      outputPrice\n    }\n  }\n": types.ModelsDocument,
    "\n  query AdminLimits($from: Date!, $to: Date!, $first: Int!) {\n    globalBudget {\n      ...BudgetStatusFields\n    }\n    users(first: $first) {\n      edges {\n        node {\n          id\n          username\n          isAdmin\n          isActive\n          budget {\n            ...BudgetStatusFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    usageByUser(from: $from, to: $to) {\n      userId\n      username\n      cost\n      inputTokens\n      outputTokens\n      calls\n    }\n  }\n": types.AdminLimitsDocument,
    "\n  mutation SetGlobalLimits($input: SetGlobalLimitsInput!) {\n    setGlobalLimits(input: $input) {\n      ...LimitsFields\n    }\n  }\n": types.SetGlobalLimitsDocument,
    "\n  fragment McpServerFields on McpServer {\n    id\n    name\n    transport\n    command\n    args\n    commandLine\n    env {\n      name\n      maskedValue\n    }\n    url\n    headers {\n      name\n      maskedValue\n    }\n    enabled\n    approvalMode\n    source\n    status {\n      state\n      error\n      toolCount\n      lastCheckedAt\n      retryAt\n    }\n    tools {\n      name\n      qualifiedName\n      description\n      inputSchema\n    }\n  }\n": types.McpServerFieldsFragmentDoc,
    "\n  query McpServers {\n    mcpServers {\n      ...McpServerFields\n    }\n  }\n": types.McpServersDocument,
    "\n  subscription McpServersLive {\n    mcpServers {\n      ...McpServerFields\n    }\n  }\n": types.McpServersLiveDocument,
    "\n  query McpCommandLine($input: McpCommandLineInput!) {\n    mcpCommandLine(input: $input) {\n      commandLine\n      resolvedCommand\n    }\n  }\n": types.McpCommandLineDocument,
    "\n  mutation CreateMcpServer($input: CreateMcpServerInput!) {\n    createMcpServer(input: $input) {\n      ...McpServerFields\n    }\n  }\n": types.CreateMcpServerDocument,
    "\n  mutation UpdateMcpServer($id: ID!, $input: UpdateMcpServerInput!) {\n    updateMcpServer(id: $id, input: $input) {\n      ...McpServerFields\n    }\n  }\n": types.UpdateMcpServerDocument,
    "\n  mutation DeleteMcpServer($id: ID!) {\n    deleteMcpServer(id: $id)\n  }\n": types.DeleteMcpServerDocument,
    "\n  mutation TestMcpServer($id: ID!) {\n    testMcpServer(id: $id) {\n      ...McpServerFields\n    }\n  }\n": types.TestMcpServerDocument,
    "\n  query Users($first: Int, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          username\n          email\n          isAdmin\n          isActive\n          createdAt\n          lastLoginAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n      email\n      isAdmin\n      isActive\n      createdAt\n      lastLoginAt\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      username\n      email\n      isAdmin\n      isActive\n      createdAt\n      lastLoginAt\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n": types.DeleteUserDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scopes\n    prefix\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  query MonthUsage($from: Date!, $to: Date!) {\n    usage(from: $from, to: $to, granularity: DAY) {\n      currency\n      totals {\n        inputTokens\n        outputTokens\n        cacheReadTokens\n        cacheWriteTokens\n        calls\n        cost\n      }\n      series {\n        date\n        inputTokens\n        outputTokens\n        calls\n        cost\n      }\n      byModel {\n        model\n        inputTokens\n        outputTokens\n        calls\n        cost\n      }\n    }\n    models {\n      id\n      displayName\n    }\n  }\n": types.MonthUsageDocument,
    "\n  query RecentAlerts($first: Int!) {\n    budgetAlertHistory(first: $first) {\n      edges {\n        node {\n          ...BudgetAlertFields\n        }\n      }\n    }\n  }\n": types.RecentAlertsDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation SetupAdmin($input: SetupAdminInput!) {\n    setupAdmin(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n": types.SetupAdminDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppInfo {\n    appInfo {\n      version\n      demoMode\n      chatAvailable\n      currency\n      budgetTimeZone\n    }\n  }\n"): (typeof documents)["\n  query AppInfo {\n    appInfo {\n      version\n      demoMode\n      chatAvailable\n      currency\n      budgetTimeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BudgetStatusFields on BudgetStatus {\n    currency\n    blocked\n    blockedBy {\n      scope\n      period\n      resetsAt\n    }\n    killSwitchEnabled\n    daily {\n      spent\n      reserved\n      limit\n      percent\n      resetsAt\n    }\n    monthly {\n      spent\n      reserved\n      limit\n      percent\n      resetsAt\n    }\n    limits {\n      dailyLimit\n      monthlyLimit\n      alertThresholds\n      killSwitchEnabled\n    }\n  }\n"): (typeof documents)["\n  fragment BudgetStatusFields on BudgetStatus {\n    currency\n    blocked\n    blockedBy {\n      scope\n      period\n      resetsAt\n    }\n    killSwitchEnabled\n    daily {\n      spent\n      reserved\n      limit\n      percent\n      resetsAt\n    }\n    monthly {\n      spent\n      reserved\n      limit\n      percent\n      resetsAt\n    }\n    limits {\n      dailyLimit\n      monthlyLimit\n      alertThresholds\n      killSwitchEnabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LimitsFields on Limits {\n    dailyLimit\n    monthlyLimit\n    alertThresholds\n    killSwitchEnabled\n  }\n"): (typeof documents)["\n  fragment LimitsFields on Limits {\n    dailyLimit\n    monthlyLimit\n    alertThresholds\n    killSwitchEnabled\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLimits($input: SetLimitsInput!) {\n    setLimits(input: $input) {\n      ...LimitsFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetLimits($input: SetLimitsInput!) {\n    setLimits(input: $input) {\n      ...LimitsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BudgetAlertFields on BudgetAlert {\n    id\n    scope\n    period\n    threshold\n    spent\n    limit\n    at\n  }\n"): (typeof documents)["\n  fragment BudgetAlertFields on BudgetAlert {\n    id\n    scope\n    period\n    threshold\n    spent\n    limit\n    at\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Budget {\n    budget {\n      ...BudgetStatusFields\n    }\n  }\n"): (typeof documents)["\n  query Budget {\n    budget {\n      ...BudgetStatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BudgetAlerts {\n    budgetAlerts {\n      ...BudgetAlertFields\n    }\n  }\n"): (typeof documents)["\n  subscription BudgetAlerts {\n    budgetAlerts {\n      ...BudgetAlertFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SetupRequired {\n    setupRequired\n  }\n"): (typeof documents)["\n  query SetupRequired {\n    setupRequired\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChatMessage on Message {\n    id\n    role\n    content\n    status\n    stopReason\n    error\n    model\n    inputTokens\n    outputTokens\n    cacheReadTokens\n    cacheWriteTokens\n    cost\n    createdAt\n    toolCalls {\n      id\n      serverName\n      toolName\n      status\n      input\n      output\n      isError\n      durationMs\n      textOffset\n    }\n  }\n"): (typeof documents)["\n  fragment ChatMessage on Message {\n    id\n    role\n    content\n    status\n    stopReason\n    error\n    model\n    inputTokens\n    outputTokens\n    cacheReadTokens\n    cacheWriteTokens\n    cost\n    createdAt\n    toolCalls {\n      id\n      serverName\n      toolName\n      status\n      input\n      output\n      isError\n      durationMs\n      textOffset\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummary\n      messages {\n        ...ChatMessage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummary\n      messages {\n        ...ChatMessage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationSummaryById($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummary\n    }\n  }\n"): (typeof documents)["\n  query ConversationSummaryById($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      userMessage {\n        ...ChatMessage\n      }\n      assistantMessage {\n        ...ChatMessage\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      userMessage {\n        ...ChatMessage\n      }\n      assistantMessage {\n        ...ChatMessage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopGeneration($messageId: ID!) {\n    stopGeneration(messageId: $messageId) {\n      ...ChatMessage\n    }\n  }\n"): (typeof documents)["\n  mutation StopGeneration($messageId: ID!) {\n    stopGeneration(messageId: $messageId) {\n      ...ChatMessage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MessageStream($messageId: ID!) {\n    messageStream(messageId: $messageId) {\n      __typename\n      ... on MessageDelta {\n        text\n        offset\n      }\n      ... on ToolCallEvent {\n        toolCall {\n          id\n          serverName\n          toolName\n          status\n          input\n          output\n          isError\n          durationMs\n          textOffset\n        }\n      }\n      ... on MessageCompleted {\n        message {\n          ...ChatMessage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MessageStream($messageId: ID!) {\n    messageStream(messageId: $messageId) {\n      __typename\n      ... on MessageDelta {\n        text\n        offset\n      }\n      ... on ToolCallEvent {\n        toolCall {\n          id\n          serverName\n          toolName\n          status\n          input\n          output\n          isError\n          durationMs\n          textOffset\n        }\n      }\n      ... on MessageCompleted {\n        message {\n          ...ChatMessage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateConversation($id: ID!, $input: UpdateConversationInput!) {\n    updateConversation(id: $id, input: $input) {\n      ...ConversationSummary\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateConversation($id: ID!, $input: UpdateConversationInput!) {\n    updateConversation(id: $id, input: $input) {\n      ...ConversationSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteConversation($id: ID!) {\n    deleteConversation(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteConversation($id: ID!) {\n    deleteConversation(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportConversation($id: ID!, $format: ExportFormat!) {\n    exportConversation(id: $id, format: $format)\n  }\n"): (typeof documents)["\n  query ExportConversation($id: ID!, $format: ExportFormat!) {\n    exportConversation(id: $id, format: $format)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveToolCall($id: ID!) {\n    approveToolCall(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveToolCall($id: ID!) {\n    approveToolCall(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DenyToolCall($id: ID!) {\n    denyToolCall(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DenyToolCall($id: ID!) {\n    denyToolCall(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationTools($id: ID!) {\n    conversation(id: $id) {\n      id\n      disabledMcpServers\n    }\n    mcpServers {\n      id\n      name\n      enabled\n      status {\n        state\n        toolCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConversationTools($id: ID!) {\n    conversation(id: $id) {\n      id\n      disabledMcpServers\n    }\n    mcpServers {\n      id\n      name\n      enabled\n      status {\n        state\n        toolCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetConversationTools($id: ID!, $input: UpdateConversationInput!) {\n    updateConversation(id: $id, input: $input) {\n      id\n      disabledMcpServers\n    }\n  }\n"): (typeof documents)["\n  mutation SetConversationTools($id: ID!, $input: UpdateConversationInput!) {\n    updateConversation(id: $id, input: $input) {\n      id\n      disabledMcpServers\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationSummary on Conversation {\n    id\n    title\n    model\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ConversationSummary on Conversation {\n    id\n    title\n    model\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversations($first: Int, $after: String, $search: String) {\n    conversations(first: $first, after: $after, search: $search) {\n      edges {\n        node {\n          ...ConversationSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversations($first: Int, $after: String, $search: String) {\n    conversations(first: $first, after: $after, search: $search) {\n      edges {\n        node {\n          ...ConversationSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      ...ConversationSummary\n    }\n  }\n"): (typeof documents)["\n  mutation CreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      ...ConversationSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Models {\n    models {\n      id\n      displayName\n      inputPrice\n      outputPrice\n    }\n  }\n"): (typeof documents)["\n  query Models {\n    models {\n      id\n      displayName\n      inputPrice\n      outputPrice\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminLimits($from: Date!, $to: Date!, $first: Int!) {\n    globalBudget {\n      ...BudgetStatusFields\n    }\n    users(first: $first) {\n      edges {\n        node {\n          id\n          username\n          isAdmin\n          isActive\n          budget {\n            ...BudgetStatusFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    usageByUser(from: $from, to: $to) {\n      userId\n      username\n      cost\n      inputTokens\n      outputTokens\n      calls\n    }\n  }\n"): (typeof documents)["\n  query AdminLimits($from: Date!, $to: Date!, $first: Int!) {\n    globalBudget {\n      ...BudgetStatusFields\n    }\n    users(first: $first) {\n      edges {\n        node {\n          id\n          username\n          isAdmin\n          isActive\n          budget {\n            ...BudgetStatusFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    usageByUser(from: $from, to: $to) {\n      userId\n      username\n      cost\n      inputTokens\n      outputTokens\n      calls\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetGlobalLimits($input: SetGlobalLimitsInput!) {\n    setGlobalLimits(input: $input) {\n      ...LimitsFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetGlobalLimits($input: SetGlobalLimitsInput!) {\n    setGlobalLimits(input: $input) {\n      ...LimitsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment McpServerFields on McpServer {\n    id\n    name\n    transport\n    command\n    args\n    commandLine\n    env {\n      name\n      maskedValue\n    }\n    url\n    headers {\n      name\n      maskedValue\n    }\n    enabled\n    approvalMode\n    source\n    status {\n      state\n      error\n      toolCount\n      lastCheckedAt\n      retryAt\n    }\n    tools {\n      name\n      qualifiedName\n      description\n      inputSchema\n    }\n  }\n"): (typeof documents)["\n  fragment McpServerFields on McpServer {\n    id\n    name\n    transport\n    command\n    args\n    commandLine\n    env {\n      name\n      maskedValue\n    }\n    url\n    headers {\n      name\n      maskedValue\n    }\n    enabled\n    approvalMode\n    source\n    status {\n      state\n      error\n      toolCount\n      lastCheckedAt\n      retryAt\n    }\n    tools {\n      name\n      qualifiedName\n      description\n      inputSchema\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpServers {\n    mcpServers {\n      ...McpServerFields\n    }\n  }\n"): (typeof documents)["\n  query McpServers {\n    mcpServers {\n      ...McpServerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription McpServersLive {\n    mcpServers {\n      ...McpServerFields\n    }\n  }\n"): (typeof documents)["\n  subscription McpServersLive {\n    mcpServers {\n      ...McpServerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpCommandLine($input: McpCommandLineInput!) {\n    mcpCommandLine(input: $input) {\n      commandLine\n      resolvedCommand\n    }\n  }\n"): (typeof documents)["\n  query McpCommandLine($input: McpCommandLineInput!) {\n    mcpCommandLine(input: $input) {\n      commandLine\n      resolvedCommand\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMcpServer($input: CreateMcpServerInput!) {\n    createMcpServer(input: $input) {\n      ...McpServerFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMcpServer($input: CreateMcpServerInput!) {\n    createMcpServer(input: $input) {\n      ...McpServerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMcpServer($id: ID!, $input: UpdateMcpServerInput!) {\n    updateMcpServer(id: $id, input: $input) {\n      ...McpServerFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMcpServer($id: ID!, $input: UpdateMcpServerInput!) {\n    updateMcpServer(id: $id, input: $input) {\n      ...McpServerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMcpServer($id: ID!) {\n    deleteMcpServer(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteMcpServer($id: ID!) {\n    deleteMcpServer(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestMcpServer($id: ID!) {\n    testMcpServer(id: $id) {\n      ...McpServerFields\n    }\n  }\n"): (typeof documents)["\n  mutation TestMcpServer($id: ID!) {\n    testMcpServer(id: $id) {\n      ...McpServerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($first: Int, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          username\n          email\n          isAdmin\n          isActive\n          createdAt\n          lastLoginAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($first: Int, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          username\n          email\n          isAdmin\n          isActive\n          createdAt\n          lastLoginAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n      email\n      isAdmin\n      isActive\n      createdAt\n      lastLoginAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n      email\n      isAdmin\n      isActive\n      createdAt\n      lastLoginAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      username\n      email\n      isAdmin\n      isActive\n      createdAt\n      lastLoginAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      username\n      email\n      isAdmin\n      isActive\n      createdAt\n      lastLoginAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scopes\n    prefix\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scopes\n    prefix\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonthUsage($from: Date!, $to: Date!) {\n    usage(from: $from, to: $to, granularity: DAY) {\n      currency\n      totals {\n        inputTokens\n        outputTokens\n        cacheReadTokens\n        cacheWriteTokens\n        calls\n        cost\n      }\n      series {\n        date\n        inputTokens\n        outputTokens\n        calls\n        cost\n      }\n      byModel {\n        model\n        inputTokens\n        outputTokens\n        calls\n        cost\n      }\n    }\n    models {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query MonthUsage($from: Date!, $to: Date!) {\n    usage(from: $from, to: $to, granularity: DAY) {\n      currency\n      totals {\n        inputTokens\n        outputTokens\n        cacheReadTokens\n        cacheWriteTokens\n        calls\n        cost\n      }\n      series {\n        date\n        inputTokens\n        outputTokens\n        calls\n        cost\n      }\n      byModel {\n        model\n        inputTokens\n        outputTokens\n        calls\n        cost\n      }\n    }\n    models {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecentAlerts($first: Int!) {\n    budgetAlertHistory(first: $first) {\n      edges {\n        node {\n          ...BudgetAlertFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RecentAlerts($first: Int!) {\n    budgetAlertHistory(first: $first) {\n      edges {\n        node {\n          ...BudgetAlertFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetupAdmin($input: SetupAdminInput!) {\n    setupAdmin(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetupAdmin($input: SetupAdminInput!) {\n    setupAdmin(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;