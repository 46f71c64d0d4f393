import { Migration } from '@mikro-orm/migrations';

export class Migration20261124124954_conversations extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`conversations\` (\`id\` integer not null primary key autoincrement, \`owner_id\` integer not null, \`title\` text null, \`model\` text not null, \`system_prompt\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`last_activity_at\` datetime not null, constraint \`conversations_owner_id_foreign\` foreign key(\`owner_id\`) references \`users\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(
      `create index \`conversations_owner_id_index\` on \`conversations\` (\`owner_id\`);`,
    );
    this.addSql(
      `create index \`conversations_owner_id_last_activity_at_index\` on \`conversations\` (\`owner_id\`, \`last_activity_at\`);`,
    );

    this.addSql(
      `create table \`messages\` (\`id\` integer not null primary key autoincrement, \`conversation_id\` integer not null, \`role\` text check (\`role\` in ('USER', 'ASSISTANT')) not null, \`content\` text not null default '', \`status\` text check (\`status\` in ('STREAMING', 'COMPLETE', 'STOPPED', 'FAILED')) not null, \`stop_reason\` text null, \`error\` text null, \`model\` text null, \`input_tokens\` integer not null default 0, \`output_tokens\` integer not null default 0, \`cache_read_tokens\` integer not null default 0, \`cache_write_tokens\` integer not null default 0, \`cost_usd\` double not null default 0, \`created_at\` datetime not null, \`completed_at\` datetime null, constraint \`messages_conversation_id_foreign\` foreign key(\`conversation_id\`) references \`conversations\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(
      `create index \`messages_conversation_id_index\` on \`messages\` (\`conversation_id\`);`,
    );
  }
}
