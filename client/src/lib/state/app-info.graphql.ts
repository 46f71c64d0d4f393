import { graphql } from '$lib/graphql';

export const AppInfoQuery = graphql(`
  query AppInfo {
    appInfo {
      version
      demoMode
      chatAvailable
      currency
      budgetTimeZone
    }
  }
`);
