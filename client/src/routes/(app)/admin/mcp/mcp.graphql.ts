import { graphql } from '$lib/graphql';

export const McpServerFields = graphql(`
  fragment McpServerFields on McpServer {
    id
    name
    transport
    command
    args
    commandLine
    env {
      name
      maskedValue
    }
    url
    headers {
      name
      maskedValue
    }
    enabled
    approvalMode
    source
    status {
      state
      error
      toolCount
      lastCheckedAt
      retryAt
    }
    tools {
      name
      qualifiedName
      description
      inputSchema
    }
  }
`);

export const McpServersQuery = graphql(`
  query McpServers {
    mcpServers {
      ...McpServerFields
    }
  }
`);

export const McpServersSubscription = graphql(`
  subscription McpServersLive {
    mcpServers {
      ...McpServerFields
    }
  }
`);

export const McpCommandLineQuery = graphql(`
  query McpCommandLine($input: McpCommandLineInput!) {
    mcpCommandLine(input: $input) {
      commandLine
      resolvedCommand
    }
  }
`);

export const CreateMcpServerMutation = graphql(`
  mutation CreateMcpServer($input: CreateMcpServerInput!) {
    createMcpServer(input: $input) {
      ...McpServerFields
    }
  }
`);

export const UpdateMcpServerMutation = graphql(`
  mutation UpdateMcpServer($id: ID!, $input: UpdateMcpServerInput!) {
    updateMcpServer(id: $id, input: $input) {
      ...McpServerFields
    }
  }
`);

export const DeleteMcpServerMutation = graphql(`
  mutation DeleteMcpServer($id: ID!) {
    deleteMcpServer(id: $id)
  }
`);

export const TestMcpServerMutation = graphql(`
  mutation TestMcpServer($id: ID!) {
    testMcpServer(id: $id) {
      ...McpServerFields
    }
  }
`);
