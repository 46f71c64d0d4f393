import { graphql } from '$lib/graphql';

export const SetupAdminMutation = graphql(`
  mutation SetupAdmin($input: SetupAdminInput!) {
    setupAdmin(input: $input) {
      accessToken
      expiresAt
      user {
        id
        username
        email
        isAdmin
      }
    }
  }
`);
