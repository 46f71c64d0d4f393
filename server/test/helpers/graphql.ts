export type GraphQLResult<T = Record<string, unknown>> = {
  status: number;
  headers: Headers;
  data: T | null | undefined;
  errors:
    { message: string; extensions?: { code?: string } & Record<string, unknown> }[] | undefined;
  /** The refresh cookie the server set, as `name=value`, when it set one. */
  cookie: string | undefined;
};

export type RequestOptions = {
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
};

/** One GraphQL operation over real HTTP, the way the web app sends it. */
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLResult['errors'] };
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('rasp_refresh='));
  return {
    status: response.status,
    headers: response.headers,
    data: body.data,
    errors: body.errors,
    cookie: setCookie?.split(';')[0],
  };
}

export const errorCode = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

export const ADMIN = {
  username: 'admin',
  email: 'admin@example.com',
  password: 'admin password 1',
};

const AUTH_FIELDS = 'accessToken expiresAt user { id username isAdmin isActive }';

export async function setupAdmin(url: string) {
  const result = await gql(
    url,
    `mutation Setup($input: SetupAdminInput!) { setupAdmin(input: $input) { ${AUTH_FIELDS} } }`,
    { input: ADMIN },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return {
    token: result.data!.setupAdmin.accessToken as string,
    cookie: result.cookie!,
    user: result.data!.setupAdmin.user,
  };
}

export async function login(
  url: string,
  username: string,
  password: string,
  headers: Record<string, string> = {},
) {
  return gql(
    url,
    `mutation Login($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`,
    { input: { username, password } },
    { headers },
  );
}

export async function createMember(url: string, adminToken: string, username = 'member') {
  const password = `${username} password 1`;
  const created = await gql(
    url,
    `mutation Create($input: CreateUserInput!) { createUser(input: $input) { id username isAdmin } }`,
    { input: { username, email: `${username}@example.com`, password } },
    { token: adminToken },
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const signedIn = await login(url, username, password);
  return {
    id: created.data!.createUser.id as string,
    password,
    token: signedIn.data!.login.accessToken as string,
    cookie: signedIn.cookie!,
  };
}
