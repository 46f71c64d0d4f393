import { Migration } from '@mikro-orm/migrations';

export class Migration20261124140106_mcp_servers extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`mcp_servers\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`transport\` text check (\`transport\` in ('STDIO', 'HTTP', 'SSE')) not null, \`command\` text null, \`args\` json not null, \`env\` json not null, \`url\` text null, \`headers\` json not null, \`enabled\` integer not null default true, \`approval_mode\` text check (\`approval_mode\` in ('AUTO', 'ASK')) not null default 'ASK', \`created_at\` datetime not null, \`updated_at\` datetime not null);`,
    );
    this.addSql(`create unique index \`mcp_servers_name_unique\` on \`mcp_servers\` (\`name\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`mcp_servers\`;`);
  }
}
