/** POSTs one GraphQL operation, signed in with `token` if given; any error fails the benchmark. */
export async function graphql(url, query, variables, token) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok || !body?.data || body.errors) {
    const detail = body?.errors ? JSON.stringify(body.errors) : text.slice(0, 500);
    throw new Error(`GraphQL request failed (HTTP ${response.status}): ${detail}`);
  }
  return body.data;
}
