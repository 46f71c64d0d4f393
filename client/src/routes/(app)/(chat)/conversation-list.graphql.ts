import { graphql } from '$lib/graphql';

export const ConversationSummaryFields = graphql(`
  fragment ConversationSummary on Conversation {
    id
    title
    model
    updatedAt
  }
`);

export const ConversationsQuery = graphql(`
  query Conversations($first: Int, $after: String, $search: String) {
    conversations(first: $first, after: $after, search: $search) {
      edges {
        node {
          ...ConversationSummary
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateConversationMutation = graphql(`
  mutation CreateConversation($input: CreateConversationInput!) {
    createConversation(input: $input) {
      ...ConversationSummary
    }
  }
`);
