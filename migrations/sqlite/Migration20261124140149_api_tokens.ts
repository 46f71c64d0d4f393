import { Migration } from '@mikro-orm/migrations';

export class Migration20261124140149_api_tokens extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`api_tokens\` (\`id\` integer not null primary key autoincrement, \`user_id\` integer not null, \`name\` text not null, \`prefix\` text not null, \`token_hash\` text not null, \`scopes\` text not null, \`created_at\` datetime not null, \`last_used_at\` datetime null, \`expires_at\` datetime null, \`revoked_at\` datetime null, constraint \`api_tokens_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create index \`api_tokens_user_id_index\` on \`api_tokens\` (\`user_id\`);`);
    this.addSql(
      `create unique index \`api_tokens_token_hash_unique\` on \`api_tokens\` (\`token_hash\`);`,
    );
  }
}
