import { graphql } from '$lib/graphql';
import type { AdminLimitsQuery as AdminLimits } from '$lib/graphql/graphql';

export type LimitedUser = AdminLimits['users']['edges'][number]['node'];
export type UserSpending = AdminLimits['usageByUser'][number];

export const AdminLimitsQuery = graphql(`
  query AdminLimits($from: Date!, $to: Date!, $first: Int!) {
    globalBudget {
      ...BudgetStatusFields
    }
    users(first: $first) {
      edges {
        node {
          id
          username
          isAdmin
          isActive
          budget {
            ...BudgetStatusFields
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
    usageByUser(from: $from, to: $to) {
      userId
      username
      cost
      inputTokens
      outputTokens
      calls
    }
  }
`);

export const SetGlobalLimitsMutation = graphql(`
  mutation SetGlobalLimits($input: SetGlobalLimitsInput!) {
    setGlobalLimits(input: $input) {
      ...LimitsFields
    }
  }
`);
