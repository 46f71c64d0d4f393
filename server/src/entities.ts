import { RefreshToken, Session } from './modules/auth/session.entity.ts';
import { User } from './modules/users/user.entity.ts';

/** Every entity the ORM knows; a new one is added here and gets a migration in migrations/. */
export const entities = [User, Session, RefreshToken];
