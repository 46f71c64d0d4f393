import { RefreshToken, Session } from './modules/auth/session.entity.ts';
import { Conversation } from './modules/conversations/conversation.entity.ts';
import { Message } from './modules/conversations/message.entity.ts';
import { User } from './modules/users/user.entity.ts';

/** Every entity the ORM knows; a new one is added here and gets a migration in migrations/. */
export const entities = [User, Session, RefreshToken, Conversation, Message];
