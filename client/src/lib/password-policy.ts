/** The server's rule, checked here too so people learn it before sending the form. */
export const PASSWORD_MIN_LENGTH = 10;

/** What is wrong with a new password and its confirmation, or null when both are fine. */
export function passwordProblem(password: string, confirmation: string): string | null {
  // Counted in characters, not UTF-16 units, like the server.
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`;
  }
  if (password !== confirmation) return 'The passwords do not match.';
  return null;
}
