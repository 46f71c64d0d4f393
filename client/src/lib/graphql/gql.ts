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
    "\n  query AppInfo {\n    appInfo {\n      version\n      demoMode\n      chatAvailable\n      currency\n    }\n  }\n": typeof types.AppInfoDocument,
    "\n  query SetupRequired {\n    setupRequired\n  }\n": typeof types.SetupRequiredDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  fragment ChatMessage on Message {\n    id\n    role\n    content\n    status\n    stopReason\n    error\n    model\n    inputTokens\n    outputTokens\n    cacheReadTokens\n    cacheWriteTokens\n    cost\n    createdAt\n  }\n": typeof types.ChatMessageFragmentDoc,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummary\n      messages {\n        ...ChatMessage\n      }\n    }\n  }\n": typeof types.ConversationDocument,
    "\n  query ConversationSummaryById($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummary\n    }\n  }\n": typeof types.ConversationSummaryByIdDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      userMessage {\n        ...ChatMessage\n      }\n      assistantMessage {\n        ...ChatMessage\n      }\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  mutation StopGeneration($messageId: ID!) {\n    stopGeneration(messageId: $messageId) {\n      ...ChatMessage\n    }\n  }\n": typeof types.StopGenerationDocument,
    "\n  subscription MessageStream($messageId: ID!) {\n    messageStream(messageId: $messageId) {\n      __typename\n      ... on MessageDelta {\n        text\n        offset\n      }\n      ... on MessageCompleted {\n        message {\n          ...ChatMessage\n        }\n      }\n    }\n  }\n": typeof types.MessageStreamDocument,
    "\n  mutation UpdateConversation($id: ID!, $input: UpdateConversationInput!) {\n    updateConversation(id: $id, input: $input) {\n      ...ConversationSummary\n    }\n  }\n": typeof types.UpdateConversationDocument,
    "\n  mutation DeleteConversation($id: ID!) {\n    deleteConversation(id: $id)\n  }\n": typeof types.DeleteConversationDocument,
    "\n  query ExportConversation($id: ID!, $format: ExportFormat!) {\n    exportConversation(id: $id, format: $format)\n  }\n": typeof types.ExportConversationDocument,
    "\n  fragment ConversationSummary on Conversation {\n    id\n    title\n    model\n    updatedAt\n  }\n": typeof types.ConversationSummaryFragmentDoc,
    "\n  query Conversations($first: Int, $after: String, $search: String) {\n    conversations(first: $first, after: $after, search: $search) {\n      edges {\n        node {\n          ...ConversationSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConversationsDocument,
    "\n  mutation CreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      ...ConversationSummary\n    }\n  }\n": typeof types.CreateConversationDocument,
    "\n  query Models {\n    models {\n      id\n      displayName\n      inputPrice\n      outputPrice\n    }\n  }\n": typeof types.ModelsDocument,
    "\n  query Users($first: Int, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          username\n          email\n          isAdmin\n          isActive\n          createdAt\n          lastLoginAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n      email\n      isAdmin\n      isActive\n      createdAt\n      lastLoginAt\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      username\n      email\n      isAdmin\n      isActive\n      createdAt\n      lastLoginAt\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n": typeof types.DeleteUserDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation SetupAdmin($input: SetupAdminInput!) {\n    setupAdmin(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n": typeof types.SetupAdminDocument,
};
const documents: Documents = {
    "\n  query AppInfo {\n    appInfo {\n      version\n      demoMode\n      chatAvailable\n      currency\n    }\n  }\n": types.AppInfoDocument,
    "\n  query SetupRequired {\n    setupRequired\n  }\n": types.SetupRequiredDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        id\n        username\n        email\n        isAdmin\n      }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  fragment ChatMessage on Message {\n    id\n    role\n    content\n    status\n    stopReason\n    error\n    model\n    inputTokens\n    outputTokens\n    cacheReadTokens\n    cacheWriteTokens\n    cost\n    createdAt\n  }\n": types.ChatMessageFragmentDoc,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummary\n      messages {\n        ...ChatMessage\n      }\n    }\n  }\n": types.ConversationDocument,
    "\n  query ConversationSummaryById($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummary\n    }\n  }\n": types.ConversationSummaryByIdDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      userMessage {\n        ...ChatMessage\n      }\n      assistantMessage {\n        ...ChatMessage\n      }\n    }\n  }\n": types.SendMessageDocument,
    "\n  mutation StopGeneration($messageId: ID!) {\n    stopGeneration(messageId: $messageId) {\n      ...ChatMessage\n    }\n  }\n": types.StopGenerationDocument,
    "\n  subscription MessageStream($messageId: ID!) {\n    messageStream(messageId: $messageId) {\n      __typename\n      ... on MessageDelta {\n        text\n        offset\n      }\n      ... on MessageCompleted {\n        message {\n          ...ChatMessage\n        }\n      }\n    }\n  }\n": types.MessageStreamDocument,
    "\n  mutation UpdateConversation($id: ID!, $input: UpdateConversationInput!) {\n    updateConversation(id: $id, input: $input) {\n      ...ConversationSummary\n    }\n  }\n": types.UpdateConversationDocument,
    "\n  mutation DeleteConversation($id: ID!) {\n    deleteConversation(id: $id)\n  }\n": types.DeleteConversationDocument,
    "\n  query ExportConversation($id: ID!, $format: ExportFormat!) {\n    exportConversation(id: $id, format: $format)\n  }\n": types.ExportConversationDocument,
    "\n  fragment ConversationSummary on Conversation {\n    id\n    title\n    model\n    updatedAt\n  }\n": types.ConversationSummaryFragmentDoc,
    "\n  query Conversations($first: Int, $after: String, $search: String) {\n    conversations(first: $first, after: $after, search: $search) {\n      edges {\n        node {\n          ...ConversationSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConversationsDocument,
    "\n  mutation CreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      ...ConversationSummary\n    }\n  }\n": types.CreateConversationDocument,
    "\n  query Models {\n    models {\n      id\n      displayName\n      inputPrice\n      outputPrice\n    }\n  }\n": types.ModelsDocument,
    "\n  query Users($first: Int, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          username\n          email\n          isAdmin\n          isActive\n          createdAt\n          lastLoginAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n      email\n      isAdmin\n      isActive\n      createdAt\n      lastLoginAt\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      username\n      email\n      isAdmin\n      isActive\n      createdAt\n      lastLoginAt\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n": types.DeleteUserDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
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
export function graphql(source: "\n  query AppInfo {\n    appInfo {\n      version\n      demoMode\n      chatAvailable\n      currency\n    }\n  }\n"): (typeof documents)["\n  query AppInfo {\n    appInfo {\n      version\n      demoMode\n      chatAvailable\n      currency\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment ChatMessage on Message {\n    id\n    role\n    content\n    status\n    stopReason\n    error\n    model\n    inputTokens\n    outputTokens\n    cacheReadTokens\n    cacheWriteTokens\n    cost\n    createdAt\n  }\n"): (typeof documents)["\n  fragment ChatMessage on Message {\n    id\n    role\n    content\n    status\n    stopReason\n    error\n    model\n    inputTokens\n    outputTokens\n    cacheReadTokens\n    cacheWriteTokens\n    cost\n    createdAt\n  }\n"];
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
export function graphql(source: "\n  subscription MessageStream($messageId: ID!) {\n    messageStream(messageId: $messageId) {\n      __typename\n      ... on MessageDelta {\n        text\n        offset\n      }\n      ... on MessageCompleted {\n        message {\n          ...ChatMessage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MessageStream($messageId: ID!) {\n    messageStream(messageId: $messageId) {\n      __typename\n      ... on MessageDelta {\n        text\n        offset\n      }\n      ... on MessageCompleted {\n        message {\n          ...ChatMessage\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
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