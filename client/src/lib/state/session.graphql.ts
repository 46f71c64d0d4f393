import { graphql } from '$lib/graphql';

export const SetupRequiredQuery = graphql(`
  query SetupRequired {
    setupRequired
  }
`);

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession {
    refreshSession {
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

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);
