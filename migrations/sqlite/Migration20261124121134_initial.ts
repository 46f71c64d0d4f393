import { Migration } from '@mikro-orm/migrations';

export class Migration20261124121134_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`users\` (\`id\` integer not null primary key autoincrement, \`username\` text not null, \`email\` text not null, \`password_hash\` text not null, \`is_active\` integer not null default true, \`is_admin\` integer not null default false, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`last_login_at\` datetime null);`,
    );
    this.addSql(`create unique index \`users_username_unique\` on \`users\` (\`username\`);`);
    this.addSql(`create unique index \`users_email_unique\` on \`users\` (\`email\`);`);

    this.addSql(
      `create table \`sessions\` (\`id\` text not null, \`user_id\` integer not null, \`created_at\` datetime not null, \`last_used_at\` datetime not null, \`expires_at\` datetime not null, \`revoked_at\` datetime null, \`user_agent\` text null, \`client_address\` text null, constraint \`sessions_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`sessions_user_id_index\` on \`sessions\` (\`user_id\`);`);

    this.addSql(
      `create table \`refresh_tokens\` (\`id\` integer not null primary key autoincrement, \`session_id\` text not null, \`token_hash\` text not null, \`created_at\` datetime not null, \`used_at\` datetime null, constraint \`refresh_tokens_session_id_foreign\` foreign key(\`session_id\`) references \`sessions\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(
      `create index \`refresh_tokens_session_id_index\` on \`refresh_tokens\` (\`session_id\`);`,
    );
    this.addSql(
      `create unique index \`refresh_tokens_token_hash_unique\` on \`refresh_tokens\` (\`token_hash\`);`,
    );
  }
}
