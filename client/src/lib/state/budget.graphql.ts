import { graphql } from '$lib/graphql';

/** A budget as every page shows it: today's and this month's spending against the limits. */
export const BudgetStatusFields = graphql(`
  fragment BudgetStatusFields on BudgetStatus {
    currency
    blocked
    blockedBy {
      scope
      period
      resetsAt
    }
    killSwitchEnabled
    daily {
      spent
      reserved
      limit
      percent
      resetsAt
    }
    monthly {
      spent
      reserved
      limit
      percent
      resetsAt
    }
    limits {
      dailyLimit
      monthlyLimit
      alertThresholds
      killSwitchEnabled
    }
  }
`);

/** What saving limits returns; the pages then load the budget again. */
export const LimitsFields = graphql(`
  fragment LimitsFields on Limits {
    dailyLimit
    monthlyLimit
    alertThresholds
    killSwitchEnabled
  }
`);

/** One user's limits: the viewer's own (no `userId`), or another's for an administrator. */
export const SetLimitsMutation = graphql(`
  mutation SetLimits($input: SetLimitsInput!) {
    setLimits(input: $input) {
      ...LimitsFields
    }
  }
`);

/** An alert as a toast and the list of recent ones word it. */
export const BudgetAlertFields = graphql(`
  fragment BudgetAlertFields on BudgetAlert {
    id
    scope
    period
    threshold
    spent
    limit
    at
  }
`);

export const BudgetQuery = graphql(`
  query Budget {
    budget {
      ...BudgetStatusFields
    }
  }
`);

export const BudgetAlertsSubscription = graphql(`
  subscription BudgetAlerts {
    budgetAlerts {
      ...BudgetAlertFields
    }
  }
`);
