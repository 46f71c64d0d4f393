import { graphql } from '$lib/graphql';

export const MonthUsageQuery = graphql(`
  query MonthUsage($from: Date!, $to: Date!) {
    usage(from: $from, to: $to, granularity: DAY) {
      currency
      totals {
        inputTokens
        outputTokens
        cacheReadTokens
        cacheWriteTokens
        calls
        cost
      }
      series {
        date
        inputTokens
        outputTokens
        calls
        cost
      }
      byModel {
        model
        inputTokens
        outputTokens
        calls
        cost
      }
    }
    models {
      id
      displayName
    }
  }
`);

export const RecentAlertsQuery = graphql(`
  query RecentAlerts($first: Int!) {
    budgetAlertHistory(first: $first) {
      edges {
        node {
          ...BudgetAlertFields
        }
      }
    }
  }
`);
