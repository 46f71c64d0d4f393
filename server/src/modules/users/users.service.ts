import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/sqlite';
import { badInput, conflict, notFound } from '../../errors.ts';
import { requireAdmin, type Viewer } from '../../viewer.ts';
import { checkPasswordPolicy, hashPassword } from '../auth/passwords.ts';
import { revokeSessions } from '../auth/sessions.ts';
import type { Generations } from '../chat/generations.ts';
import { User } from './user.entity.ts';

export type NewUser = { username: string; email: string; password: string; isAdmin: boolean };
export type UserChanges = {
  email?: string | null;
  isAdmin?: boolean | null;
  isActive?: boolean | null;
  password?: string | null;
};
export type UserPage = { afterId?: number; beforeId?: number; limit: number; newestFirst: boolean };

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const normalizeUsername = (username: string) => username.trim().toLowerCase();

function checkUsername(username: string): string {
  const normalized = normalizeUsername(username);
  if (!USERNAME.test(normalized)) {
    throw badInput(
      'A username has 3 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
      'username',
    );
  }
  return normalized;
}

function checkEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (normalized.length > 254 || !EMAIL.test(normalized)) {
    throw badInput('That email address does not look right.', 'email');
  }
  return normalized;
}

export class UsersService {
  constructor(
    private readonly em: EntityManager,
    /** Replies being written, stopped before their author's account goes. */
    private readonly generations?: Generations,
  ) {}

  async list(viewer: Viewer | null, page: UserPage): Promise<User[]> {
    requireAdmin(viewer);
    const id = {
      ...(page.afterId !== undefined ? { $gt: page.afterId } : {}),
      ...(page.beforeId !== undefined ? { $lt: page.beforeId } : {}),
    };
    return this.em.find(User, Object.keys(id).length > 0 ? { id } : {}, {
      orderBy: { id: page.newestFirst ? 'desc' : 'asc' },
      limit: page.limit,
    });
  }

  async create(viewer: Viewer | null, input: NewUser): Promise<User> {
    requireAdmin(viewer);
    return this.insert(input);
  }

  /** Validates and stores a new user; a taken username or email is a CONFLICT. */
  async insert(input: NewUser): Promise<User> {
    const username = checkUsername(input.username);
    const email = checkEmail(input.email);
    checkPasswordPolicy(input.password);
    const user = this.em.create(User, {
      username,
      email,
      passwordHash: await hashPassword(input.password),
      isAdmin: input.isAdmin,
    });
    await this.#flushUnique();
    return user;
  }

  async update(viewer: Viewer | null, id: number, changes: UserChanges): Promise<User> {
    requireAdmin(viewer);
    const passwordHash =
      changes.password != null
        ? (checkPasswordPolicy(changes.password), await hashPassword(changes.password))
        : null;
    return this.em.transactional(async (em) => {
      const users = new UsersService(em);
      const user = await users.#find(id);
      if (changes.isActive === false || changes.isAdmin === false) await users.#keepAnAdmin(user);
      if (changes.email != null) user.email = checkEmail(changes.email);
      if (changes.isAdmin != null) user.isAdmin = changes.isAdmin;
      if (changes.isActive != null) user.isActive = changes.isActive;
      if (passwordHash) user.passwordHash = passwordHash;
      if (changes.isActive === false || passwordHash) await revokeSessions(em, user);
      await users.#flushUnique();
      return user;
    });
  }

  async delete(viewer: Viewer | null, id: number): Promise<number> {
    requireAdmin(viewer);
    await this.#keepAnAdmin(await this.#find(id));
    // Their replies stop and are charged while the account exists, so the instance's spending
    // (which outlives the account in the ledger) keeps what they cost.
    await this.generations?.stopForUser(id);
    await this.em.transactional(async (em) => {
      const users = new UsersService(em);
      const user = await users.#find(id);
      await users.#keepAnAdmin(user);
      em.remove(user);
    });
    return id;
  }

  async #find(id: number): Promise<User> {
    const user = await this.em.findOne(User, id);
    if (!user) throw notFound('That user');
    return user;
  }

  /** Refuses a change that would leave no active administrator. */
  async #keepAnAdmin(user: User): Promise<void> {
    if (!user.isAdmin || !user.isActive) return;
    const others = await this.em.count(User, {
      isAdmin: true,
      isActive: true,
      id: { $ne: user.id },
    });
    if (others === 0)
      throw conflict('This is the last active administrator; make another one first.');
  }

  async #flushUnique(): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        this.em.clear();
        throw conflict('That username or email is already taken.');
      }
      throw error;
    }
  }
}
