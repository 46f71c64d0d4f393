import { graphql } from '$lib/graphql';

export const ApproveToolCallMutation = graphql(`
  mutation ApproveToolCall($id: ID!) {
    approveToolCall(id: $id) {
      id
      status
    }
  }
`);

export const DenyToolCallMutation = graphql(`
  mutation DenyToolCall($id: ID!) {
    denyToolCall(id: $id) {
      id
      status
    }
  }
`);
