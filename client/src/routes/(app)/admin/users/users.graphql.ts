import { graphql } from '$lib/graphql';
import type { UsersQuery as UsersResult } from '$lib/graphql/graphql';

export type ManagedUser = UsersResult['users']['edges'][number]['node'];

export const UsersQuery = graphql(`
  query Users($first: Int, $after: String) {
    users(first: $first, after: $after) {
      edges {
        node {
          id
          username
          email
          isAdmin
          isActive
          createdAt
          lastLoginAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      username
      email
      isAdmin
      isActive
      createdAt
      lastLoginAt
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      username
      email
      isAdmin
      isActive
      createdAt
      lastLoginAt
    }
  }
`);

export const DeleteUserMutation = graphql(`
  mutation DeleteUser($id: ID!) {
    deleteUser(id: $id)
  }
`);
