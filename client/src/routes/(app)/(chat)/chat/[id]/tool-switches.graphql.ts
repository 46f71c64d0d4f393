import { graphql } from '$lib/graphql';

export const ConversationToolsQuery = graphql(`
  query ConversationTools($id: ID!) {
    conversation(id: $id) {
      id
      disabledMcpServers
    }
    mcpServers {
      id
      name
      enabled
      status {
        state
        toolCount
      }
    }
  }
`);

export const SetConversationToolsMutation = graphql(`
  mutation SetConversationTools($id: ID!, $input: UpdateConversationInput!) {
    updateConversation(id: $id, input: $input) {
      id
      disabledMcpServers
    }
  }
`);
