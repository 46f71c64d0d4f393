import { graphql } from '$lib/graphql';

export const ChatMessageFields = graphql(`
  fragment ChatMessage on Message {
    id
    role
    content
    status
    stopReason
    error
    model
    inputTokens
    outputTokens
    cacheReadTokens
    cacheWriteTokens
    cost
    createdAt
    toolCalls {
      id
      serverName
      toolName
      status
      input
      output
      isError
      durationMs
      textOffset
    }
  }
`);

export const ConversationQuery = graphql(`
  query Conversation($id: ID!) {
    conversation(id: $id) {
      ...ConversationSummary
      messages {
        ...ChatMessage
      }
    }
  }
`);

export const ConversationSummaryQuery = graphql(`
  query ConversationSummaryById($id: ID!) {
    conversation(id: $id) {
      ...ConversationSummary
    }
  }
`);

export const SendMessageMutation = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      userMessage {
        ...ChatMessage
      }
      assistantMessage {
        ...ChatMessage
      }
    }
  }
`);

export const StopGenerationMutation = graphql(`
  mutation StopGeneration($messageId: ID!) {
    stopGeneration(messageId: $messageId) {
      ...ChatMessage
    }
  }
`);

export const MessageStreamSubscription = graphql(`
  subscription MessageStream($messageId: ID!) {
    messageStream(messageId: $messageId) {
      __typename
      ... on MessageDelta {
        text
        offset
      }
      ... on ToolCallEvent {
        toolCall {
          id
          serverName
          toolName
          status
          input
          output
          isError
          durationMs
          textOffset
        }
      }
      ... on MessageCompleted {
        message {
          ...ChatMessage
        }
      }
    }
  }
`);

export const UpdateConversationMutation = graphql(`
  mutation UpdateConversation($id: ID!, $input: UpdateConversationInput!) {
    updateConversation(id: $id, input: $input) {
      ...ConversationSummary
    }
  }
`);

export const DeleteConversationMutation = graphql(`
  mutation DeleteConversation($id: ID!) {
    deleteConversation(id: $id)
  }
`);

export const ExportConversationQuery = graphql(`
  query ExportConversation($id: ID!, $format: ExportFormat!) {
    exportConversation(id: $id, format: $format)
  }
`);
