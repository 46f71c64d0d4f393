import { graphql } from '$lib/graphql';

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
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
