import { graphql } from '$lib/graphql';

export const ModelsQuery = graphql(`
  query Models {
    models {
      id
      displayName
      inputPrice
      outputPrice
    }
  }
`);
