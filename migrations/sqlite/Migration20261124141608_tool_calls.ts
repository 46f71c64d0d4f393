import { Migration } from '@mikro-orm/migrations';

export class Migration20261124141608_tool_calls extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`tool_calls\` (\`id\` integer not null primary key autoincrement, \`message_id\` integer not null, \`tool_use_id\` text not null, \`server_name\` text not null, \`tool_name\` text not null, \`status\` text check (\`status\` in ('AWAITING_APPROVAL', 'RUNNING', 'DONE', 'ERROR', 'DENIED')) not null, \`input\` json not null, \`output\` text null, \`is_error\` integer not null default false, \`duration_ms\` integer null, \`text_offset\` integer not null default 0, \`created_at\` datetime not null, \`completed_at\` datetime null, constraint \`tool_calls_message_id_foreign\` foreign key(\`message_id\`) references \`messages\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create index \`tool_calls_message_id_index\` on \`tool_calls\` (\`message_id\`);`);
    this.addSql(`alter table \`conversations\` add column \`disabled_mcp_servers\` json null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`tool_calls\`;`);
    this.addSql(`alter table \`conversations\` drop column \`disabled_mcp_servers\`;`);
  }
}
